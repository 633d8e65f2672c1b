package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.circlekeeper.core.member.MemberSettings;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.Scheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two long-lived subscriptions of a replica (the settings cache's invalidations, the job queue's wake-ups) across a
 * Sentinel failover, on real redis-server processes ({@link SentinelSetup}: a primary, two replicas, three sentinels):
 * the primary is killed with SIGKILL, a replica promoted, and both subscribe again on the new primary by themselves;
 * a setting changed by another replica afterwards is read fresh, not from a copy made before, and a scheduler asleep
 * with an hour's cap wakes for a job scheduled earlier after the failover. Readiness reports both subscriptions.
 */
class RedisSentinelSubscriptionsTest {

    private static final MemberRef ALICE = new MemberRef(Platform.TELEGRAM, "1001", "Alice");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId LIMA = ZoneId.of("America/Lima");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** A cap no test waits out: a job that runs within the test's bounds was reached by a wake-up. */
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String KIND = "circle.reminder";

    @Test
    void theSettingsCacheAndTheJobWakeupsFollowAFailoverAfterThePrimaryIsKilled(@TempDir Path dir) throws Exception {
        failOver(dir, true);
    }

    /**
     * The primary stops answering without closing its sockets (SIGSTOP, as in a network partition): the subscriptions'
     * reads would wait forever (Jedis subscribes without a socket timeout), so they must notice by themselves that the
     * sentinels named another primary, or that their node went silent.
     */
    @Test
    void theSettingsCacheAndTheJobWakeupsFollowAFailoverAfterThePrimaryFallsSilent(@TempDir Path dir) throws Exception {
        failOver(dir, false);
    }

    private void failOver(Path dir, boolean kill) throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        Thread loop = null;
        try (SentinelSetup setup = SentinelSetup.start(dir);
             RedisConnection one = new RedisConnection(setup.target());
             RedisConnection two = new RedisConnection(setup.target());
             RedisJobQueue sleeping = new RedisJobQueue(one);
             RedisJobQueue other = new RedisJobQueue(two)) {
            RedisMemberSettingsStore first = new RedisMemberSettingsStore(one);
            RedisMemberSettingsStore second = new RedisMemberSettingsStore(two);
            assertThat(one.subscriptions().states()).as("nothing started, nothing missed")
                    .containsEntry("settingsCache", RedisSubscriptions.State.IDLE)
                    .containsEntry("jobWakeups", RedisSubscriptions.State.IDLE);
            second.save(ALICE, MemberSettings.NONE.withZone(BERLIN));
            first.get(ALICE);
            SentinelSetup.await("the first replica's cache is subscribed", () -> one.cache().isLive());
            assertThat(first.get(ALICE).zone()).isEqualTo(BERLIN);
            assertThat(first.get(ALICE).zone()).as("now from the first replica's copy").isEqualTo(BERLIN);

            loop = schedulerLoop(sleeping, ran);
            SentinelSetup.await("the scheduler listens for wake-ups", sleeping::listening);
            assertThat(one.subscriptions().states()).containsEntry("settingsCache", RedisSubscriptions.State.SUBSCRIBED)
                    .containsEntry("jobWakeups", RedisSubscriptions.State.SUBSCRIBED);
            assertThat(one.subscriptions().allListening()).isTrue();

            String old = "127.0.0.1:" + setup.primaryPort();
            if (kill) {
                setup.killPrimary();
                SentinelSetup.await("the subscriptions see the primary gone", () -> !one.subscriptions().allListening());
            } else {
                setup.freezePrimary();
            }
            SentinelSetup.await("both replicas follow the sentinels to the promoted primary",
                    () -> !one.topology().primary().equals(old) && !two.topology().primary().equals(old)
                            && one.ping() && two.ping());
            assertThat(one.topology().primary()).isIn(setup.replicaPorts().stream().map(port -> "127.0.0.1:" + port).toList());

            // another replica changes the setting on the new primary: the first must not serve its copy from before
            second.save(ALICE, MemberSettings.NONE.withZone(LIMA));
            SentinelSetup.await("the first replica reads the change made after the failover",
                    () -> LIMA.equals(zoneOrNull(first)));
            SentinelSetup.await("both subscriptions are back, on the new primary", () -> one.subscriptions().allListening()
                    && one.cache().isLive() && sleeping.listening());
            assertThat(one.subscriptions().states()).containsEntry("settingsCache", RedisSubscriptions.State.SUBSCRIBED)
                    .containsEntry("jobWakeups", RedisSubscriptions.State.SUBSCRIBED);

            // the cache keeps copies again, and the new primary's announcements reach it
            assertThat(first.get(ALICE).zone()).isEqualTo(LIMA);
            second.save(ALICE, MemberSettings.NONE.withZone(TOKYO));
            // well before the copy would age out by itself: only the announcement can have dropped it
            SentinelSetup.await("the first replica's cache hears the new primary's announcement",
                    SettingsCache.KEPT.dividedBy(2), () -> TOKYO.equals(zoneOrNull(first)));

            // a scheduler asleep with an hour's cap wakes for an earlier job another replica schedules
            Thread sleeper = loop;
            SentinelSetup.await("the scheduler sleeps, waiting for a wake-up", () -> asleep(sleeper));
            other.schedule(new Job("after-failover", KIND, Instant.now(), "circle=c1"));
            SentinelSetup.await("the sleeping scheduler woke for the job and ran it", () -> ran.contains("after-failover"));
        } finally {
            if (loop != null) {
                loop.interrupt();
                loop.join(10_000);
            }
        }
    }

    private static ZoneId zoneOrNull(RedisMemberSettingsStore store) {
        try {
            return store.get(ALICE).zone();
        } catch (StoreUnavailable e) {
            return null;
        }
    }

    /** The app's loop on real time: every due job, then a sleep until the next one, capped at an hour. */
    private static Thread schedulerLoop(RedisJobQueue queue, List<String> ran) {
        JobHandler handler = new JobHandler() {
            @Override
            public String kind() {
                return KIND;
            }

            @Override
            public void run(Job job, Instant now, Duration lateness) {
                ran.add(job.id());
            }
        };
        Scheduler scheduler = new Scheduler(queue, Clock.systemUTC(), List.of(handler), Duration.ofMinutes(1));
        Thread loop = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    scheduler.runDue();
                    scheduler.awaitDue(HOUR);
                } catch (StoreUnavailable e) {
                    // Redis away during the failover: the loop goes on, as SchedulerRunner's does
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "sentinel-subscriptions-scheduler");
        loop.setDaemon(true);
        loop.start();
        return loop;
    }

    /** True while the thread sleeps in the queue's wait for a wake-up (not in a claim, not between two calls). */
    private static boolean asleep(Thread loop) {
        if (loop.getState() != Thread.State.TIMED_WAITING) {
            return false;
        }
        for (StackTraceElement frame : loop.getStackTrace()) {
            if (frame.getClassName().equals(JobWakeups.class.getName()) && frame.getMethodName().equals("await")) {
                return true;
            }
        }
        return false;
    }
}
