package org.circlekeeper.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.RecordingMessenger;
import org.junit.jupiter.api.Test;

/** The safety check of group messages: off by default, private and kind, rate-limited, and consent before any alert. */
class SafetyFeatureTest {

    private final BotTester bot = new BotTester();
    private final Talk alice = bot.as("Alice").inGroup();
    private final Talk olivia = bot.asOrganiser("olivia").inGroup();

    @Test
    void itIsOffByDefault() {
        assertThat(alice.send("I want to die").all()).isEmpty();
        assertThat(bot.as("lucia", Locale.forLanguageTag("es")).inGroup().send("me quiero morir").all()).isEmpty();
        assertThat(olivia.send("/safety status").text()).contains("Safety check: off").contains("Alerts to organisers, only when a member asks: off");
    }

    @Test
    void turningItOnTellsTheGroupHowItWorks() {
        Replies on = olivia.send("/safety on");
        assertThat(on.allPrivate()).as("the group should know its messages are checked").isFalse();
        assertThat(on.text()).contains("The safety check is on").contains("at most once every 6 hours")
                .contains("I don't store or quote anyone's messages").contains("/safety alerts on");
        assertThat(olivia.send("/safety off").text()).contains("The safety check is off");
        assertThat(alice.send("I want to die").all()).isEmpty();
    }

    @Test
    void aMatchGetsAPrivateKindReplyWithTheMembersCrisisLines() {
        olivia.send("/safety on");
        bot.as("Alice").inDirect().send("/country Spain");
        Replies replies = alice.send("honestly I just want to die");
        assertThat(replies.allPrivate()).isTrue();
        assertThat(replies.text()).contains("Alice, something you wrote sounded really heavy").contains("Only you can see this")
                .contains("Crisis lines in Spain").contains("024").contains("Find A Helpline").contains("I'm a bot, not a counsellor")
                .contains("call 112 now").doesNotContain("honestly I just want to die");
        assertThat(replies.buttons()).as("no alert offered while alerts are off").isEmpty();
        assertThat(bot.outbox().all()).isEmpty();
    }

    @Test
    void spanishSpoilersAndQuotesCount() {
        olivia.send("/safety on");
        Talk lucia = bot.as("Lucía", Locale.forLanguageTag("es")).inGroup();
        assertThat(lucia.send("||me quiero morir||").text()).contains("Lucía, algo de lo que escribiste sonaba muy duro")
                .contains("Alguien con quien hablar");
        Talk bob = bot.as("bob").inGroup();
        assertThat(bob.send("> I don't want to be alive anymore").allPrivate()).isTrue();
    }

    @Test
    void everydayTalkGetsNoReply() {
        olivia.send("/safety on");
        for (String message : new String[]{"this traffic is killing me", "I could kill for a coffee", "me muero de risa",
                "this song slaps", "dead tired", "me voy a matar estudiando"}) {
            assertThat(alice.send(message).all()).as(message).isEmpty();
        }
    }

    @Test
    void aMemberIsRepliedToAtMostOnceInSixHoursPerCommunity() {
        olivia.send("/safety on");
        assertThat(alice.send("I want to die").all()).hasSize(1);
        assertThat(alice.send("I want to kill myself").all()).isEmpty();
        assertThat(bot.as("bob").inGroup().send("I want to die").all()).as("another member").hasSize(1);

        bot.clock().advance(Duration.ofHours(5).plusMinutes(59));
        assertThat(alice.send("I want to die").all()).isEmpty();
        bot.clock().advance(Duration.ofMinutes(2));
        assertThat(alice.send("I want to die").all()).hasSize(1);
    }

    @Test
    void organisersAreAlertedOnlyWhenTheMemberAsksAndNothingIsQuoted() {
        olivia.send("/safety on");
        assertThat(olivia.send("/safety alerts on").text()).contains("I'll tell the organisers in this channel");
        Replies reply = alice.send("I don't want to live anymore");
        assertThat(reply.text()).contains("I can let an organiser of this group know").contains("I'll share only your name");
        assertThat(bot.outbox().all()).as("nothing is sent before the member agrees").isEmpty();

        Replies agreed = reply.press("Let an organiser know");
        assertThat(agreed.text()).contains("I've let the organisers know, with your name only");
        RecordingMessenger.Sent alert = bot.outbox().all().get(0);
        assertThat(alert.target()).isEqualTo(new Target.Channel(olivia.context().channel()));
        assertThat(alert.text()).contains("A member would welcome some support").contains("Alice asked me to let the organisers know")
                .doesNotContain("live anymore").doesNotContain("don't want");

        assertThat(reply.press("Let an organiser know").text()).contains("already used or has expired");
        assertThat(bot.outbox().all()).hasSize(1);
    }

    @Test
    void onlyTheMemberCanAgreeAndNotAfterAlertsWereTurnedOff() {
        olivia.send("/safety on");
        olivia.send("/safety alerts on");
        Replies reply = alice.send("I want to kill myself");
        assertThat(bot.as("bob").inGroup().press(reply.button("Let an organiser know")).text()).contains("belongs to someone else");
        olivia.send("/safety alerts off");
        assertThat(reply.press("Let an organiser know").text()).contains("turned those messages off");
        assertThat(bot.outbox().all()).isEmpty();
    }

    @Test
    void alertsAreSetInAGroupChannelByOrganisersOnly() {
        assertThat(bot.asOrganiser("olivia").inDirect().send("/safety alerts on").text()).contains("works in the group's chat");
        assertThat(alice.send("/safety on").text()).contains("is for the group's organisers");
        assertThat(olivia.send("/safety status").text()).contains("Safety check: off");
    }

    @Test
    void aDirectMessageToTheBotAlwaysGetsTheLines() {
        Replies replies = bot.as("alice").inDirect().send("I want to die");
        assertThat(replies.text()).contains("I'm really glad you reached out").contains("Find A Helpline")
                .doesNotContain("Send /help");
        assertThat(bot.as("alice").inDirect().send("I want to die").all()).as("no cooldown in a direct chat").hasSize(1);
        assertThat(bot.as("alice").inDirect().send("hello").text()).contains("Send /help");
    }

    @Test
    void theCooldownIsInTheMembersDataAndErasedWithIt() {
        olivia.send("/safety on");
        alice.send("I want to die");
        Talk direct = bot.as("Alice").inDirect();
        Replies mydata = direct.send("/mydata");
        assertThat(mydata.text()).contains("Safety alerts about you: 1 item(s)");
        String json = new String(mydata.all().get(0).message().attachment().content(), StandardCharsets.UTF_8);
        assertThat(json).contains("noSafetyRepliesUntil").contains("console:circle").contains("2026-11-27T15:00:00Z")
                .doesNotContain("want to die");

        direct.send("/forgetme").press("Yes, erase everything");
        assertThat(alice.send("I want to die").all()).as("the cooldown went with the erasure").hasSize(1);
    }
}
