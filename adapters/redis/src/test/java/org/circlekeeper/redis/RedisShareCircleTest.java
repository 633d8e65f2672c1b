package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.checkin.CheckinStores;
import org.circlekeeper.core.circle.CircleStores;
import org.circlekeeper.core.community.CommunitySettingsStore;
import org.circlekeeper.core.community.DepartureStore;
import org.circlekeeper.core.dashboard.DashboardStores;
import org.circlekeeper.core.engine.ActionTokens;
import org.circlekeeper.core.engine.PendingForms;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.DeliveryLog;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.resource.ResourceStore;
import org.circlekeeper.core.schedule.JobQueue;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.share.Person;
import org.circlekeeper.core.share.ShareRoom;
import org.circlekeeper.core.share.ShareSession;
import org.circlekeeper.core.share.ShareStore;
import org.circlekeeper.core.template.WordingStore;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.InMemoryActionTokens;
import org.circlekeeper.core.testing.InMemoryCheckinStore;
import org.circlekeeper.core.testing.InMemoryCircleStore;
import org.circlekeeper.core.testing.InMemoryCommunitySettingsStore;
import org.circlekeeper.core.testing.InMemoryEventLinkStore;
import org.circlekeeper.core.testing.InMemoryFeedTokenStore;
import org.circlekeeper.core.testing.InMemoryMemberSettingsStore;
import org.circlekeeper.core.testing.InMemoryReminderChoiceStore;
import org.circlekeeper.core.testing.InMemoryResourceStore;
import org.circlekeeper.core.testing.InMemoryRsvpStore;
import org.circlekeeper.core.testing.InMemoryWordingStore;
import org.circlekeeper.core.testing.RecordingMessenger.Sent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The share circle on a real Redis with two replicas (two assembled bots on the same Redis): presses at
 * the same moment on both all land or move once, and a bot assembled anew continues a circle where the
 * old one left it.
 */
class RedisShareCircleTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final ShareRoom ROOM = new ShareRoom(BotTester.COMMUNITY,
            new ChannelRef(Platform.CONSOLE, BotTester.GROUP_CHANNEL, ChannelRef.Kind.GROUP));
    private static final int PEOPLE = 20;

    private final VirtualClock clock = new VirtualClock(BotTester.START);
    /** What is not the share circle's stays in memory, shared by both replicas as Redis would share it. */
    private final InMemoryMemberSettingsStore members = new InMemoryMemberSettingsStore();
    private final InMemoryCommunitySettingsStore communities = new InMemoryCommunitySettingsStore();
    private final InMemoryWordingStore wording = new InMemoryWordingStore();
    private final InMemoryActionTokens tokens = new InMemoryActionTokens(clock);
    private final InMemoryResourceStore resources = new InMemoryResourceStore();
    private final CircleStores circles = new CircleStores(new InMemoryCircleStore(), new InMemoryRsvpStore(clock),
            new InMemoryReminderChoiceStore(), new InMemoryFeedTokenStore(), new InMemoryEventLinkStore());
    private final InMemoryCheckinStore checkins = new InMemoryCheckinStore(clock);

    /** One replica: a bot assembled on the given Redis connection. */
    private BotTester replica(RedisConnection redis) {
        return new BotTester(clock, Stores.builder()
                .put(MemberSettingsStore.KEY, members).put(CommunitySettingsStore.KEY, communities).put(WordingStore.KEY, wording)
                .put(ActionTokens.KEY, tokens).put(PendingForms.KEY, new RedisPendingForms(redis)).put(JobQueue.KEY, new RedisJobQueue(redis))
                .put(ResourceStore.KEY, resources).put(CircleStores.KEY, circles).put(ShareStore.KEY, new RedisShareStore(redis))
                .put(CheckinStores.KEY, checkins.stores()).put(DeliveryLog.KEY, new RedisDeliveryLog(redis))
                .put(DepartureStore.KEY, new RedisDepartureStore(redis, clock))
                .put(DashboardStores.KEY, new RedisDashboardStores(redis).stores()).build());
    }

    private ShareSession live() {
        return new RedisShareStore(REDIS.connection()).live(ROOM).orElseThrow();
    }

    private static String name(int i) {
        return "m" + i;
    }

    /** olivia starts a basic circle, everyone joins, and she moves straight on to open sharing. */
    private void toOpenSharing(BotTester bot) {
        bot.asOrganiser("olivia").inGroup().send("/share start basic");
        for (int i = 0; i < PEOPLE; i++) {
            bot.as(name(i)).inGroup().send("/share join");
        }
        bot.asOrganiser("olivia").inGroup().send("/share next");
        bot.asOrganiser("olivia").inGroup().send("/share next");
        assertThat(live().step()).isEqualTo(2);
    }

    @Test
    void twentyHandsRaisedAtTheSameMomentOnTwoReplicasAllLand() throws Exception {
        BotTester one = replica(REDIS.connection());
        BotTester two = replica(REDIS.connection());
        toOpenSharing(one);
        one.outbox().drain();
        long before = live().version();

        CyclicBarrier together = new CyclicBarrier(PEOPLE);
        ExecutorService threads = Executors.newFixedThreadPool(PEOPLE);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            BotTester replica = i % 2 == 0 ? one : two;
            String who = name(i);
            answers.add(threads.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return replica.as(who).inGroup().send("/share raise").text();
            }));
        }
        List<String> said = new ArrayList<>();
        for (Future<String> answer : answers) {
            said.add(answer.get(30, TimeUnit.SECONDS));
        }
        threads.shutdown();

        ShareSession after = live();
        Set<String> landed = new TreeSet<>();
        landed.add(after.speaker().name());
        after.queue().forEach(p -> landed.add(p.name()));
        assertThat(after.queue()).hasSize(PEOPLE - 1);
        assertThat(landed).hasSize(PEOPLE);
        assertThat(after.version()).as("one version per raised hand").isEqualTo(before + PEOPLE);
        assertThat(said).filteredOn(String::isEmpty).as("the first got the piece").hasSize(1);
        assertThat(said).filteredOn(s -> s.startsWith("Your hand is up.")).hasSize(PEOPLE - 1);
        List<Sent> posts = new ArrayList<>(one.outbox().all());
        posts.addAll(two.outbox().all());
        assertThat(posts).filteredOn(s -> !s.edit() && s.text().startsWith("The talking piece is with")).hasSize(1);
    }

    @Test
    void aDoubleNextOnTwoReplicasMovesThePieceOnce() throws Exception {
        BotTester one = replica(REDIS.connection());
        BotTester two = replica(REDIS.connection());
        toOpenSharing(one);
        for (int i = 0; i < PEOPLE; i++) {
            one.as(name(i)).inGroup().send("/share raise");
        }
        Button callNext = last(one.outbox().drain(), "Call next");
        int sharesBefore = live().counts().shares();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 10; round++) {
            ShareSession before = live();
            Button pressed = callNext;
            CyclicBarrier together = new CyclicBarrier(2);
            Future<String> first = threads.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return one.asOrganiser("olivia").inGroup().press(pressed).text();
            });
            Future<String> second = threads.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return two.asOrganiser("olivia").inGroup().press(pressed).text();
            });
            List<String> said = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));

            ShareSession after = live();
            assertThat(after.turn()).as("round %d", round).isEqualTo(before.turn() + 1);
            assertThat(after.speaker()).isEqualTo(before.queue().get(0));
            assertThat(said).containsExactlyInAnyOrder("", "That turn is already over, so nothing was changed.");
            List<Sent> posts = new ArrayList<>(one.outbox().drain());
            posts.addAll(two.outbox().drain());
            assertThat(posts).filteredOn(s -> !s.edit() && s.text().contains("The talking piece is with")).hasSize(1);
            callNext = last(posts, "Call next");
        }
        threads.shutdown();
        assertThat(live().counts().shares()).isEqualTo(sharesBefore + 10);
    }

    @Test
    void aNewEngineOnTheSameRedisContinuesTheCircleWhereItWas() {
        BotTester before = replica(REDIS.connection());
        toOpenSharing(before);
        before.as("m0").inGroup().send("/share raise");
        before.as("m1").inGroup().send("/share raise");
        before.as("m2").inGroup().send("/share raise");
        Button done = last(before.outbox().all(), "Done");
        ShareSession stopped = live();

        try (RedisConnection reconnected = new RedisConnection(REDIS.target())) {
            BotTester after = replica(reconnected);
            assertThat(live()).isEqualTo(stopped);
            assertThat(after.as("m2").inGroup().send("/share place").text()).isEqualTo("You're number 2 of 2 in the queue.");
            assertThat(after.as("m0").inGroup().press(done).all()).as("a button from before the restart").isEmpty();
            assertThat(after.outbox().all()).extracting(Sent::text).anySatisfy(t -> assertThat(t).contains("The talking piece is with m1."));
            assertThat(live().speaker()).isEqualTo(new Person("console:m1", "m1"));
            assertThat(live().queue()).extracting(Person::name).containsExactly("m2");

            after.outbox().drain();
            after.advance(Duration.ofMinutes(4));
            assertThat(after.outbox().drain()).extracting(Sent::text).containsExactly("m1, we're nearing the time for each share. No need to rush.");
            after.advance(Duration.ofMinutes(26));
            assertThat(after.outbox().drain()).as("the step's time box, planned before the restart").extracting(Sent::text)
                    .anySatisfy(t -> assertThat(t).contains("Our time for this part is up. When m1 has finished"));
            after.as("m1").inGroup().send("/share done");
            assertThat(live().step()).as("on to the celebration round").isEqualTo(3);
        }
    }

    private static Button last(List<Sent> sent, String label) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            for (Button button : sent.get(i).message().buttons()) {
                if (button.label().contains(label)) {
                    return button;
                }
            }
        }
        throw new AssertionError("no button '" + label + "'");
    }
}
