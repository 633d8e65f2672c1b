package org.circlekeeper.core.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.circlekeeper.core.checkin.PendingShare;
import org.circlekeeper.core.circle.Circle;
import org.circlekeeper.core.engine.MembershipEvent;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.ClaimedJob;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobMove;
import org.circlekeeper.core.share.ChairRotation;
import org.circlekeeper.core.share.ShareRoom;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.InMemoryDepartureStore;
import org.circlekeeper.core.testing.InMemoryJobQueue;
import org.circlekeeper.core.testing.RecordingMessenger.Sent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A group whose id changed (a Telegram group upgraded to a supergroup), as its organisers and members live it: under
 * the new id everything carries on (settings, circles, answers, reminders), the reminders of the week go out exactly as
 * they would have without the move, and the move happens once however often it is reported. At the cause: the
 * in-memory store moves only once no job of the community is being run.
 */
class CommunityMovesTest {

    private static final Duration TICK = Duration.ofMinutes(15);
    private static final CommunityRef NEW = new CommunityRef(Platform.CONSOLE, "supergroup");

    /** A group with a circle, an answer, private reminders, settings and wording; the outbox drained. */
    private static BotTester groupInUse() {
        BotTester bot = new BotTester();
        Talk olivia = bot.asOrganiser("olivia").inGroup();
        olivia.send("/community timezone Europe/Berlin");
        olivia.send("/wording set circle.created New circle: {{name}} ({{{place}}})");
        olivia.send("/checkin setup days daily time 09:00");
        Replies created = olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00");
        bot.as("alice").inGroup().press(created.button("I'm coming"));
        assertThat(bot.as("alice").inDirect().send("/remind all 15m").text()).contains("15m");
        bot.outbox().drain();
        return bot;
    }

    /** What the bot sent on its own through the week: where (a channel or a member) and what, in order. */
    private static List<String> week(BotTester bot) {
        return bot.advanceTo(Instant.parse("2026-12-02T12:00:00Z"), TICK).stream().map(CommunityMovesTest::shown).toList();
    }

    private static String shown(Sent sent) {
        String where = sent.target() instanceof Target.Member member ? "dm:" + member.member().userId() : "channel";
        return where + " " + sent.text();
    }

    @Test
    void underTheNewIdEverythingCarriesOnAndNoReminderIsLostOrDoubled() {
        BotTester unmoved = groupInUse();
        BotTester moved = groupInUse();

        moved.engine().membershipChanged(new MembershipEvent.CommunityMoved(BotTester.COMMUNITY, NEW));
        // the other service message, and a failed send, report it again: nothing changes
        moved.engine().membershipChanged(new MembershipEvent.CommunityMoved(BotTester.COMMUNITY, NEW));

        Talk olivia = moved.asOrganiser("olivia").inGroupOf(NEW.communityId());
        assertThat(olivia.send("/circles").text()).contains("Tuesday circle");
        assertThat(olivia.send("/community show").text()).contains("Europe/Berlin");
        assertThat(moved.asOrganiser("olivia").inGroup().send("/circles").text()).doesNotContain("Tuesday circle");
        assertThat(moved.stores().circles().reminders().ofMember(moved.as("alice").member())).containsKey(NEW)
                .doesNotContainKey(BotTester.COMMUNITY);

        List<String> expected = week(unmoved);
        assertThat(expected).as("the week has reminders to compare").anyMatch(s -> s.startsWith("channel"))
                .anyMatch(s -> s.startsWith("dm:alice"));
        assertThat(week(moved)).as("the same reminders, once each").isEqualTo(expected);
    }

