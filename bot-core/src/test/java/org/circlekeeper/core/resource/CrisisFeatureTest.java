package org.circlekeeper.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;

/** {@code /crisis}: the right lines for where the member is, the fallback always, and honesty about what the bot is. */
class CrisisFeatureTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private final BotTester bot = new BotTester();
    private final Talk alice = bot.as("alice").inDirect();

    @Test
    void aMemberInSpainGetsTheSpanishLinesTheFallbackAndTheEmergencyNumber() {
        alice.send("/country Spain");
        Replies replies = bot.as("alice").inGroup().send("/crisis");
        assertThat(replies.allPrivate()).isTrue();
        assertThat(replies.text()).contains("Crisis lines in Spain")
                .contains("Línea 024 de atención a la conducta suicida — call 024")
                .contains("Teléfono de la Esperanza — call 717 003 717")
                .contains("Find A Helpline — https://findahelpline.com")
                .contains("I'm a bot, not a counsellor")
                .contains("If you are in immediate danger, call 112 now.");
        assertThat(replies.buttons()).extracting(b -> b.label()).containsExactly("A number here is outdated");
    }

    @Test
    void aSpanishSpeakerInSpainReadsItInSpanish() {
        Talk lucia = bot.as("lucia", SPANISH).inDirect();
        lucia.send("/country España");
        assertThat(lucia.send("/crisis").text()).contains("Líneas de crisis en España").contains("llama al 024")
                .contains("Soy un bot, no un profesional").contains("llama ahora al 112");
    }

    @Test
    void aMemberInTheUsGets988And911() {
        alice.send("/country US");
        String text = alice.send("/crisis").text();
        assertThat(text).contains("Crisis lines in United States").contains("988 Suicide & Crisis Lifeline — call 988 — text 988")
                .contains("Crisis Text Line").contains("call 911 now");
    }

    @Test
    void aMemberInJapanGetsJapaneseLinesAnd119Or110() {
        alice.send("/country Japan");
        Replies replies = alice.send("/crisis");
        assertThat(replies.text()).contains("Crisis lines in Japan")
                .contains("TELL Lifeline — call 03-5774-0992")
                .contains("Yorisoi Hotline (よりそいホットライン) — call 0120-279-338")
                .contains("Find A Helpline")
                .contains("If you are in immediate danger, call 119 (ambulance) or 110 (police) now.")
                .doesNotContain("your local emergency number");
        assertThat(replies.buttons()).extracting(b -> b.label()).containsExactly("A number here is outdated");

        Talk lucia = bot.as("lucia", SPANISH).inDirect();
        lucia.send("/country Japón");
        assertThat(lucia.send("/crisis").text()).contains("Líneas de crisis en Japón")
                .contains("llama ahora al 119 (ambulancia) o al 110 (policía).");
    }

    @Test
    void aCountryWithoutALineGetsTheFallbackAndItsEmergencyNumberButNoOutdatedButton() {
        alice.send("/country Bolivia");
        Replies replies = alice.send("/crisis");
        assertThat(replies.text()).contains("I don't have a line for Bolivia in my list yet")
                .contains("Find A Helpline").contains("Befrienders Worldwide")
                .contains("call 118 (ambulance) or 110 (police) now")
                .doesNotContain("your local emergency number");
        assertThat(replies.buttons()).as("nothing shown that a member could report").isEmpty();

        assertThat(alice.send("/crisis Kenya").text()).contains("call 999 / 112 now");
        assertThat(alice.send("/crisis Chad").text()).as("112 only where the national number is not confirmed")
                .contains("call 112 from a mobile phone now");
        assertThat(alice.send("/crisis Antarctica").text()).contains("your local emergency number");
    }

    @Test
    void anOldOutdatedButtonWithNothingToReportChangesNothing() {
        assertThat(alice.press("crisis.outdated:-").text()).contains("no longer works");
        assertThat(alice.press("crisis.outdated:BO").text()).contains("no longer works");
        assertThat(alice.press("crisis.outdated:zz").text()).contains("no longer works");
        assertThat(bot.asOrganiser("olivia").inGroup().send("/resource reports").text()).contains("No one has marked a crisis number");
    }

    @Test
    void aMemberWhoNeverSetACountryGetsTheFallbackAndIsAskedWithButtons() {
        Replies replies = alice.send("/crisis");
        assertThat(replies.text()).contains("Someone to talk to, right now").contains("Find A Helpline")
                .contains("I'm a bot, not a counsellor").contains("tap your country");
        assertThat(replies.buttons()).extracting(b -> b.label())
                .contains("United States", "United Kingdom", "Canada", "Australia", "Ireland", "Another country");

        Replies picked = replies.press("United Kingdom");
        assertThat(picked.all()).allMatch(r -> r.replacesOrigin());
        assertThat(picked.text()).contains("Crisis lines in United Kingdom").contains("Samaritans — call 116 123").contains("call 999 now");
        assertThat(bot.stores().memberSettings().get(alice.context().member()).countrySetting())
                .as("a button answers once; only /country remembers").isEmpty();

        Replies other = replies.press("Another country");
        assertThat(other.text()).contains("Find A Helpline").contains("/crisis Japan");
        assertThat(other.buttons()).as("the directories have links, no number to report").isEmpty();
    }

    @Test
    void spanishSpeakersAreOfferedSpanishSpeakingCountries() {
        Replies replies = bot.as("lucia", SPANISH).inDirect().send("/crisis");
        assertThat(replies.buttons()).extracting(b -> b.label()).contains("España", "México", "Argentina", "Colombia", "Otro país");
        assertThat(replies.press("México").text()).contains("Línea de la Vida — llama al 800 911 2000").contains("llama ahora al 911");
    }

    @Test
    void anyCountryCanBeLookedUpByName() {
        alice.send("/country Spain");
        assertThat(alice.send("/crisis Mexico").text()).contains("Crisis lines in Mexico").contains("800 911 2000");
        assertThat(alice.send("/crisis ar").text()).contains("Crisis lines in Argentina").contains("135");
        assertThat(alice.send("/crisis Atlantis").text()).contains("couldn't find a country called \"Atlantis\"").contains("Find A Helpline");
    }

    @Test
    void anOutdatedNumberIsReportedWithoutTheMembersName() {
        alice.send("/country GB");
        Replies which = alice.send("/crisis").press("A number here is outdated");
        assertThat(which.text()).contains("Which one doesn't work");
        assertThat(which.buttons()).extracting(b -> b.label()).containsExactly("Samaritans · 116 123", "Shout · 85258");
        assertThat(which.press("Samaritans").text()).contains("I've let the organisers know that Samaritans may be outdated, without your name");
        bot.as("bob").inDirect().send("/crisis GB").press("A number here is outdated").press("Samaritans");

        Replies reports = bot.asOrganiser("olivia").inGroup().send("/resource reports");
        assertThat(reports.text()).contains("Samaritans (United Kingdom) 116 123 — 2 time(s)").doesNotContain("alice").doesNotContain("bob");
        assertThat(reports.press("Clear these reports").text()).contains("Cleared");
        assertThat(bot.asOrganiser("olivia").inGroup().send("/resource reports").text()).contains("No one has marked a crisis number");
    }

    @Test
    void crisisIsInEveryonesHelpEverywhere() {
        assertThat(bot.as("alice").inGroup().send("/help resources").text()).contains("/crisis [country] — Crisis lines for your country, any time");
        assertThat(alice.send("/help").text()).contains("/crisis");
        assertThat(alice.send("/help resources").text()).contains("/crisis [country]");
        assertThat(bot.as("alice").inGroup().send("/help resources").text()).doesNotContain("/safety");
        assertThat(bot.asOrganiser("olivia").inGroup().send("/help resources").text()).contains("/safety on").contains("/safety alerts <on-off>");
    }

    @Test
    void otherFeaturesReadTheSameDirectory() {
        CrisisLines lines = CrisisLines.shipped();
        CrisisLookup spain = lines.forCountry(Optional.of("es"), SPANISH);
        assertThat(spain.country()).contains("ES");
        assertThat(spain.lines()).extracting(CrisisLine::id).containsExactly("es-024", "es-telefono-esperanza");
        assertThat(spain.emergency()).contains("112");
        assertThat(spain.fallback()).isNotEmpty();

        CrisisLookup unknown = lines.forCountry(Optional.empty(), Locale.ENGLISH);
        assertThat(unknown.hasLines()).isFalse();
        assertThat(unknown.emergency()).isEmpty();
        assertThat(unknown.all()).isEqualTo(unknown.fallback());

        CrisisLookup canadaInSpanish = lines.forCountry(Optional.of("CA"), SPANISH);
        assertThat(canadaInSpanish.lines().get(0).about(SPANISH)).contains("inglés o francés");
    }
}
