package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.circlekeeper.core.schedule.ClaimedJob;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.core.schedule.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several scheduler instances, each with its own connection as on its own replica, sharing one Redis. */
class RedisSchedulerRaceTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final Instant T0 = Instant.parse("2026-10-25T00:30:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final String KIND = "circle.reminder";

    private final List<RedisConnection> connections = new ArrayList<>();
    /** Job id to how many times a handler ran it, over every instance. */
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    @AfterEach
    void closeConnections() {
        connections.forEach(RedisConnection::close);
    }

    private RedisJobQueue replicaQueue() {
        RedisConnection connection = new RedisConnection(REDIS.target());
        connections.add(connection);
        return new RedisJobQueue(connection);
    }

    private JobHandler recordingHandler(AtomicInteger ranHere, Consumer<Job> alsoDo) {
        return new JobHandler() {
            @Override
            public String kind() {
                return KIND;
            }

            @Override
            public void run(Job job, Instant now, Duration lateness) {
                alsoDo.accept(job);
                deliveries.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
                ranHere.incrementAndGet();
            }
        };
    }

    private static List<Job> reminders(int count, Instant latestDue) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Job(String.format("rem:c%05d:20261025T0200:PT15M", i), KIND,
                        latestDue.minusMillis(i % 5_000), "circle=c" + i))
                .toList();
    }

    @Test
    void twoSchedulersRacingOverTenThousandDueJobsDeliverEachExactlyOnce() throws Exception {
        List<Job> jobs = reminders(10_000, T0);
        assertThat(new RedisJobQueue(REDIS.connection()).scheduleAll(jobs)).isEqualTo(10_000);
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        AtomicInteger ranByA = new AtomicInteger();
        AtomicInteger ranByB = new AtomicInteger();
        RedisJobQueue queueA = replicaQueue();
        RedisJobQueue queueB = replicaQueue();
        Scheduler a = new Scheduler(queueA, clock, List.of(recordingHandler(ranByA, job -> { })), LEASE);
        Scheduler b = new Scheduler(queueB, clock, List.of(recordingHandler(ranByB, job -> { })), LEASE);

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> doneByA = threads.submit(() -> drain(a, queueA, start));
            Future<Integer> doneByB = threads.submit(() -> drain(b, queueB, start));

            assertThat(doneByA.get(2, TimeUnit.MINUTES) + doneByB.get(2, TimeUnit.MINUTES)).isEqualTo(10_000);
        } finally {
            threads.shutdownNow();
        }

        assertThat(deliveries).as("every job delivered").hasSize(10_000);
        assertThat(deliveries.entrySet()).as("no job delivered twice")
                .allSatisfy(e -> assertThat(e.getValue().get()).as(e.getKey()).isEqualTo(1));
        assertThat(ranByA.get()).as("instance A took part").isPositive();
        assertThat(ranByB.get()).as("instance B took part").isPositive();
        assertThat(REDIS.keys()).as("every job acked, nothing left").isEmpty();
    }

    private static int drain(Scheduler scheduler, RedisJobQueue queue, CyclicBarrier start) throws Exception {
        start.await(30, TimeUnit.SECONDS);
        int done = 0;
        while (true) {
            int ran = scheduler.runDue();
            done += ran;
            if (ran == 0 && queue.waiting() == 0) {
                return done;
            }
        }
    }

    @Test
    void aClaimWhoseHolderDiesIsDeliveredOnceByTheOtherAndItsLateAckIsIgnored() {
        VirtualClock clock = new VirtualClock(T0);
        RedisJobQueue queueA = replicaQueue();
        RedisJobQueue queueB = replicaQueue();
        List<Job> jobs = reminders(50, T0);
        queueA.scheduleAll(jobs);
        // instance A claims everything, then dies before it runs or acks any of it
        List<ClaimedJob> heldByA = queueA.claimDue(clock.instant(), 200, LEASE);
        assertThat(heldByA).hasSize(50);
        Map<String, ClaimedJob> claimOfA = new ConcurrentHashMap<>();
        heldByA.forEach(c -> claimOfA.put(c.job().id(), c));

        List<String> stillThereAfterLateAck = new ArrayList<>();
        AtomicInteger ranByB = new AtomicInteger();
        Scheduler b = new Scheduler(queueB, clock, List.of(recordingHandler(ranByB, job -> {
            // A wakes up while B holds the job: A's ack must not take B's claim away
            queueA.ack(claimOfA.get(job.id()));
            if (REDIS.hash(RedisKeys.jobsData()).containsKey(job.id())) {
                stillThereAfterLateAck.add(job.id());
            }
        })), LEASE);

        assertThat(b.runDue()).as("A's lease still runs").isZero();
        clock.advance(LEASE.minusMillis(1));
        assertThat(b.runDue()).as("one millisecond before A's lease ends").isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(b.runDue()).isEqualTo(50);

        assertThat(stillThereAfterLateAck).hasSize(50);
        assertThat(deliveries).hasSize(50);
        assertThat(deliveries.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        heldByA.forEach(queueA::ack);
        clock.advance(LEASE.multipliedBy(3));
        assertThat(b.runDue()).isZero();
        assertThat(new Scheduler(queueA, clock, List.of(recordingHandler(new AtomicInteger(), job -> { })), LEASE)
                .runDue()).isZero();
        assertThat(ranByB.get()).isEqualTo(50);
        assertThat(REDIS.keys()).isEmpty();
    }
}
