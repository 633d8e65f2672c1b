package org.circlekeeper.core.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.message.Attachment;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;

/** Member settings through the engine, as a member would use them. */
class SettingsFeatureTest {

    private final BotTester bot = new BotTester();
    private final Talk alice = bot.as("alice").inDirect();

    @Test
    void startWelcomesWarmlyAndExplainsPrivacy() {
        Replies replies = bot.as("Alice").inGroup().send("/start");
        assertThat(replies.text()).contains("Hello Alice").contains("/mydata").contains("/forgetme").contains("privacy");
        assertThat(replies.allPrivate()).isTrue();
        assertThat(bot.as("alice").inDirect().send("/hello").text()).contains("welcome");
    }

    @Test
    void helpListsOnlyWhatThisPersonMayUseHere() {
        String member = bot.as("alice").inGroup().send("/help").text();
        assertThat(member).contains("/timezone").contains("/mydata").doesNotContain("/community").doesNotContain("/wording");
        assertThat(bot.as("alice").inGroup().send("/help settings").text()).contains("/timezone [zone]").doesNotContain("/community");
        String organiser = bot.asOrganiser("olivia").inGroup().send("/help settings").text();
        assertThat(organiser).contains("/community timezone <zone>").contains("/wording set <key> <text>");
        String organiserInDirect = bot.asOrganiser("olivia").inDirect().send("/help").text();
        assertThat(organiserInDirect).doesNotContain("/community").contains("/forgetme");
    }

