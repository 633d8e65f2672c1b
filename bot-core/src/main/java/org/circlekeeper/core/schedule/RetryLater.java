package org.circlekeeper.core.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * Thrown by a job's work when it cannot go on now but is no failure: a platform asked to wait longer than a lease
 * allows, or another claim of the same job is still delivering. The scheduler puts the job back until {@link #at()}
 * instead of counting a failure or blocking its thread.
 */
public final class RetryLater extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Instant at;

    public RetryLater(String message, Instant at) {
        super(message, null, false, false);
        this.at = Objects.requireNonNull(at, "at");
    }

    /** When the job should run again. */
    public Instant at() {
        return at;
    }
}
