package org.circlekeeper.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's {@link Metrics} port as Micrometer meters, scraped as Prometheus metrics at
 * {@code /actuator/prometheus}. Labels are only platforms, registered command and action names, job kinds,
 * outcomes and short operation words: nothing that identifies a member, and nothing that grows without bound
 * (an unexpected label value is counted as {@code other}). deploy/README.md lists every meter.
 */
final class MicrometerMetrics implements Metrics {

    /** A job picked up more than this long after its due time counts in {@code circlekeeper.jobs.late}. */
    static final Duration LATE = Duration.ofMinutes(1);
    /**
     * The longest lateness recorded as it is; a longer one (a job centuries overdue after a clock or data mishap)
     * is recorded as this much, since a timer holds nanoseconds in a {@code long} and would throw.
     */
    static final Duration MAX_LATENESS = Duration.ofDays(366);

    private static final Logger LOG = LoggerFactory.getLogger(MicrometerMetrics.class);

    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,47}");

    private final MeterRegistry registry;

    MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Platform platform : Platform.values()) {
            // present from the start (at zero), so dashboards and alerts find them before the first event
            checkIns(platform);
        }
    }

    @Override
    public void commandHandled(Platform platform, String command, Outcome outcome) {
        Counter.builder("circlekeeper.commands")
                .description("Commands handled, by platform, registered command name and outcome")
                .tag("platform", platform.id()).tag("command", label(command)).tag("outcome", lower(outcome))
                .register(registry).increment();
    }

    @Override
    public void buttonPressed(Platform platform, String action, Outcome outcome) {
        Counter.builder("circlekeeper.buttons")
                .description("Button presses handled, by platform, registered action id and outcome")
                .tag("platform", platform.id()).tag("action", label(action)).tag("outcome", lower(outcome))
                .register(registry).increment();
    }

    /** Counts how a job ended; never throws, whatever the lateness (metrics never fail the work they measure). */
    @Override
    public void jobFinished(String kind, JobOutcome outcome, Duration lateness) {
        try {
            recordJob(kind, outcome, lateness == null ? Duration.ZERO : lateness);
        } catch (RuntimeException e) {
            LOG.warn("could not record a finished job of kind {} ({})", label(kind), e.getClass().getName());
        }
    }

    private void recordJob(String kind, JobOutcome outcome, Duration lateness) {
        String kindLabel = label(kind);
        Counter.builder("circlekeeper.jobs")
                .description("Due jobs (reminders, prompts) claimed by this instance, by job kind and how they ended")
                .tag("kind", kindLabel).tag("outcome", lower(outcome))
                .register(registry).increment();
        if (outcome == JobOutcome.RELEASED) {
            return;
        }
        Timer.builder("circlekeeper.jobs.lateness")
                .description("How long after its due time a job was run")
                .tag("kind", kindLabel)
                .serviceLevelObjectives(Duration.ofSeconds(2), Duration.ofSeconds(10), LATE, Duration.ofMinutes(10),
                        Duration.ofHours(1))
                .register(registry).record(clamp(lateness));
        if (lateness.compareTo(LATE) > 0) {
            Counter.builder("circlekeeper.jobs.late")
                    .description("Jobs run more than a minute after their due time (after downtime or a backlog)")
                    .tag("kind", kindLabel)
                    .register(registry).increment();
        }
    }

    @Override
    public void checkIn(Platform platform) {
        checkIns(platform).increment();
    }

    @Override
    public void platformError(Platform platform, String operation) {
        Counter.builder("circlekeeper.platform.errors")
                .description("Calls to a chat platform that failed, by platform and operation")
                .tag("platform", platform.id()).tag("operation", label(operation))
                .register(registry).increment();
    }

    @Override
    public void platformRetry(Platform platform, String operation) {
        Counter.builder("circlekeeper.platform.retries")
                .description("Calls to a chat platform tried again (rate limits, transient failures), by platform and operation")
                .tag("platform", platform.id()).tag("operation", label(operation))
                .register(registry).increment();
    }

    @Override
    public void unitFailed(Platform platform, String boundary) {
        Counter.builder("circlekeeper.failures")
                .description("Failures caught at the boundary of one unit of work (engine, update) and logged; the loop went on")
                .tag("platform", platform.id()).tag("boundary", label(boundary))
                .register(registry).increment();
    }

    @Override
    public void storeUnavailable(Platform platform) {
        Counter.builder("circlekeeper.store.unavailable")
                .description("Events answered with \"try again in a minute\" because the store (Redis) could not be reached")
                .tag("platform", platform.id())
                .register(registry).increment();
    }

    private Counter checkIns(Platform platform) {
        return Counter.builder("circlekeeper.checkins")
                .description("Check-ins recorded, by platform")
                .tag("platform", platform.id())
                .register(registry);
    }

    /** The lateness a timer can hold: zero at least, {@link #MAX_LATENESS} at most. */
    static Duration clamp(Duration lateness) {
        if (lateness.isNegative()) {
            return Duration.ZERO;
        }
        return lateness.compareTo(MAX_LATENESS) > 0 ? MAX_LATENESS : lateness;
    }

    /** A label value from a fixed vocabulary; anything else (never expected) becomes {@code other}. */
    static String label(String value) {
        if (value == null) {
            return "other";
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return LABEL.matcher(lower).matches() ? lower : "other";
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