    @Test
    void aMembersDailyPromptArrivesTheDayAfterTheUpgradeAndTheirHistoryFollows() {
        BotTester unmoved = groupInUse();
        BotTester moved = groupInUse();
        for (BotTester bot : List.of(unmoved, moved)) {
            assertThat(bot.as("alice").inGroup().send("/checkin prompts on").text()).isNotBlank();
            bot.as("alice").inGroup().send("/checkin").press("Okay");
            bot.outbox().drain();
        }
        String history = moved.as("alice").inGroup().send("/checkin history").text();
        assertThat(history).as("alice has a history to carry over")
                .isNotEqualTo(moved.as("bob").inGroup().send("/checkin history").text());

        moved.engine().membershipChanged(new MembershipEvent.CommunityMoved(BotTester.COMMUNITY, NEW));
        assertThat(moved.as("alice").inGroupOf(NEW.communityId()).send("/checkin history").text()).isEqualTo(history);

        List<String> unmovedWeek = week(unmoved);
        List<String> expected = unmovedWeek.stream().filter(s -> s.startsWith("dm:alice") && s.contains("/checkin prompts off stops these")).toList();
        assertThat(expected).as("a prompt each day of the week in %s", unmovedWeek).hasSizeGreaterThan(3);
        assertThat(week(moved).stream().filter(s -> s.startsWith("dm:alice") && s.contains("/checkin prompts off stops these")).toList())
                .as("the same prompts, once each, after the upgrade").isEqualTo(expected);
        assertThat(moved.stores().checkins().members().communities(moved.as("alice").member())).containsExactly(NEW);
    }

    @Test
    void everyStoredPlaceOfTheOldChatNamesTheNewChatAndTheChannelRemindersGoThere() {
        BotTester bot = groupInUse();
        Talk olivia = bot.asOrganiser("olivia").inGroup();
        olivia.send("/safety on");
        olivia.send("/safety alerts on");
        bot.outbox().drain();
        ChannelRef oldChat = new ChannelRef(Platform.CONSOLE, BotTester.GROUP_CHANNEL, ChannelRef.Kind.GROUP);
        ChannelRef newChat = new ChannelRef(Platform.CONSOLE, "#" + NEW.communityId(), ChannelRef.Kind.GROUP);
        assertThat(bot.stores().circles().circles().all(BotTester.COMMUNITY)).extracting(Circle::channel).containsExactly(oldChat);
        assertThat(bot.stores().checkins().settings().settings(BotTester.COMMUNITY).channel()).isEqualTo(oldChat);
        assertThat(bot.stores().resources().safety(BotTester.COMMUNITY).alertChannel()).isEqualTo(oldChat);
        MemberRef mia = bot.as("mia").member();
        bot.stores().checkins().lines().holdShare(BotTester.COMMUNITY, mia, new PendingShare(oldChat, "A good walk."), Duration.ofHours(1));

        bot.engine().membershipChanged(new MembershipEvent.CommunityMoved(BotTester.COMMUNITY, NEW, Map.of(oldChat, newChat)));

        assertThat(bot.stores().circles().circles().all(NEW)).extracting(Circle::channel).containsExactly(newChat);
        assertThat(bot.stores().checkins().settings().settings(NEW).channel()).isEqualTo(newChat);
        assertThat(bot.stores().resources().safety(NEW).alertChannel()).isEqualTo(newChat);
        assertThat(bot.stores().checkins().lines().heldShare(NEW, mia)).contains(new PendingShare(newChat, "A good walk."));
        List<Target> channels = bot.advanceTo(Instant.parse("2026-12-02T12:00:00Z"), TICK).stream().map(Sent::target)
                .filter(t -> t instanceof Target.Channel).toList();
        assertThat(channels).as("the circle's reminders, in the supergroup's chat").isNotEmpty()
                .containsOnly(new Target.Channel(newChat));
    }

    @Test
    void aChatsChairRotationFollowsTheChatToItsNewId() {
        BotTester bot = groupInUse();
        Talk olivia = bot.asOrganiser("olivia").inGroup();
        ChannelRef oldChat = new ChannelRef(Platform.CONSOLE, BotTester.GROUP_CHANNEL, ChannelRef.Kind.GROUP);
        ChannelRef newChat = new ChannelRef(Platform.CONSOLE, "#" + NEW.communityId(), ChannelRef.Kind.GROUP);
        olivia.send("/share start basic");
        olivia.send("/share end");
        ChairRotation rotation = bot.stores().share().rotation(new ShareRoom(BotTester.COMMUNITY, oldChat));
        assertThat(rotation.version()).as("the chair rotation of the old chat has moved on").isPositive();

        bot.engine().membershipChanged(new MembershipEvent.CommunityMoved(BotTester.COMMUNITY, NEW, Map.of(oldChat, newChat)));

        assertThat(bot.stores().share().rotation(new ShareRoom(NEW, newChat))).as("the rotation follows its chat").isEqualTo(rotation);
        assertThat(bot.stores().share().rotation(new ShareRoom(NEW, oldChat))).isEqualTo(ChairRotation.NONE);
    }

