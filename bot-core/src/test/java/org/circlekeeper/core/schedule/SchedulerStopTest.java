package org.circlekeeper.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.testing.InMemoryJobQueue;
import org.junit.jupiter.api.Test;

/**
 * A scheduler asked to stop finishes the job it runs, starts no other, and puts the claimed rest back so
 * another instance can run them at once; every claimed job's end is reported to the metrics by kind.
 */
class SchedulerStopTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-27T09:00:00Z"));
    private final InMemoryJobQueue queue = new InMemoryJobQueue();
    private final List<String> ran = new ArrayList<>();
    private final List<String> counted = new ArrayList<>();
    private final AtomicBoolean keepGoing = new AtomicBoolean(true);
    private boolean fail;

    private final Metrics metrics = new Metrics() {
        @Override
        public void jobFinished(String kind, JobOutcome outcome, Duration lateness) {
            counted.add(kind + " " + outcome + " " + lateness.toMinutes());
        }
    };

    private final JobHandler handler = new JobHandler() {
        @Override
        public String kind() {
            return "test";
        }

        @Override
        public void run(Job job, Instant now, Duration lateness) {
            ran.add(job.id());
            if (job.id().equals("b")) {
                keepGoing.set(false);
            }
            if (fail) {
                throw new IllegalStateException("flaky");
            }
        }
    };

    private final Scheduler scheduler = new Scheduler(queue, clock, List.of(handler), Duration.ofSeconds(60), metrics);

    @Test
    void stoppingFinishesTheRunningJobAndReleasesTheClaimedRest() {
        for (String id : List.of("a", "b", "c", "d")) {
            queue.schedule(new Job(id, "test", clock.instant(), ""));
        }
        clock.advance(Duration.ofMinutes(2));

        assertThat(scheduler.runDue(keepGoing::get)).isEqualTo(2);

        assertThat(ran).containsExactly("a", "b");
        assertThat(queue.waiting()).as("c and d wait again, not held by a lease").isEqualTo(2);
        assertThat(queue.claimDue(clock.instant(), 10, Duration.ofSeconds(60)))
                .extracting(claimed -> claimed.job().id() + "@" + claimed.job().due())
                .containsExactly("c@2026-11-27T09:00:00Z", "d@2026-11-27T09:00:00Z");
        assertThat(counted).containsExactly("test DONE 2", "test DONE 2", "test RELEASED 0", "test RELEASED 0");
    }

    @Test
    void aStoppedSchedulerClaimsNothing() {
        queue.schedule(new Job("a", "test", clock.instant(), ""));
        keepGoing.set(false);

        assertThat(scheduler.runDue(keepGoing::get)).isZero();

        assertThat(ran).isEmpty();
        assertThat(queue.waiting()).isEqualTo(1);
        assertThat(counted).isEmpty();
    }

    @Test
    void retriesDropsAndUnknownKindsAreCounted() {
        queue.schedule(new Job("x", "test", clock.instant(), ""));
        queue.schedule(new Job("y", "nobody.runs", clock.instant(), ""));
        fail = true;

        scheduler.runDue();

        assertThat(counted).containsExactlyInAnyOrder("test RETRIED 0", "nobody.runs DROPPED 0");
        counted.clear();
        for (int i = 1; i < Scheduler.MAX_ATTEMPTS; i++) {
            clock.advance(Duration.ofHours(3));
            scheduler.runDue();
        }
        assertThat(counted).hasSize(Scheduler.MAX_ATTEMPTS - 1).last().asString().startsWith("test DROPPED");
        assertThat(queue.waiting()).isZero();
    }
}
