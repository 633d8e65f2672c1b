package org.circlekeeper.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the app runs due jobs (reminders, prompts) on real time, under {@code circlekeeper.scheduler.*}. The
 * console drives jobs with its own virtual clock instead, so none of this applies while it runs.
 *
 * @param enabled      run due jobs on this instance; every replica may (each job is claimed by exactly one)
 * @param interval     how often to look for due jobs
 * @param shutdownWait how long a shutdown waits for the job that is running to finish
 */
@ConfigurationProperties("circlekeeper.scheduler")
public record SchedulerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration interval,
        @DefaultValue("15s") Duration shutdownWait) {

    public SchedulerProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("circlekeeper.scheduler.interval must be positive, not " + interval);
        }
        if (shutdownWait.isNegative()) {
            throw new IllegalArgumentException("circlekeeper.scheduler.shutdown-wait may not be negative");
        }
    }
}
