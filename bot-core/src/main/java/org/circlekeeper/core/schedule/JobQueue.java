package org.circlekeeper.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.circlekeeper.core.ref.StoreKey;

/**
 * Durable due jobs. A claim is atomic: among any number of scheduler instances, one gets a due job;
 * if it dies before {@link #ack}, the lease runs out and another claims it. Everything done with a claim
 * ({@link #ack}, {@link #retry}, {@link #renew}, {@link #bury}) is fenced by its {@link ClaimedJob#claim()}
 * token: once the job is claimed again, cancelled or rescheduled, the old holder's calls change nothing.
 * Redis in production; an in-memory version serves unit tests only.
 */
public interface JobQueue {

    /** This store's name among the bot's stores. */
    StoreKey<JobQueue> KEY = StoreKey.of("jobs", JobQueue.class);

    /** Schedules a job; returns false (and changes nothing) when a job with the same id is already waiting. */
    boolean schedule(Job job);

    /** Schedules or moves a job to the given job's due time and payload. */
    void reschedule(Job job);

    /** Removes a waiting job; returns false when there was none. */
    boolean cancel(String jobId);

    /**
     * Cancels every job, waiting or claimed, that {@code which} picks, and returns how many it cancelled. It reads
     * the whole queue: for rare clean-ups only, such as erasing a community the bot has left.
     */
    int cancelAll(java.util.function.Predicate<Job> which);

    /** Claims up to {@code max} jobs due at or before {@code now}, each leased for {@code lease}. */
    List<ClaimedJob> claimDue(Instant now, int max, Duration lease);

    /** The job is done: it is removed for good and will not run again (only while this claim holds it). */
    void ack(ClaimedJob claimed);

    /** The job failed this time: it waits again until {@code at} (only while this claim holds it). */
    void retry(ClaimedJob claimed, Instant at);

    /**
     * Extends the lease of a job still being worked on to {@code now + lease}; returns false, changing nothing,
     * when this claim no longer holds the job (its lease was taken over, or it was acked, cancelled or
     * rescheduled), so the holder learns that it lost it.
     */
    boolean renew(ClaimedJob claimed, Instant now, Duration lease);

    /**
     * Gives the job up for good: it is removed like on {@link #ack} and remembered in a short list of
     * {@link DeadJob dead jobs} for operators (only while this claim holds it).
     *
     * @param reason a class name or {@link DeadJob#NO_HANDLER}, never a message
     */
    void bury(ClaimedJob claimed, String reason, Instant at);

    /** The most recently buried jobs, newest first, at most {@code max}. */
    List<DeadJob> dead(int max);

    /** How many jobs are waiting (not claimed), for health and metrics. */
    long waiting();
}
