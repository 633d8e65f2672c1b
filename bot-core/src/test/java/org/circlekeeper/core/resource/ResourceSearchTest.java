package org.circlekeeper.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.circlekeeper.core.community.SettingsPreferences;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.Suggester;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;

/** {@code /resource} as members use it: relevance, typos, word forms, language, filters, pages. */
class ResourceSearchTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private final BotTester bot = new BotTester();
    private final Talk alice = bot.as("alice").inDirect();
    private final Talk lucia = bot.as("lucia", SPANISH).inDirect();
    private final Talk olivia = bot.asOrganiser("olivia").inGroup();

    @Test
    void findsByTopicPrivatelyWithOpenAndMoreButtons() {
        alice.send("/country United Kingdom");
        Replies replies = bot.as("alice").inGroup().send("/resource sleep");
        assertThat(replies.allPrivate()).isTrue();
        assertThat(replies.text()).contains("sleep — 1 to 5 of").contains("1. A wind-down routine for better sleep (technique)");
        assertThat(replies.buttons()).extracting(b -> b.label()).contains("Open 1", "Open 5", "More");
    }

    @Test
    void aTypoStillFindsTheEntry() {
        String text = alice.send("/resource anxeity").text();
        assertThat(text).contains("Grounding with your senses").contains("Box breathing");
        assertThat(alice.send("/resource brething").text()).contains("Box breathing");
    }

    @Test
    void wordFormsFindTheSameEntries() {
        assertThat(alice.send("/resource anxious").text()).contains("Grounding with your senses").contains("Box breathing");
        assertThat(alice.send("/resource sleeping").text()).contains("A wind-down routine for better sleep");
        assertThat(alice.send("/resource grieving").text()).contains("A letter to someone you've lost");
        assertThat(lucia.send("/resource deprimida").text()).contains("El paseo de cinco minutos");
        assertThat(lucia.send("/resource ansiosa").text()).contains("Anclarte con los sentidos");
    }

    @Test
    void aSpanishSpeakerGetsSpanishEntriesFirst() {
        Replies replies = lucia.send("/resource respiración");
        assertThat(replies.text()).contains("respiración — 1 a").contains("1. Respiración en caja (técnica)");
        assertThat(alice.send("/resource box breathing").text()).contains("1. Box breathing (technique)");

        bot.asOrganiser("olivia").inDirect().send("/resource add technique Mindfulness walk | Walk slowly and notice each step and breath. | | mindfulness");
        bot.asOrganiser("olga", SPANISH).inDirect().send("/resource add técnica Paseo mindfulness | Camina despacio y nota cada paso y cada respiración. | | mindfulness");
        assertThat(lucia.send("/resource mindfulness").text()).contains("1. Paseo mindfulness").contains("2. Mindfulness walk");
        assertThat(alice.send("/resource mindfulness").text()).contains("1. Mindfulness walk").contains("2. Paseo mindfulness");
    }

    @Test
    void aSpanishQueryFindsSpanishOnlyEntries() {
        alice.send("/country Spain");
        String text = alice.send("/resource teléfono esperanza").text();
        assertThat(text).contains("1. Teléfono de la Esperanza");
    }

    @Test
    void aKindFiltersTheResults() {
        String techniques = alice.send("/resource technique sleep").text();
        assertThat(techniques).contains("technique · sleep").contains("A wind-down routine").doesNotContain("(exercise)")
                .doesNotContain("Progressive muscle relaxation");
        assertThat(lucia.send("/resource técnicas pánico").text()).contains("técnica · pánico").contains("Anclarte con los sentidos")
                .doesNotContain("(ejercicio)");
        String readings = alice.send("/resource reading").text();
        assertThat(readings).contains("reading — 1 to 5 of").contains("(reading)").doesNotContain("(technique)");
    }

    @Test
    void communityEntriesRankBesideShippedOnes() {
        olivia.send("/resource add technique Sleep diary | Write down when you slept and how you felt, to spot patterns in your sleep. | | sleep, insomnia");
        String text = alice.send("/resource sleep").text();
        assertThat(text).contains("Sleep diary (technique, from this group)").contains("A wind-down routine for better sleep");
        assertThat(text.indexOf("Sleep diary")).isLessThan(text.indexOf("Progressive muscle relaxation"));
    }

    @Test
    void aSearchAskedAgainSeesTheGroupsChangesSinceAndEachMembersOwnLanguage() {
        String before = alice.send("/resource sleep").text();
        assertThat(alice.send("/resource sleep").text()).as("asked again, the same results").isEqualTo(before);
        assertThat(before).doesNotContain("Sleep diary");

        olivia.send("/resource add technique Sleep diary | Write down when you slept and how you felt. | | sleep, insomnia");
        assertThat(alice.send("/resource sleep").text()).as("the kept results went with the old version").contains("Sleep diary");
        olivia.send("/resource hide wind-down-routine");
        assertThat(alice.send("/resource sleep").text()).doesNotContain("wind-down");
        assertThat(lucia.send("/resource sleep").text()).as("another language, its own results").isNotEqualTo(before);
    }

    @Test
    void hiddenEntriesAreGoneFromSearchAndOpening() {
        assertThat(olivia.send("/resource hide wind-down-routine").text()).contains("is now hidden in this group");
        assertThat(alice.send("/resource sleep").text()).doesNotContain("wind-down").contains("Box breathing");
        assertThat(alice.send("/resource wind-down-routine").text()).doesNotContain("30 minutes before bed");
        assertThat(alice.press("resource.open:wind-down-routine").text()).contains("couldn't find an entry");
        assertThat(alice.send("/resource zzqqx").text()).doesNotContain("routine,");

        olivia.send("/resource unhide wind-down-routine");
        assertThat(alice.send("/resource sleep").text()).contains("A wind-down routine for better sleep");
    }

    @Test
    void nothingFoundSuggestsTheTopicsThatExist() {
        String text = alice.send("/resource zzqqx").text();
        assertThat(text).contains("I didn't find anything for \"zzqqx\"").contains("anxiety").contains("sleep").contains("/crisis");
        assertThat(lucia.send("/resource zzqqx").text()).contains("No he encontrado nada para «zzqqx»").contains("ansiedad");
        assertThat(alice.send("/resource the").text()).contains("I didn't find anything");
    }

    @Test
    void moreShowsTheNextPageAndOpenShowsTheWholeEntry() {
        alice.send("/country GB");
        Replies first = alice.send("/resource sleep");
        Replies second = first.press("More");
        assertThat(second.all()).allMatch(r -> r.replacesOrigin());
        assertThat(second.text()).contains("sleep — 6 to").contains("6. ").doesNotContain("1. A wind-down");
        assertThat(second.buttons()).extracting(b -> b.label()).contains("Open 6");

        String opened = first.press("Open 1").text();
        assertThat(opened).contains("A wind-down routine for better sleep (technique)").contains("Dim the lights")
                .contains("Last checked November 27, 2026").contains("Id: wind-down-routine");
        assertThat(alice.send("/resource wind-down-routine").text()).contains("Dim the lights");
    }

    @Test
    void autocompleteOffersTitlesAndSendsTheId() {
        OptionSpec query = bot.engine().registry().command("resource").orElseThrow().options().get(0);
        Suggester suggester = query.suggester();
        List<Suggester.Suggestion> offered = suggester.suggest(alice.context(), "anx");
        assertThat(offered).isNotEmpty();
        assertThat(offered).extracting(Suggester.Suggestion::label).contains("Grounding with your senses: 5-4-3-2-1");
        assertThat(offered).extracting(Suggester.Suggestion::value).contains("grounding-5-4-3-2-1");
        assertThat(suggester.suggest(lucia.context(), "respir")).extracting(Suggester.Suggestion::label).contains("Respiración en caja");
        assertThat(suggester.suggest(alice.context(), "")).isEmpty();

        String picked = offered.stream().filter(s -> s.value().equals("grounding-5-4-3-2-1")).findFirst().orElseThrow().value();
        assertThat(alice.send("/resource " + picked).text()).contains("Name 5 things you can see");
    }

    @Test
    void theSuggestApiGivesTitleSummaryAndId() {
        ResourceSearch search = new ResourceSearch(ResourceCatalog.shipped(), bot.stores().resources(),
                new SettingsPreferences(bot.stores().memberSettings(), bot.stores().communitySettings(), Locale.ENGLISH, ZoneId.of("UTC")),
                bot.stores().memberSettings());
        assertThat(search.suggest(alice.context(), "box bre")).first()
                .satisfies(s -> {
                    assertThat(s.id()).isEqualTo("box-breathing");
                    assertThat(s.title()).isEqualTo("Box breathing");
                    assertThat(s.summary()).contains("four equal steps");
                    assertThat(s.kind()).isEqualTo(ResourceKind.TECHNIQUE);
                });
    }

    @Test
    void anEmptySearchExplainsHowToSearch() {
        Replies replies = alice.send("/resource");
        assertThat(replies.text()).contains("Find something that helps").contains("/resource technique panic").doesNotContain("For organisers");
        assertThat(olivia.send("/resource").text()).contains("For organisers").contains("/resource add <kind> <title>");
    }

    @Test
    void anOverLongSearchIsKindlyRefused() {
        String text = alice.send("/resource " + "sleep ".repeat(30)).text();
        assertThat(text).contains("That search is quite long (179 characters)").contains("/resource sleep");
        assertThat(alice.send("/resource " + "x".repeat(1200)).text()).contains("can be up to 1000 characters");
    }

    @Test
    void aStaleMoreButtonChangesNothing() {
        assertThat(alice.press("resource.more:x:sleep").text()).contains("no longer works");
        assertThat(alice.press("resource.more:40:sleep").text()).contains("That list has changed");
    }

    @Test
    void longQueriesStillFitTheMoreButton() {
        Replies replies = alice.send("/resource breathing exercises relaxation techniques anxiety panic sleep");
        assertThat(replies.buttons()).allSatisfy(b -> assertThat(b.actionId().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(64));
        assertThat(replies.press("More").text()).contains("6. ");
    }

    // --- the country rule (issue #12, item 12) ---

    @Test
    void aMemberInSpainDoesNotGetHelplinesOfAustraliaOrSouthAfrica() {
        alice.send("/country Spain");
        String text = alice.send("/resource anxiety").text();
        assertThat(text).contains("1. Box breathing").contains("Grounding with your senses").doesNotContain("Beyond Blue").doesNotContain("SADAG")
                .doesNotContain("Lifeline").doesNotContain("NHS").doesNotContain("/country (e.g.");
        assertThat(alice.send("/resource crisis-line").text()).contains("Línea 024").contains("Find A Helpline")
                .doesNotContain("Samaritans").doesNotContain("988").doesNotContain("SADAG");
        assertThat(alice.send("/resource help in a crisis").text()).as("'in' does not name India").doesNotContain("Tele-MANAS");
    }

    @Test
    void aMemberInJapanDoesNotGetASouthAfricanLineFirstOrAtAll() {
        alice.send("/country Japan");
        String text = alice.send("/resource anxiety").text();
        assertThat(text).contains("1. Box breathing").doesNotContain("SADAG").doesNotContain("Beyond Blue");
        assertThat(lucia.send("/country Japón").text()).contains("Japón");
        assertThat(lucia.send("/resource ansiedad").text()).doesNotContain("SADAG").doesNotContain("Beyond Blue");
    }

    @Test
    void namingACountryInTheSearchShowsItsServicesFirst() {
        alice.send("/country Spain");
        assertThat(alice.send("/resource anxiety South Africa").text()).contains("1. SADAG");
        assertThat(alice.send("/resource anxiety ZA").text()).contains("1. SADAG").doesNotContain("Beyond Blue");
        assertThat(alice.send("/resource anxiety australia").text()).contains("1. Beyond Blue").doesNotContain("SADAG");
        assertThat(lucia.send("/resource ansiedad Sudáfrica").text()).contains("1. SADAG");
        assertThat(alice.send("/resource crisis-line JP").text()).contains("Find A Helpline")
                .as("Spain is still the member's own country").contains("Línea 024").doesNotContain("Samaritans");
    }

    @Test
    void theNextPageKeepsTheNamedCountry() {
        alice.send("/country Japan");
        assertThat(alice.send("/resource crisis-line UK Ireland").text()).contains("Samaritans Ireland").contains("Shout")
                .doesNotContain("SADAG");
        Replies first = alice.send("/resource crisis-line AU NZ");
        assertThat(first.text()).contains("1 to 5 of").doesNotContain("SADAG").doesNotContain("Samaritans");
        assertThat(first.buttons()).extracting(b -> b.actionId()).contains("resource.more:1:crisis-line AU NZ");
        assertThat(first.press("More").text()).contains("6. ").doesNotContain("SADAG").doesNotContain("Línea 024");
    }

    @Test
    void withoutACountryOnlyEntriesForAnywhereShowAndTheMemberIsToldWhy() {
        String text = alice.send("/resource anxiety").text();
        assertThat(text).contains("Grounding with your senses").doesNotContain("SADAG").doesNotContain("Beyond Blue")
                .contains("Tell me yours with /country (e.g. /country Spain), or name the country in your search");
        assertThat(lucia.send("/resource teléfono esperanza").text()).contains("Dime el tuyo con /country");
        assertThat(lucia.send("/resource teléfono esperanza España").text()).contains("1. Teléfono de la Esperanza");
    }

    @Test
    void autocompleteAndTelegramInlineSearchFollowTheSameRule() {
        Suggester suggester = bot.engine().registry().command("resource").orElseThrow().options().get(0).suggester();
        alice.send("/country Spain");
        assertThat(suggester.suggest(alice.context(), "anxiety")).extracting(Suggester.Suggestion::value)
                .doesNotContain("za-sadag", "au-beyond-blue").contains("grounding-5-4-3-2-1");
        assertThat(suggester.suggest(alice.context(), "anxiety south afr")).extracting(Suggester.Suggestion::value).doesNotContain("au-beyond-blue");
        assertThat(suggester.suggest(alice.context(), "anxiety South Africa")).extracting(Suggester.Suggestion::value).first().isEqualTo("za-sadag");
        assertThat(suggester.suggest(alice.context(), "telefono esper")).extracting(Suggester.Suggestion::value).contains("telefono-esperanza");
        alice.send("/country Japan");
        assertThat(suggester.suggest(alice.context(), "telefono esper")).extracting(Suggester.Suggestion::value).doesNotContain("telefono-esperanza");
    }
}
