package org.circlekeeper.core.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.circlekeeper.core.engine.MembershipEvent;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.InMemoryJobQueue;
import org.circlekeeper.core.testing.RecordingMessenger.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot removed from a community, as its organisers and members live it: nothing more is said there, everything
 * waits through the grace period, a return carries on as if nothing happened, and after the period everything the
 * community owns is gone while another community is untouched. Also: a member who leaves loses their answers there.
 */
class DeparturesTest {

    private static final Duration TICK = Duration.ofMinutes(15);
    private static final CommunityRef OTHER = new CommunityRef(Platform.CONSOLE, "other");

    private final BotTester bot = new BotTester();
    private final Talk olivia = bot.asOrganiser("olivia").inGroup();
    private final Talk alice = bot.as("alice").inGroup();
    private final Talk aliceAlone = bot.as("alice").inDirect();
    private final Talk oliviaElsewhere = bot.asOrganiser("olivia").inGroupOf("other");
    private final Talk aliceElsewhere = bot.as("alice").inGroupOf("other");

    @BeforeEach
    void bothGroupsUseEverything() {
        for (Talk organiser : List.of(olivia, oliviaElsewhere)) {
            organiser.send("/community timezone Europe/Berlin");
            organiser.send("/wording set circle.created New circle: {{name}} ({{{place}}})");
            organiser.send("/resource add technique Evening walk | A summary that is long enough. | | walking");
            organiser.send("/checkin setup days daily time 09:00");
            organiser.send("/share anonymous on");
            organiser.send("/circle feed");
        }
        Replies created = olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00");
        Replies createdElsewhere = oliviaElsewhere.send("/circle create \"Tuesday circle\" every tuesday 19:00");
        aliceElsewhere.press(createdElsewhere.button("I'm coming"));
        alice.press(created.button("I'm coming"));
        assertThat(aliceAlone.send("/remind all 15m").text()).contains("15m");
        alice.send("/share volunteer");
        bot.outbox().drain();
    }

    private void removed() {
        bot.engine().membershipChanged(new MembershipEvent.BotRemoved(BotTester.COMMUNITY));
    }

    private void back() {
        bot.engine().membershipChanged(new MembershipEvent.BotPresent(BotTester.COMMUNITY));
    }

    private List<Sent> until(String instant) {
        return bot.advanceTo(Instant.parse(instant), TICK);
    }

    private InMemoryJobQueue jobs() {
        return (InMemoryJobQueue) bot.stores().jobs();
    }

    private List<Job> jobsOf(CommunityRef community) {
        return jobs().all().stream().filter(j -> j.payload().contains(community.key()) || j.id().contains(community.key())).toList();
    }

    private static String communityOf(Sent sent) {
        return sent.target() instanceof Target.Channel channel ? channel.channel().channelId() : "dm";
    }

    @Test
    void whileRemovedNothingIsSentForTheCommunityAndEverythingWaits() {
        removed();

        List<Sent> week = until("2026-12-02T12:00:00Z");

        assertThat(week).as("the other group still gets its reminders").isNotEmpty()
                .allSatisfy(s -> assertThat(communityOf(s)).isNotEqualTo(BotTester.GROUP_CHANNEL));
        assertThat(week).filteredOn(s -> s.target() instanceof Target.Member)
                .as("no private reminder or prompt about the group that removed the bot")
                .allSatisfy(s -> assertThat(s.text()).doesNotContain("Tuesday circle"));
        assertThat(bot.stores().circles().circles().all(BotTester.COMMUNITY)).hasSize(1);
        assertThat(bot.stores().communitySettings().get(BotTester.COMMUNITY)).isNotEqualTo(CommunitySettings.NONE);
    }

    @Test
    void backWithinTheGracePeriodEverythingCarriesOn() {
        removed();
        bot.advance(Duration.ofDays(20));
        back();
        bot.outbox().drain();

        List<Sent> sent = until("2027-01-05T18:30:00Z");

        assertThat(sent).as("the group's own reminders are back").anySatisfy(s -> {
            assertThat(s.target()).isEqualTo(new Target.Channel(new ChannelRef(Platform.CONSOLE, BotTester.GROUP_CHANNEL,
                    ChannelRef.Kind.GROUP)));
            assertThat(s.text()).contains("Reminder: Tuesday circle");
        });
        assertThat(jobs().all()).as("the erasure was called off").noneMatch(j -> j.kind().equals(Departures.ERASE));
        assertThat(bot.stores().circles().circles().all(BotTester.COMMUNITY)).hasSize(1);
        assertThat(bot.stores().wording().overrides(BotTester.COMMUNITY, Locale.ENGLISH)).containsKey("circle.created");
        assertThat(sent).as("and the members' private ones").anySatisfy(s -> {
            assertThat(s.target()).isEqualTo(new Target.Member(bot.as("alice").member()));
            assertThat(s.text()).contains("A gentle reminder: Tuesday circle");
        });
    }

