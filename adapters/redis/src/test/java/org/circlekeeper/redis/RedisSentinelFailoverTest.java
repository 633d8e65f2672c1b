package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.circlekeeper.core.checkin.Checkin;
import org.circlekeeper.core.checkin.CheckinStore;
import org.circlekeeper.core.checkin.CheckinStores;
import org.circlekeeper.core.checkin.Mood;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.circlekeeper.core.message.DeliveryLog;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.RetryLater;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.core.schedule.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A primary with two replicas and three sentinels (the smallest setup that still has a replica after a failover), all real redis-server processes; reminders run through the real
 * scheduler, job queue and delivery log, and members check in, while the primary is killed with SIGKILL. The
 * connection must follow the sentinels to the promoted replica by itself, with no reminder lost or sent twice and
 * every check-in the store acknowledged (after {@code WAIT 1}, as the app configures it with Sentinel) still there.
 */
class RedisSentinelFailoverTest {

    private static final Instant T0 = Instant.parse("2026-12-03T18:00:00Z");
    private static final int REMINDERS = 400;
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration HOLD = Duration.ofSeconds(20);
    private static final Duration STEP = Duration.ofMillis(200);
    private static final String KIND = "circle.reminder";
    private static final CommunityRef COMMUNITY = new CommunityRef(Platform.CONSOLE, "sentinel-circle");
    private static final Duration RUN_LIMIT = Duration.ofSeconds(50);

    /** Job id to how many times it went out. */
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final VirtualClock clock = new VirtualClock(T0);

    @Test
    void aKilledPrimaryIsReplacedAndNoReminderOrAcknowledgedCheckinIsLostOrDoubled(@TempDir Path dir) throws Exception {
        ExecutorService members = Executors.newSingleThreadExecutor();
        try (SentinelSetup setup = SentinelSetup.start(dir);
             RedisConnection redis = new RedisConnection(setup.target(),
                     new RedisConnection.Acknowledgement(1, Duration.ofSeconds(2)))) {
            assertThat(redis.topology()).isEqualTo(new RedisConnection.Topology(RedisConnection.Topology.SENTINEL,
                    "127.0.0.1:" + setup.primaryPort(), SentinelSetup.MASTER));
            assertThat(redis.target().toString()).doesNotContain(SentinelSetup.DATA_PASSWORD, SentinelSetup.SENTINEL_PASSWORD);

            RedisJobQueue queue = new RedisJobQueue(redis);
            List<Job> jobs = IntStream.range(0, REMINDERS)
                    .mapToObj(i -> new Job(String.format("rem:c%04d:20261203T1800:PT15M", i), KIND,
                            T0.plus(STEP.multipliedBy(i / 2)), "circle=c" + i))
                    .toList();
            assertThat(queue.scheduleAll(jobs)).isEqualTo(REMINDERS);
            // reminders are scheduled long before their hour: by then the replica has them
            assertThat(redis.<Long>call(jedis -> jedis.waitReplicas(2, 30_000))).isEqualTo(2L);
            Scheduler scheduler = new Scheduler(queue, clock, List.of(new Delivering(new RedisDeliveryLog(redis))), LEASE);
            CheckinStores stores = RedisStores.create(redis, clock).checkins();
            CheckinStore checkins = stores.checkins();

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger acknowledgedAfterFailover = new AtomicInteger();
            AtomicBoolean failedOver = new AtomicBoolean();
            Set<MemberRef> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger refused = new AtomicInteger();
            LocalDate day = LocalDate.ofInstant(T0, ZoneOffset.UTC);
            Future<?> checkingIn = members.submit(() -> {
                for (int i = 0; !stop.get(); ) {
                    MemberRef member = new MemberRef(Platform.CONSOLE, "m" + i, "Member " + i);
                    boolean after = failedOver.get();
                    try {
                        checkins.put(COMMUNITY, member, new Checkin(day, Mood.values()[i % 5], null, T0), T0.plus(Duration.ofDays(30)));
                        acknowledged.add(member);
                        if (after) {
                            acknowledgedAfterFailover.incrementAndGet();
                        }
                        i++;
                    } catch (StoreUnavailable e) {
                        // the member is told to try again: not acknowledged, so not counted
                        refused.incrementAndGet();
                        pause(20);
                    }
                }
                return null;
            });

            boolean killed = false;
            boolean downSeen = false;
            long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
            while (deliveries.size() < REMINDERS || !queueEmpty(queue) || acknowledgedAfterFailover.get() < 50) {
                assertThat(System.nanoTime()).as("the run ends within %s s", RUN_LIMIT.toSeconds()).isLessThan(deadline);
                // the bot's time moves only while Redis answers, so that the outage itself does not use up retries
                if (redis.ping()) {
                    clock.advance(STEP);
                } else if (killed) {
                    downSeen = true;
                }
                try {
                    scheduler.runDue();
                } catch (StoreUnavailable e) {
                    // a claim that failed on the dying connection: the loop goes on, as SchedulerRunner's does
                }
                if (!killed && deliveries.size() >= REMINDERS / 3 && acknowledged.size() >= 50) {
                    setup.killPrimary();
                    killed = true;
                    assertThat(redis.ping()).as("readiness: the old primary does not answer").isFalse();
                    downSeen = true;
                }
                if (killed && !failedOver.get() && !redis.topology().primary().equals("127.0.0.1:" + setup.primaryPort())
                        && redis.ping()) {
                    failedOver.set(true);
                }
                pause(5);
            }
            stop.set(true);
            checkingIn.get(30, TimeUnit.SECONDS);

            assertThat(downSeen).isTrue();
            assertThat(redis.topology().primary()).as("the connection followed the sentinels to a promoted replica")
                    .isIn(setup.replicaPorts().stream().map(port -> "127.0.0.1:" + port).toList());
            assertThat(redis.topology().shape()).isEqualTo(RedisConnection.Topology.SENTINEL);
            assertThat(redis.ping()).as("readiness is back").isTrue();
            assertThat(deliveries).as("no reminder lost").hasSize(REMINDERS);
            assertThat(deliveries.entrySet()).as("no reminder sent twice")
                    .allSatisfy(e -> assertThat(e.getValue().get()).as(e.getKey()).isEqualTo(1));
            assertThat(queue.deadCount()).as("no reminder given up on").isZero();
            assertThat(acknowledged.stream().filter(member -> checkins.find(COMMUNITY, member, day).isEmpty()).toList())
                    .as("every acknowledged check-in (%s; %s refused while Redis was away) is on the new primary",
                            acknowledged.size(), refused.get())
                    .isEmpty();
        } finally {
            members.shutdownNow();
        }
    }

