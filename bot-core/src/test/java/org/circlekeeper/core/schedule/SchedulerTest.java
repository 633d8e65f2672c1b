package org.circlekeeper.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.circlekeeper.core.testing.InMemoryJobQueue;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-27T09:00:00Z"));
    private final InMemoryJobQueue queue = new InMemoryJobQueue();
    private final List<String> ran = new ArrayList<>();
    private int failuresLeft;

    private final JobHandler handler = new JobHandler() {
        @Override
        public String kind() {
            return "test";
        }

        @Override
        public void run(Job job, Instant now, Duration lateness) {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("flaky");
            }
            ran.add(job.id() + "@" + lateness.toMinutes());
        }
    };
    private final Scheduler scheduler = new Scheduler(queue, clock, List.of(handler), Duration.ofSeconds(60));

    @Test
    void runsDueJobsOnceWithTheirLateness() {
        queue.schedule(new Job("a", "test", clock.instant().plusSeconds(60), ""));
        queue.schedule(new Job("b", "test", clock.instant().plusSeconds(3600), ""));
        assertThat(queue.schedule(new Job("a", "test", clock.instant(), ""))).isFalse();
        assertThat(scheduler.runDue()).isZero();
        clock.advance(Duration.ofMinutes(10));
        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(scheduler.runDue()).isZero();
        assertThat(ran).containsExactly("a@9");
        assertThat(queue.waiting()).isEqualTo(1);
    }

    @Test
    void aFailingJobIsRetriedLaterThenDroppedAfterMaxAttempts() {
        queue.schedule(new Job("a", "test", clock.instant(), ""));
        failuresLeft = 1;
        assertThat(scheduler.runDue()).isZero();
        assertThat(ran).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(ran).hasSize(1);

        queue.schedule(new Job("z", "test", clock.instant(), ""));
        failuresLeft = 100;
        for (int i = 0; i < Scheduler.MAX_ATTEMPTS; i++) {
            scheduler.runDue();
            clock.advance(Duration.ofHours(3));
        }
        assertThat(queue.waiting()).isZero();
    }

    @Test
    void aClaimWhoseHolderDiesIsTakenAgainAfterTheLease() {
        queue.schedule(new Job("a", "test", clock.instant(), ""));
        assertThat(queue.claimDue(clock.instant(), 10, Duration.ofSeconds(60))).hasSize(1);
        assertThat(scheduler.runDue()).isZero();
        clock.advance(Duration.ofSeconds(61));
        assertThat(scheduler.runDue()).isEqualTo(1);
    }
}
