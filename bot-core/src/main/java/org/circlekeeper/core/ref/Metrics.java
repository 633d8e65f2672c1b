package org.circlekeeper.core.ref;

import java.time.Duration;

/**
 * What the bot counts for its operators: commands and buttons handled, due jobs run, late, retried and
 * dropped, check-ins, platform errors and retries, failures caught at the boundary of one unit of work, and
 * store outages. The app turns these into Prometheus metrics; the
 * core and the adapters only call this port, so they stay free of any metrics library.
 *
 * <p>Every argument is a name from a small fixed set (a command's or action's registered name, a job
 * kind, a platform, an operation such as {@code send}) and never anything a member typed or who they
 * are: labels must neither identify people nor grow without bound. Implementations must be
 * thread-safe and must not throw. {@link #NONE} counts nothing (tests, benchmarks).
 */
public interface Metrics {

    /** Counts nothing. */
    Metrics NONE = new Metrics() {
    };

    /** The name counted for a command or button the bot does not know (what was typed is never a label). */
    String UNKNOWN = "unknown";

    /** How the engine finished with a command or a button press. */
    enum Outcome {
        /** The feature ran. */
        DONE,
        /** No such command, or a stale button. */
        UNKNOWN,
        /** Not allowed for this person or in this place. */
        DENIED,
        /** The arguments did not parse; the member got an explanation. */
        INVALID,
        /** The feature threw; the member got an apology. */
        FAILED,
        /** The store could not be reached; the member was asked to try again in a minute. */
        UNAVAILABLE
    }

    /** How one claimed due job ended on this run. */
    enum JobOutcome {
        /** The handler ran and the job is acknowledged. */
        DONE,
        /** The handler threw; the job waits for another attempt. */
        RETRIED,
        /** The job failed too often or has no handler; it is gone. */
        DROPPED,
        /** Claimed but not started because this instance is shutting down; put back for any instance. */
        RELEASED
    }

    /** A command was handled; {@code command} is its registered name or {@link #UNKNOWN}. */
    default void commandHandled(Platform platform, String command, Outcome outcome) {
    }

    /** A button was pressed; {@code action} is its registered action id ({@code feature.action}) or {@link #UNKNOWN}. */
    default void buttonPressed(Platform platform, String action, Outcome outcome) {
    }

    /**
     * A claimed job ended; {@code lateness} is how long after its due time it was picked up (zero when on
     * time). Reminders are jobs, so reminders sent and late are the reminder kinds' figures.
     */
    default void jobFinished(String kind, JobOutcome outcome, Duration lateness) {
    }

    /** A member checked in (the check-in feature calls this). */
    default void checkIn(Platform platform) {
    }

    /**
     * A call to a platform failed; {@code operation} is a short fixed word such as {@code send},
     * {@code edit}, {@code webhook} or {@code gateway}.
     */
    default void platformError(Platform platform, String operation) {
    }

    /** A call to a platform is tried again (after a rate limit or a transient failure). */
    default void platformRetry(Platform platform, String operation) {
    }

    /**
     * A {@link Throwable} reached the boundary of one unit of work and was logged there, and the loop went
     * on; {@code boundary} is a short fixed word naming that boundary: {@code engine} (the engine apologised
     * to the member), {@code update} (an adapter's handler of one update, message, interaction or console
     * line) or {@code clock} (what the console ran after its clock moved).
     */
    default void unitFailed(Platform platform, String boundary) {
    }

    /** The store could not be reached while handling an event; the member was asked to try again in a minute. */
    default void storeUnavailable(Platform platform) {
    }
}