    @Test
    void aMoveReportedAgainChangesNothing() {
        BotTester bot = groupInUse();
        DepartureStore store = bot.stores().departures();
        JobMove none = (job, from, to) -> Optional.empty();
        assertThat(store.moveCommunity(BotTester.COMMUNITY, NEW, none)).isTrue();
        String circles = bot.asOrganiser("olivia").inGroupOf(NEW.communityId()).send("/circles").text();

        assertThat(store.moveCommunity(BotTester.COMMUNITY, NEW, none)).isFalse();
        assertThat(bot.asOrganiser("olivia").inGroupOf(NEW.communityId()).send("/circles").text()).isEqualTo(circles);
    }

    @Test
    void theInMemoryMoveWaitsForAJobOfTheCommunityBeingRun() throws Exception {
        InMemoryJobQueue queue = new InMemoryJobQueue();
        InMemoryDepartureStore store = new InMemoryDepartureStore(queue);
        Instant due = BotTester.START;
        queue.schedule(new Job("test.rem:console:circle:1", "test.rem", due, "console:circle"));
        queue.schedule(new Job("test.rem:console:circle:2", "test.rem", due.plusSeconds(60), "console:circle"));
        JobMove move = (job, from, to) -> job.payload().equals(from.key())
                ? Optional.of(new Job(job.id().replace(from.key(), to.key()), job.kind(), job.due(), to.key())) : Optional.empty();
        List<ClaimedJob> running = queue.claimDue(due, 1, Duration.ofMinutes(1));

        CompletableFuture<Boolean> moving = CompletableFuture.supplyAsync(() -> store.moveCommunity(BotTester.COMMUNITY, NEW, move));
        Thread.sleep(200);
        assertThat(moving).as("the move waits for the job being run").isNotDone();

        queue.ack(running.get(0));
        assertThat(moving.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.all()).extracting(Job::id, Job::due).containsExactly(
                tuple("test.rem:console:supergroup:2", due.plusSeconds(60)));
        assertThat(store.movedTo(BotTester.COMMUNITY)).contains(NEW);
    }
    /**
     * Planning chains are spread over the day by the community's key, so the old id's slot and the new id's fall at other
     * times of day. At 19:45 UTC (the evening the Telegram test failed) the circle's old slot (16:00) has passed and its
     * new one (23:00) has not; at 09:00 the same holds for the check-ins' (old 15:55, new 01:33). A planning job moved
     * with its old slot was named by another day than the one planning under the new id makes: two chains.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2026-12-03T19:45:00Z", "2026-12-03T09:00:00Z"})
    void theMovedCircleAndCheckInsKeepOnePlanningChainEach(String at) {
        BotTester bot = groupInUse();
        bot.advanceTo(Instant.parse(at), TICK);
        bot.outbox().drain();

        bot.engine().membershipChanged(new MembershipEvent.CommunityMoved(BotTester.COMMUNITY, NEW));
        // planning under the new id: a circle changed, the check-ins set up again
        Talk olivia = bot.asOrganiser("olivia").inGroupOf(NEW.communityId());
        olivia.send("/circle edit tuesday-circle description Tea from 18:45");
        olivia.send("/checkin setup days daily time 09:00");

        List<Job> plans = ((InMemoryJobQueue) bot.stores().jobs()).all().stream()
                .filter(j -> j.kind().equals("circle.plan") || j.kind().equals("checkin.plan")).toList();
        assertThat(plans).extracting(Job::kind).as("one planning chain each").containsExactlyInAnyOrder("circle.plan", "checkin.plan");
        assertThat(plans).allSatisfy(j -> assertThat(j.payload()).contains("\"" + NEW.key() + "\""))
                .allSatisfy(j -> assertThat(j.due()).isAfter(Instant.parse(at)).isBefore(Instant.parse(at).plus(Duration.ofDays(1))));
    }
}