    private static boolean queueEmpty(RedisJobQueue queue) {
        try {
            return queue.waiting() == 0 && queue.claimed() == 0;
        } catch (StoreUnavailable e) {
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sends a reminder as the outbox does: begun in the delivery log, marked on the wire, counted, marked sent. */
    private final class Delivering implements JobHandler {
        private final DeliveryLog log;

        Delivering(DeliveryLog log) {
            this.log = log;
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public void run(Job job, Instant now, Duration lateness) {
            String holder = UUID.randomUUID().toString();
            DeliveryLog.Start start = log.begin(job.id(), holder, now, HOLD);
            if (start instanceof DeliveryLog.Start.Busy busy) {
                throw new RetryLater("another holder may still be sending it", busy.until());
            }
            if (start instanceof DeliveryLog.Start.Go) {
                log.onWire(job.id(), holder);
                deliveries.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
                log.sent(job.id(), holder);
            }
        }
    }

    @Test
    void anErasureIsRewrittenOutOfThePrimarysAndEveryReplicasFiles(@TempDir Path dir) throws Exception {
        try (SentinelSetup setup = SentinelSetup.start(dir);
             RedisConnection redis = new RedisConnection(setup.target(),
                     new RedisConnection.Acknowledgement(1, Duration.ofSeconds(2)))) {
            CheckinStores stores = RedisStores.create(redis, clock).checkins();
            CheckinStore checkins = stores.checkins();
            MemberRef leaving = new MemberRef(Platform.CONSOLE, "leaving-4711", "Leaving");
            LocalDate day = LocalDate.ofInstant(T0, ZoneOffset.UTC);
            checkins.put(COMMUNITY, leaving, new Checkin(day, Mood.LOW, null, T0), T0.plus(Duration.ofDays(30)));
            List<String> nodes = List.of("primary", "replica1", "replica2");
            for (String node : nodes) {
                SentinelSetup.await(node + "'s append-only file holds the check-in",
                        () -> read(setup.appendOnlyFile(node)).contains("leaving-4711"));
            }

            stores.members().eraseMember(leaving);
            RedisErasureFlush flush = new RedisErasureFlush(redis, Duration.ofHours(1));
            flush.erased();

            assertThat(flush.runDue()).isEqualTo(RedisErasureFlush.Outcome.STARTED);
            for (String node : nodes) {
                SentinelSetup.await(node + "'s append-only file is rewritten without the member",
                        () -> {
                            String content = read(setup.appendOnlyFile(node));
                            return content.contains("SELECT") && !content.contains("leaving-4711");
                        });
            }
            SentinelSetup.await("the primary's rewrite is recorded as done",
                    () -> flush.runDue() == RedisErasureFlush.Outcome.FLUSHED);
        }
    }

    /** The file as it is now; "" when it is missing or being swapped for its rewrite. */
    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }
}
