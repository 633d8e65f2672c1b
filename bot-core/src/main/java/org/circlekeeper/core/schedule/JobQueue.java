package org.circlekeeper.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Durable due jobs. A claim is atomic: among any number of scheduler instances, one gets a due job;
 * if it dies before {@link #ack}, the lease runs out and another claims it. Redis in production; an
 * in-memory version serves unit tests only.
 */
public interface JobQueue {

    /** Schedules a job; returns false (and changes nothing) when a job with the same id is already waiting. */
    boolean schedule(Job job);

    /** Schedules or moves a job to the given job's due time and payload. */
    void reschedule(Job job);

    /** Removes a waiting job; returns false when there was none. */
    boolean cancel(String jobId);

    /** Claims up to {@code max} jobs due at or before {@code now}, each leased for {@code lease}. */
    List<ClaimedJob> claimDue(Instant now, int max, Duration lease);

    /** The job is done: it is removed for good and will not run again. */
    void ack(ClaimedJob claimed);

    /** The job failed this time: it waits again until {@code at}. */
    void retry(ClaimedJob claimed, Instant at);

    /** How many jobs are waiting (not claimed), for health and metrics. */
    long waiting();
}