    @Test
    void timezoneAcceptsZonesAndCities() {
        assertThat(alice.send("/timezone Europe/Berlin").text()).contains("Europe/Berlin").contains("Nov 27, 2026, 10:00 AM");
        assertThat(settings().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(alice.send("/timezone new york").text()).contains("America/New_York");
        assertThat(alice.send("/timezone Barcelona").text()).contains("Europe/Madrid");
        assertThat(alice.send("/timezone bogotá").text()).contains("America/Bogota");
        assertThat(alice.send("/timezone").text()).contains("Your time zone is America/Bogota");
    }

    @Test
    void aTypoGetsSuggestionsAsButtonsAndChangesNothing() {
        alice.send("/timezone Europe/Berlin");
        Replies replies = alice.send("/timezone Europe/Berlni");
        assertThat(replies.text()).contains("couldn't find a time zone called \"Europe/Berlni\"").contains("Did you mean");
        assertThat(replies.buttons()).extracting(b -> b.label()).contains("Europe/Berlin");
        assertThat(settings().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));

        alice.send("/timezone UTC");
        assertThat(replies.press("Europe/Berlin").text()).contains("your time zone is now Europe/Berlin");
        assertThat(settings().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void nonsenseGetsAnExampleInsteadOfSuggestions() {
        Replies replies = alice.send("/timezone qqqqqqqqqqqq");
        assertThat(replies.text()).contains("Try a city near you").contains("/timezone Europe/Berlin");
        assertThat(replies.buttons()).isEmpty();
        assertThat(settings().isEmpty()).isTrue();
    }

    @Test
    void withoutOwnZoneTheGroupZoneApplies() {
        bot.asOrganiser("olivia").inGroup().send("/community timezone Europe/Madrid");
        assertThat(alice.send("/timezone").text()).contains("You haven't set a time zone, so I use the group's: Europe/Madrid");
    }

    @Test
    void languageSwitchesTheConversation() {
        assertThat(alice.send("/language es").text()).contains("te hablaré en español");
        assertThat(alice.send("/timezone Madrid").text()).contains("Hecho: tu zona horaria es ahora Europe/Madrid");
        assertThat(alice.send("/language").text()).contains("Te hablo en español");
        assertThat(alice.send("/language en").text()).contains("I'll speak English");
    }

    @Test
    void thePlatformLanguageIsUsedUntilTheMemberChooses() {
        Talk lucia = bot.as("lucia", Locale.forLanguageTag("es-AR")).inDirect();
        assertThat(lucia.send("/help").text()).contains("Lo que puedes hacer aquí");
        lucia.send("/language en");
        assertThat(lucia.send("/help").text()).contains("What you can do here");
    }

    @Test
    void countryIsStoredAsACode() {
        assertThat(alice.send("/country").text()).contains("haven't told me your country");
        assertThat(alice.send("/country España").text()).contains("Spain");
        assertThat(settings().country()).isEqualTo("ES");
        assertThat(alice.send("/country Atlantis").text()).contains("couldn't find a country called \"Atlantis\"");
        assertThat(settings().country()).isEqualTo("ES");
    }

    @Test
    void mydataExportsEverySectionAsJson() {
        assertThat(alice.send("/mydata").text()).contains("I keep nothing about you");
        alice.send("/timezone Europe/Berlin");
        alice.send("/country MX");
        Replies replies = alice.send("/mydata");
        assertThat(replies.text()).contains("settings: 2 item(s)");
        Attachment file = replies.all().get(0).message().attachment();
        assertThat(file.fileName()).isEqualTo("circlekeeper-my-data.json");
        String json = new String(file.content(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"timeZone\" : \"Europe/Berlin\"").contains("\"country\" : \"MX\"").contains("\"userId\" : \"alice\"");
    }

    @Test
    void forgetmeAsksThenErasesEverythingOnce() {
        alice.send("/timezone Europe/Berlin");
        alice.send("/language es");
        Replies ask = alice.send("/forgetme");
        assertThat(ask.allPrivate()).isTrue();
        assertThat(settings().isEmpty()).isFalse();

        Replies done = ask.press("Sí, bórralo todo");
        assertThat(done.all()).extracting(Reply::replacesOrigin).containsExactly(true);
        assertThat(done.text()).contains("He borrado todo");
        assertThat(settings().isEmpty()).isTrue();

        Replies again = ask.press("Sí, bórralo todo");
        assertThat(again.text()).contains("already used or has expired").contains("nothing changed");
    }

    @Test
    void keepingTheDataErasesNothing() {
        alice.send("/timezone Europe/Berlin");
        assertThat(alice.send("/forgetme").press("No, keep it").text()).contains("I erased nothing");
        assertThat(settings().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void anExpiredConfirmationChangesNothing() {
        alice.send("/timezone Europe/Berlin");
        Replies ask = alice.send("/forgetme");
        bot.clock().advance(Duration.ofMinutes(11));
        assertThat(ask.press("Yes, erase everything").text()).contains("already used or has expired");
        assertThat(settings().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void nobodyCanConfirmSomeoneElsesErasure() {
        alice.send("/timezone Europe/Berlin");
        Replies ask = alice.send("/forgetme");
        Replies mallory = bot.as("mallory").inGroup().press(ask.button("Yes"));
        assertThat(mallory.text()).contains("belongs to someone else");
        assertThat(settings().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(ask.press("Yes").text()).contains("I erased everything");
    }

    @Test
    void aPrivateChatKnowsTheGroupTheMemberLastUsed() {
        MemberRef bob = bot.as("bob").member();
        Context direct = new Context(bob,
                new ChannelRef(Platform.CONSOLE, "dm:bob",
                        ChannelRef.Kind.DIRECT),
                CommunityRef.unresolved(Platform.CONSOLE),
                Role.MEMBER, null);
        bot.asOrganiser("olivia").inGroup().send("/community language es");
        assertThat(bot.engine().preferencesFor(direct).locale()).isEqualTo(Locale.ENGLISH);

        bot.as("bob").inGroup().send("hello everyone");
        assertThat(bot.stores().memberSettings().get(bob).isEmpty()).as("a plain message stores nothing").isTrue();
        bot.as("bob").inGroup().send("/resource");
        assertThat(bot.stores().memberSettings().get(bob).community()).isEqualTo(BotTester.COMMUNITY.communityId());
        assertThat(bot.engine().handle(Inbound.CommandInvoked.typed(direct, "help", ""))
                .get(0).message().markup()).contains("Lo que puedes hacer aquí");
        assertThat(bot.as("bob").inDirect().send("/mydata").text()).contains("Tus ajustes: 1 elemento(s)");
    }

    private MemberSettings settings() {
        return bot.stores().memberSettings().get(bot.as("alice").member());
    }
}
