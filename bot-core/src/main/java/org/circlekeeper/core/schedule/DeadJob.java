package org.circlekeeper.core.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.circlekeeper.core.ref.Ids;

/**
 * A job the scheduler gave up on (it failed {@link Scheduler#MAX_ATTEMPTS} times, or no handler knows its kind),
 * kept for operators in a short list: what it was and why it failed, never its payload.
 *
 * @param job    the {@link #fingerprint fingerprint} of the job's id, which the scheduler's error log line of the
 *               burial shows beside the id: an id may name a member, and this list may outlive their erasure
 * @param reason the class name of the last failure (e.g. {@code java.lang.ExceptionInInitializerError}) or
 *               {@link #NO_HANDLER}; never a message, which could quote personal data
 */
public record DeadJob(String job, String kind, int attempts, String reason, Instant at) {

    /** The reason of a job whose kind no handler runs. */
    public static final String NO_HANDLER = "no-handler";

    private static final Pattern REASON = Pattern.compile("[A-Za-z0-9._$-]{1,200}");

    public DeadJob {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        if (reason == null || !REASON.matcher(reason).matches()) {
            throw new IllegalArgumentException("a dead job's reason is a class name or " + NO_HANDLER + ", not '" + reason + "'");
        }
    }

    /** A job id's fingerprint: the first 16 hex digits of its SHA-256, naming nobody. */
    public static String fingerprint(String jobId) {
        return Ids.sha256Hex(jobId).substring(0, 16);
    }

    /** The reason recorded for a failure: its class name only. */
    public static String reasonOf(Throwable failure) {
        return failure.getClass().getName();
    }
}
