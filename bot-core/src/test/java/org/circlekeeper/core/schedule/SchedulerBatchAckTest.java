package org.circlekeeper.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.circlekeeper.core.testing.InMemoryJobQueue;
import org.junit.jupiter.api.Test;

/**
 * The finished jobs of a batch are acked together at its end, each only while its own claim still holds it; and a
 * scheduler asleep until its next job wakes when an earlier one is scheduled.
 */
class SchedulerBatchAckTest {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final String KIND = "reminder";

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-27T09:00:00Z"));
    private final InMemoryJobQueue queue = new InMemoryJobQueue();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    private JobHandler handler(Runnable during) {
        return new JobHandler() {
            @Override
            public String kind() {
                return KIND;
            }

            @Override
            public void run(Job job, Instant now, Duration lateness) {
                ran.add(job.id());
                if (job.id().equals("a")) {
                    during.run();
                }
            }
        };
    }

    @Test
    void aFinishedJobTakenOverBeforeTheBatchAckStaysWithItsNewHolder() {
        List<ClaimedJob> takenOver = new ArrayList<>();
        // while "a" runs, its batch outlives the lease unrenewed (the clock jumps) and another instance claims both jobs
        Scheduler scheduler = new Scheduler(queue, clock, List.of(handler(() -> {
            clock.advance(LEASE.plusSeconds(1));
            takenOver.addAll(queue.claimDue(clock.instant(), 10, LEASE));
        })), LEASE);
        queue.schedule(new Job("a", KIND, clock.instant(), ""));
        queue.schedule(new Job("b", KIND, clock.instant(), ""));

        assertThat(scheduler.runDue()).isEqualTo(1);

        assertThat(ran).as("b was not started: its lease was taken over").containsExactly("a");
        assertThat(takenOver).extracting(c -> c.job().id()).containsExactly("a", "b");
        for (ClaimedJob held : takenOver) {
            assertThat(queue.renew(held, clock.instant(), LEASE)).as("the stale batch ack left %s alone", held.job().id())
                    .isTrue();
        }
    }

    @Test
    void theFinishedJobsOfABatchAreGoneOnceItEnds() {
        Scheduler scheduler = new Scheduler(queue, clock, List.of(handler(() -> { })), LEASE);
        for (int i = 0; i < Scheduler.BATCH + 3; i++) {
            queue.schedule(new Job(i == 0 ? "a" : "j" + i, KIND, clock.instant(), ""));
        }

        assertThat(scheduler.runDue()).isEqualTo(Scheduler.BATCH + 3);

        assertThat(queue.all()).isEmpty();
        assertThat(queue.nextDue()).isEmpty();
    }

    @Test
    void aJobScheduledEarlierWakesASchedulerAsleepUntilALaterOne() throws Exception {
        Scheduler scheduler = new Scheduler(queue, Clock.systemUTC(), List.of(handler(() -> { })), LEASE);
        queue.schedule(new Job("later", KIND, Instant.now().plus(Duration.ofHours(2)), ""));
        Thread sleeper = new Thread(() -> {
            try {
                scheduler.awaitDue(Duration.ofHours(1));
                scheduler.runDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sleeper.start();
        while (sleeper.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(5);
        }

        queue.schedule(new Job("a", KIND, Instant.now().minusMillis(1), ""));
        sleeper.join(20_000);

        assertThat(sleeper.isAlive()).as("woken long before its hour").isFalse();
        assertThat(ran).containsExactly("a");
    }
}