    @Test
    void afterTheGracePeriodEverythingTheCommunityOwnsIsErasedAndTheOtherIsUntouched() {
        String feed = bot.stores().circles().feeds().token(BotTester.COMMUNITY).orElseThrow();
        removed();
        assertThat(jobs().all()).anyMatch(j -> j.kind().equals(Departures.ERASE)
                && j.due().equals(BotTester.START.plus(Departures.DEFAULT_GRACE)));

        bot.advance(Departures.DEFAULT_GRACE.minusMinutes(1));
        assertThat(bot.stores().circles().circles().all(BotTester.COMMUNITY)).as("kept to the last minute").hasSize(1);
        bot.advance(Duration.ofMinutes(1));

        CommunityRef gone = BotTester.COMMUNITY;
        assertThat(bot.stores().circles().circles().all(gone)).isEmpty();
        assertThat(bot.stores().circles().reminders().all(gone)).isEmpty();
        assertThat(bot.stores().circles().reminders().ofMember(bot.as("alice").member())).doesNotContainKey(gone);
        assertThat(bot.stores().circles().rsvps().ofMember(bot.as("alice").member()))
                .allSatisfy(answer -> assertThat(answer.community()).isEqualTo(OTHER));
        assertThat(bot.stores().circles().feeds().community(feed)).isEmpty();
        assertThat(bot.stores().communitySettings().get(gone)).isEqualTo(CommunitySettings.NONE);
        assertThat(bot.stores().wording().overrides(gone, Locale.ENGLISH)).isEmpty();
        assertThat(bot.stores().resources().catalog(gone).entries()).isEmpty();
        assertThat(bot.stores().checkins().settings().settings(gone).promptsOn()).isFalse();
        assertThat(bot.stores().share().settings(gone)).isEqualTo(bot.stores().share().settings(new CommunityRef(Platform.CONSOLE, "never")));
        assertThat(bot.stores().share().volunteers(gone)).isEmpty();
        assertThat(jobsOf(gone)).as("no job of the community is left in the queue").isEmpty();
        assertThat(bot.stores().departures().departedAt(gone)).isEmpty();

        assertThat(bot.stores().circles().circles().all(OTHER)).hasSize(1);
        assertThat(bot.stores().wording().overrides(OTHER, Locale.ENGLISH)).containsKey("circle.created");
        assertThat(bot.stores().resources().catalog(OTHER).entries()).isNotEmpty();
        assertThat(bot.stores().checkins().settings().settings(OTHER).promptsOn()).isTrue();
        assertThat(bot.stores().circles().feeds().token(OTHER)).isPresent();
        assertThat(jobsOf(OTHER)).isNotEmpty();

        back();
        assertThat(olivia.send("/circles").text()).as("added back after the period, the group starts afresh")
                .doesNotContain("Tuesday circle");
    }

    @Test
    void removedTwiceTheFirstRemovalCountsAndAReturnInBetweenStartsTheClockAgain() {
        removed();
        bot.advance(Duration.ofDays(10));
        removed();
        assertThat(bot.stores().departures().departedAt(BotTester.COMMUNITY)).contains(BotTester.START);
        back();
        bot.advance(Duration.ofDays(10));
        removed();
        bot.advance(Duration.ofDays(25));
        assertThat(bot.stores().circles().circles().all(BotTester.COMMUNITY)).as("30 days from the second removal, not the first")
                .hasSize(1);
        bot.advance(Duration.ofDays(5));
        assertThat(bot.stores().circles().circles().all(BotTester.COMMUNITY)).isEmpty();
    }

    @Test
    void aMemberWhoLeavesLosesTheirAnswersAndPrivateRemindersThereOnly() {
        assertThat(olivia.send("/circle attendees tuesday-circle").text()).contains("Coming: alice");

        bot.engine().membershipChanged(new MembershipEvent.MemberLeft(BotTester.COMMUNITY, bot.as("alice").member()));

        assertThat(olivia.send("/circle attendees tuesday-circle").text()).doesNotContain("alice");
        assertThat(oliviaElsewhere.send("/circle attendees tuesday-circle").text()).contains("Coming: alice");
        assertThat(bot.stores().circles().reminders().ofMember(bot.as("alice").member())).doesNotContainKey(BotTester.COMMUNITY);
        assertThat(until("2026-12-02T12:00:00Z")).filteredOn(s -> s.target() instanceof Target.Member)
                .as("no private reminder of the group she left").isEmpty();
        assertThat(olivia.send("/circles").text()).as("the circle itself is the group's").contains("Tuesday circle");
    }
}
