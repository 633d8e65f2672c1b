package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.testing.InMemoryJobQueue;
import org.junit.jupiter.api.Test;

/** Metrics never fail the work they measure: a lateness no timer can hold is recorded at its cap, not thrown. */
class MicrometerMetricsTest {

    private static final Duration FIVE_HUNDRED_YEARS = Duration.ofDays(365L * 500);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMetrics metrics = new MicrometerMetrics(registry);

    @Test
    void aLatenessOfFiveHundredYearsIsRecordedAtTheCapWithoutThrowing() {
        metrics.jobFinished("circle.remind", Metrics.JobOutcome.DONE, FIVE_HUNDRED_YEARS);
        metrics.jobFinished("circle.remind", Metrics.JobOutcome.DONE, Duration.ofSeconds(-5));

        assertThat(registry.get("circlekeeper.jobs.lateness").timer().count()).isEqualTo(2);
        assertThat(registry.get("circlekeeper.jobs.lateness").timer().max(TimeUnit.DAYS))
                .isEqualTo(MicrometerMetrics.MAX_LATENESS.toDays());
        assertThat(registry.get("circlekeeper.jobs.late").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aJobFiveHundredYearsLateRunsAndIsAckedOnce() {
        VirtualClock clock = new VirtualClock(Instant.parse("2026-11-27T09:00:00Z"));
        InMemoryJobQueue queue = new InMemoryJobQueue();
        AtomicInteger runs = new AtomicInteger();
        JobHandler handler = new JobHandler() {
            @Override
            public String kind() {
                return "circle.remind";
            }

            @Override
            public void run(Job job, Instant now, Duration lateness) {
                runs.incrementAndGet();
            }
        };
        Scheduler scheduler = new Scheduler(queue, clock, List.of(handler), Duration.ofSeconds(60), metrics);
        queue.schedule(new Job("ancient", "circle.remind", clock.instant().minus(FIVE_HUNDRED_YEARS), ""));

        assertThat(scheduler.runDue()).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(scheduler.runDue()).isZero();

        assertThat(runs).hasValue(1);
        assertThat(queue.all()).isEmpty();
        assertThat(registry.get("circlekeeper.jobs").tag("outcome", "done").counter().count()).isEqualTo(1.0);
        assertThat(registry.find("circlekeeper.jobs").tag("outcome", "retried").counter()).isNull();
    }
}
