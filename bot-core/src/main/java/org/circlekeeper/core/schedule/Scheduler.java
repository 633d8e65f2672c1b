package org.circlekeeper.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.circlekeeper.core.engine.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches due jobs to their handlers: claims a batch, runs each, acks it, and retries a failed
 * one with a growing delay (dropping it, with an error log, after {@link #MAX_ATTEMPTS}). The
 * console calls {@link #runDue()} after moving its virtual clock; the app calls
 * {@link #runDue(BooleanSupplier)} on a timer, so that a shutdown can stop it between two jobs.
 */
public final class Scheduler {

    public static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final int BATCH = 200;

    private final JobQueue queue;
    private final Clock clock;
    private final Map<String, JobHandler> handlers = new HashMap<>();
    private final Duration lease;
    private final Metrics metrics;

    public Scheduler(JobQueue queue, Clock clock, List<JobHandler> handlers, Duration lease) {
        this(queue, clock, handlers, lease, Metrics.NONE);
    }

    /** A scheduler that reports how each claimed job ended (by job kind) to {@code metrics}. */
    public Scheduler(JobQueue queue, Clock clock, List<JobHandler> handlers, Duration lease, Metrics metrics) {
        this.queue = queue;
        this.clock = clock;
        this.lease = lease;
        this.metrics = metrics;
        for (JobHandler handler : handlers) {
            if (this.handlers.putIfAbsent(handler.kind(), handler) != null) {
                throw new IllegalArgumentException("two handlers for job kind " + handler.kind());
            }
        }
    }

    public JobQueue queue() {
        return queue;
    }

    /** Runs every job due now, batch after batch; returns how many ran successfully. */
    public int runDue() {
        return runDue(() -> true);
    }

    /**
     * Runs every job due now, batch after batch, while {@code keepGoing} says so; returns how many ran
     * successfully. {@code keepGoing} is asked before each job: once it says no, nothing more is claimed,
     * the job running finishes, and the claimed jobs not yet started are put back at their due time (a
     * {@link JobQueue#retry} of this claim), so another instance takes them at once instead of waiting for
     * their lease to run out. Such a release counts as one claim towards {@link #MAX_ATTEMPTS}.
     */
    public int runDue(BooleanSupplier keepGoing) {
        int done = 0;
        while (keepGoing.getAsBoolean()) {
            Instant now = clock.instant();
            List<ClaimedJob> batch = queue.claimDue(now, BATCH, lease);
            if (batch.isEmpty()) {
                return done;
            }
            for (int i = 0; i < batch.size(); i++) {
                if (!keepGoing.getAsBoolean()) {
                    release(batch.subList(i, batch.size()));
                    return done;
                }
                if (run(batch.get(i), now)) {
                    done++;
                }
            }
            if (batch.size() < BATCH) {
                return done;
            }
        }
        return done;
    }

    private void release(List<ClaimedJob> unstarted) {
        for (ClaimedJob claimed : unstarted) {
            queue.retry(claimed, claimed.job().due());
            metrics.jobFinished(claimed.job().kind(), Metrics.JobOutcome.RELEASED, Duration.ZERO);
        }
        LOG.info("stopping: put back {} claimed job(s) not yet started, for any instance to run", unstarted.size());
    }

    private boolean run(ClaimedJob claimed, Instant now) {
        Job job = claimed.job();
        JobHandler handler = handlers.get(job.kind());
        Duration lateness = job.due().isBefore(now) ? Duration.between(job.due(), now) : Duration.ZERO;
        if (handler == null) {
            LOG.error("no handler for job kind {}; dropping job {}", job.kind(), job.id());
            queue.ack(claimed);
            metrics.jobFinished(job.kind(), Metrics.JobOutcome.DROPPED, lateness);
            return false;
        }
        try {
            handler.run(job, now, lateness);
            queue.ack(claimed);
            metrics.jobFinished(job.kind(), Metrics.JobOutcome.DONE, lateness);
            return true;
        } catch (RuntimeException e) {
            if (claimed.attempt() >= MAX_ATTEMPTS) {
                LOG.error("job {} of kind {} failed {} times; dropping it", job.id(), job.kind(), claimed.attempt(), e);
                queue.ack(claimed);
                metrics.jobFinished(job.kind(), Metrics.JobOutcome.DROPPED, lateness);
            } else {
                Duration backoff = Duration.ofSeconds(5L << Math.min(claimed.attempt(), 10));
                LOG.warn("job {} of kind {} failed (attempt {}); retrying in {}", job.id(), job.kind(), claimed.attempt(), backoff, e);
                queue.retry(claimed, now.plus(backoff));
                metrics.jobFinished(job.kind(), Metrics.JobOutcome.RETRIED, lateness);
            }
            return false;
        }
    }
}
