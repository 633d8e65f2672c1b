package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.circlekeeper.core.schedule.ClaimedJob;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.Scheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One round trip acks a batch, each job under its own claim's fence; a scheduler asleep until its next due job (or its
 * cap) wakes when any replica schedules an earlier one; two schedulers asleep on one Redis share the work exactly once.
 */
class RedisJobQueueWakeupTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final Instant T0 = Instant.parse("2026-03-29T17:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);
    /** A cap no test waits out: a job that runs within the test's bounds was reached by a wake-up. */
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String KIND = "circle.reminder";

    private final List<RedisConnection> connections = new ArrayList<>();
    private final List<RedisJobQueue> queues = new ArrayList<>();
    private final List<Thread> loops = new ArrayList<>();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Thread loop : loops) {
            loop.interrupt();
            loop.join(10_000);
        }
        queues.forEach(RedisJobQueue::close);
        connections.forEach(RedisConnection::close);
    }

    /** A queue on a connection pool of its own, as on its own replica. */
    private RedisJobQueue replica() {
        RedisConnection connection = new RedisConnection(REDIS.target());
        connections.add(connection);
        RedisJobQueue queue = new RedisJobQueue(connection);
        queues.add(queue);
        return queue;
    }

    private static Job job(String id, Instant due) {
        return new Job(id, KIND, due, "circle=c1");
    }

    /** Runs the app's loop on real time: every due job, then a sleep until the next one, capped at an hour. */
    private Thread schedulerLoop(String name, RedisJobQueue queue, List<String> ranHere) {
        JobHandler handler = new JobHandler() {
            @Override
            public String kind() {
                return KIND;
            }

            @Override
            public void run(Job job, Instant now, Duration lateness) {
                runs.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
                ranHere.add(job.id());
            }
        };
        Scheduler scheduler = new Scheduler(queue, Clock.systemUTC(), List.of(handler), LEASE);
        Thread loop = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    scheduler.runDue();
                    scheduler.awaitDue(HOUR);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        loops.add(loop);
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

    @Test
    void ackAllRemovesTheJobsItsClaimsStillHoldAndRefusesEachStaleOne() {
        RedisJobQueue queue = replica();
        for (String id : List.of("a", "b", "c", "d")) {
            queue.schedule(job(id, T0));
        }
        List<ClaimedJob> first = queue.claimDue(T0, 10, LEASE);
        assertThat(first).hasSize(4);
        // a and b stay held by renewals; c's lease runs out and another claim takes it; d is rescheduled
        for (ClaimedJob held : first.subList(0, 2)) {
            assertThat(queue.renew(held, T0.plusSeconds(30), LEASE)).isTrue();
        }
        queue.reschedule(job("d", T0.plusSeconds(90)));
        List<ClaimedJob> second = queue.claimDue(T0.plusSeconds(70), 10, LEASE);
        assertThat(second).extracting(c -> c.job().id()).containsExactly("c");

        queue.ackAll(first);

        assertThat(queue.claimed()).as("c stays with its new holder").isEqualTo(1);
        assertThat(queue.waiting()).as("d waits at its new time").isEqualTo(1);
        assertThat(queue.claimDue(T0.plusSeconds(90), 10, LEASE)).extracting(c -> c.job().id()).containsExactly("d");
        assertThat(queue.renew(second.get(0), T0.plusSeconds(95), LEASE)).as("the new holder still holds c").isTrue();
        queue.ackAll(second);
        assertThat(queue.claimed()).as("only d, claimed just now").isEqualTo(1);
        assertThat(queue.renew(second.get(0), T0.plusSeconds(100), LEASE)).as("c is gone").isFalse();
    }

    @Test
    void nextDueIsTheEarliestDueTimeOrLeaseEnd() {
        RedisJobQueue queue = replica();
        assertThat(queue.nextDue()).isEmpty();
        queue.schedule(job("later", T0.plusSeconds(600)));
        queue.schedule(job("claimed", T0));
        assertThat(queue.nextDue()).contains(T0);

        queue.claimDue(T0, 1, LEASE);

        assertThat(queue.nextDue()).as("the claimed job's lease ends first").contains(T0.plus(LEASE));
    }

    @Test
    void aJobScheduledEarlierThanTheSleepRunsWithoutWaitingItOut() throws Exception {
        RedisJobQueue sleeper = replica();
        RedisJobQueue other = replica();
        sleeper.schedule(job("later", Instant.now().plus(HOUR)));
        List<String> ran = new CopyOnWriteArrayList<>();
        Thread loop = schedulerLoop("sleeper", sleeper, ran);
        awaitUntil(() -> sleeper.listening() && asleep(loop));

        // scheduled by another replica, a little after now: the sleeper wakes, then sleeps until it is due
        other.schedule(job("soon", Instant.now().plusMillis(200)));

        awaitUntil(() -> ran.contains("soon"));
        assertThat(ran).containsExactly("soon");
        assertThat(sleeper.waiting()).as("the later job waits untouched").isEqualTo(1);
    }

    @Test
    void aJobScheduledLaterThanTheNextOneWakesNobody() throws Exception {
        RedisJobQueue sleeper = replica();
        sleeper.schedule(job("first", Instant.now().plus(HOUR)));
        long before = sleeper.wakeups();
        awaitUntil(sleeper::listening);
        long subscribed = sleeper.wakeups();
        assertThat(subscribed).as("subscribing counts as a wake-up").isGreaterThan(before);

        replica().schedule(job("second", Instant.now().plus(HOUR).plusSeconds(1)));
        replica().schedule(job("earlier", Instant.now().plusSeconds(600)));

        awaitUntil(() -> sleeper.wakeups() > subscribed);
        assertThat(sleeper.wakeups()).as("only the job that came first woke it").isEqualTo(subscribed + 1);
    }

    @Test
    void twoSchedulersAsleepOnOneRedisBothWakeAndRunEachJobOnce() throws Exception {
        RedisJobQueue first = replica();
        RedisJobQueue second = replica();
        List<String> ranOnFirst = new CopyOnWriteArrayList<>();
        List<String> ranOnSecond = new CopyOnWriteArrayList<>();
        Thread one = schedulerLoop("first", first, ranOnFirst);
        Thread two = schedulerLoop("second", second, ranOnSecond);
        awaitUntil(() -> first.listening() && second.listening() && asleep(one) && asleep(two));
        long firstHeard = first.wakeups();
        long secondHeard = second.wakeups();

        Instant due = Instant.now().plusMillis(100);
        List<Job> jobs = IntStream.range(0, 500).mapToObj(i -> job(String.format("rem:c%04d", i), due.plusMillis(i % 50)))
                .toList();
        assertThat(replica().scheduleAll(jobs)).isEqualTo(500);

        awaitUntil(() -> runs.size() == 500 && first.waiting() == 0 && first.claimed() == 0);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(ranOnFirst.size() + ranOnSecond.size()).isEqualTo(500);
        assertThat(first.wakeups()).as("the wake-up reached the first replica").isGreaterThan(firstHeard);
        assertThat(second.wakeups()).as("and the second").isGreaterThan(secondHeard);
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
