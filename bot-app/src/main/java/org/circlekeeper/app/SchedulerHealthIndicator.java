package org.circlekeeper.app;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports whether this replica's scheduler loop is alive, under {@code /actuator/health} as the {@code scheduler}
 * component: {@code DOWN} when it has shown no sign of life for {@link SchedulerRunner#stallAfter()} (its thread
 * died or hangs in one job, so no reminder goes out from here), {@code OUT_OF_SERVICE} while it is stopped.
 */
class SchedulerHealthIndicator implements HealthIndicator {

    private final SchedulerRunner runner;

    SchedulerHealthIndicator(SchedulerRunner runner) {
        this.runner = runner;
    }

    @Override
    public Health health() {
        if (!runner.isRunning()) {
            return Health.status(Status.OUT_OF_SERVICE).withDetail("reason", "the scheduler is stopped").build();
        }
        Instant last = runner.lastBeat();
        Duration silent = Duration.between(last, runner.clock().instant());
        Health.Builder health = silent.compareTo(runner.stallAfter()) > 0
                ? Health.down().withDetail("reason", "the scheduler loop has not ticked for " + silent.toSeconds() + " s")
                : Health.up();
        return health.withDetail("lastTick", last.toString()).withDetail("stallAfter", runner.stallAfter().toString()).build();
    }
}
