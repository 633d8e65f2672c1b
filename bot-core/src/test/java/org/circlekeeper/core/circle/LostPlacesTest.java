package org.circlekeeper.core.circle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.circlekeeper.core.engine.MembershipEvent;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.RecordingMessenger.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A circle's channel deleted, or out of the bot's reach: its organisers are told once where they can read it, the
 * circle keeps everything, and members' private reminders still go out.
 */
class LostPlacesTest {

    private static final ChannelRef ROOM = new ChannelRef(Platform.CONSOLE, BotTester.GROUP_CHANNEL, ChannelRef.Kind.GROUP);
    private static final Target GROUP = new Target.Channel(ROOM);
    private static final Target OWNER = new Target.Member(new MemberRef(Platform.CONSOLE, "owen", null));
    private static final Duration TICK = Duration.ofMinutes(15);

    private final BotTester bot = new BotTester();
    private final Talk olivia = bot.asOrganiser("olivia").inGroup();
    private final Talk alice = bot.as("alice").inGroup();
    private final Talk aliceAlone = bot.as("alice").inDirect();

    @BeforeEach
    void aCircleWithAMemberWhoWantsPrivateReminders() {
        olivia.send("/community timezone Europe/Berlin");
        alice.press(olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00").button("I'm coming"));
        aliceAlone.send("/remind all 15m");
        bot.outbox().drain();
    }

    private List<Sent> until(String instant) {
        return bot.advanceTo(Instant.parse(instant), TICK);
    }

    private void deleted(ChannelRef channel, String name) {
        bot.engine().membershipChanged(new MembershipEvent.PlaceGone(BotTester.COMMUNITY, channel, name));
    }

    private static List<Sent> told(List<Sent> sent) {
        return sent.stream().filter(s -> s.text().contains("I can no longer post in the channel of")).toList();
    }

    @Test
    void aDeletedChannelIsToldOnceWhereThePlatformReachesTheOrganisersAndPrivateRemindersGoOn() {
        bot.outbox().organisersAt(OWNER);
        bot.outbox().gone(GROUP);

        deleted(ROOM, "circle-room");
        deleted(ROOM, "circle-room");

        List<Sent> sent = until("2026-12-01T18:00:00Z");
        assertThat(told(sent)).as("once, though deleted twice and a reminder failed since").singleElement().satisfies(s -> {
            assertThat(s.target()).isEqualTo(OWNER);
            assertThat(s.message().visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(s.text()).contains("Tuesday circle").contains("members who chose private reminders still get them");
        });
        assertThat(sent).as("alice's own reminder still goes out").anySatisfy(s -> {
            assertThat(s.target()).isEqualTo(new Target.Member(bot.as("alice").member()));
            assertThat(s.text()).contains("A gentle reminder: Tuesday circle");
        });
        assertThat(sent).noneMatch(s -> s.target().equals(GROUP));
        assertThat(olivia.send("/circle attendees tuesday-circle").text()).as("the circle keeps its answers").contains("alice");
    }

    @Test
    void aChannelReminderThatCannotBeDeliveredTellsTheOrganisersInAnotherChannelOfTheGroup() {
        Talk oliviaInLounge = bot.asOrganiser("olivia").inGroupOf("circle");
        oliviaInLounge.send("/circle create \"Friday circle\" every friday 19:00");
        bot.outbox().drain();
        bot.outbox().gone(GROUP);

        List<Sent> sent = until("2026-12-08T18:00:00Z");

        Target lounge = new Target.Channel(new ChannelRef(Platform.CONSOLE, "#circle", ChannelRef.Kind.GROUP));
        assertThat(told(sent)).as("told once, though two weeks of its reminders failed").singleElement().satisfies(s -> {
            assertThat(s.target()).isEqualTo(lounge);
            assertThat(s.text()).contains("Tuesday circle").doesNotContain("Friday circle");
        });
        assertThat(sent).filteredOn(s -> s.target().equals(new Target.Member(bot.as("alice").member())))
                .filteredOn(s -> s.text().contains("Tuesday circle"))
                .as("alice's private reminders of both Tuesdays").hasSize(2);
    }

    @Test
    void aChannelThatWorksAgainIsToldAgainWhenItIsLostAgain() {
        bot.outbox().organisersAt(OWNER);
        deleted(ROOM, null);
        assertThat(told(bot.outbox().drain())).hasSize(1);

        until("2026-12-01T18:00:00Z");
        deleted(ROOM, null);

        assertThat(told(bot.outbox().drain())).as("the reminders went out there meanwhile").hasSize(1);
    }

    @Test
    void aDeletedVoiceRoomTheCircleMeetsInIsToldByItsName() {
        bot.outbox().organisersAt(OWNER);
        olivia.send("/circle edit tuesday-circle place Circle room");
        ChannelRef voice = new ChannelRef(Platform.CONSOLE, "voice-1", ChannelRef.Kind.GROUP);

        deleted(new ChannelRef(Platform.CONSOLE, "voice-2", ChannelRef.Kind.GROUP), "Another room");
        assertThat(told(bot.outbox().drain())).isEmpty();
        deleted(voice, "circle room");

        assertThat(told(bot.outbox().drain())).singleElement().satisfies(s -> assertThat(s.target()).isEqualTo(OWNER));
    }

    @Test
    void whenTheOrganisersCannotBeReachedAnywhereTheyAreToldAtTheNextLoss() {
        bot.outbox().organisersAt(OWNER);
        bot.outbox().gone(OWNER);
        deleted(ROOM, null);
        assertThat(told(bot.outbox().drain())).isEmpty();

        Target lounge = new Target.Channel(new ChannelRef(Platform.CONSOLE, "#circle", ChannelRef.Kind.GROUP));
        bot.asOrganiser("olivia").inGroupOf("circle").send("/circle create \"Friday circle\" every friday 19:00");
        bot.outbox().drain();
        deleted(ROOM, null);

        assertThat(told(bot.outbox().drain())).singleElement().satisfies(s -> assertThat(s.target()).isEqualTo(lounge));
    }
}
