package org.circlekeeper.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.circlekeeper.core.ref.StoreKey;

/**
 * Durable due jobs. A claim is atomic: among any number of scheduler instances, one gets a due job;
 * if it dies before {@link #ack}, the lease runs out and another claims it. Everything done with a claim
 * ({@link #ack}, {@link #retry}, {@link #renew}, {@link #bury}) is fenced by its {@link ClaimedJob#claim()}
 * token: once the job is claimed again, cancelled or rescheduled, the old holder's calls change nothing.
 * Redis in production; an in-memory version serves unit tests only.
 *
 * <p>A scheduler that found nothing due waits for {@link #nextDue()}, at most a cap, and is woken sooner when a job
 * is scheduled or put back earlier ({@link #wakeups()}, {@link #awaitWakeup}), on every instance sharing the queue.
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
    int cancelAll(Predicate<Job> which);

    /** Claims up to {@code max} jobs due at or before {@code now}, each leased for {@code lease}. */
    List<ClaimedJob> claimDue(Instant now, int max, Duration lease);

    /** The job is done: it is removed for good and will not run again (only while this claim holds it). */
    void ack(ClaimedJob claimed);

    /**
     * Acks each of these jobs as {@link #ack} would, in one go where the store can (one round trip for Redis); each
     * counts only while its own claim still holds it, so a stale claim among them changes nothing for that job.
     */
    default void ackAll(List<ClaimedJob> claimed) {
        for (ClaimedJob job : claimed) {
            ack(job);
        }
    }

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

    /**
     * The earliest moment a job may be claimed: the first due time among waiting jobs or the first lease end among
     * claimed ones; empty when there is no job, or when this store cannot tell (a waiter then waits its cap).
     */
    default Optional<Instant> nextDue() {
        return Optional.empty();
    }

    /**
     * How many wake-ups this instance has heard so far: a wake-up comes whenever a job is scheduled, rescheduled or
     * put back earlier than the jobs that were waiting, by this instance or another. Read it before
     * {@link #nextDue()} and hand it to {@link #awaitWakeup}, so a job scheduled in between is not missed.
     */
    default long wakeups() {
        return 0;
    }

    /**
     * Waits at most {@code max} of real time, returning sooner once {@link #wakeups()} is no longer {@code seen}. A
     * store that hears no wake-ups (this default) waits the whole {@code max}.
     */
    default void awaitWakeup(long seen, Duration max) throws InterruptedException {
        if (!max.isNegative() && !max.isZero()) {
            Thread.sleep(max.toMillis(), (int) (max.toNanosPart() % 1_000_000));
        }
    }
}
