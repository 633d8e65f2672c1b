package org.circlekeeper.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches due jobs to their handlers: claims a batch, runs each, acks it, and retries a failed
 * one with a growing delay (dropping it, with an error log, after {@link #MAX_ATTEMPTS}). The
 * console calls {@link #runDue()} after moving its virtual clock; the app calls it on a timer.
 */
public final class Scheduler {

    public static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final int BATCH = 200;

    private final JobQueue queue;
    private final Clock clock;
    private final Map<String, JobHandler> handlers = new HashMap<>();
    private final Duration lease;

    public Scheduler(JobQueue queue, Clock clock, List<JobHandler> handlers, Duration lease) {
        this.queue = queue;
        this.clock = clock;
        this.lease = lease;
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
        int done = 0;
        while (true) {
            Instant now = clock.instant();
            List<ClaimedJob> batch = queue.claimDue(now, BATCH, lease);
            if (batch.isEmpty()) {
                return done;
            }
            for (ClaimedJob claimed : batch) {
                if (run(claimed, now)) {
                    done++;
                }
            }
            if (batch.size() < BATCH) {
                return done;
            }
        }
    }

    private boolean run(ClaimedJob claimed, Instant now) {
        Job job = claimed.job();
        JobHandler handler = handlers.get(job.kind());
        if (handler == null) {
            LOG.error("no handler for job kind {}; dropping job {}", job.kind(), job.id());
            queue.ack(claimed);
            return false;
        }
        try {
            Duration lateness = job.due().isBefore(now) ? Duration.between(job.due(), now) : Duration.ZERO;
            handler.run(job, now, lateness);
            queue.ack(claimed);
            return true;
        } catch (RuntimeException e) {
            if (claimed.attempt() >= MAX_ATTEMPTS) {
                LOG.error("job {} of kind {} failed {} times; dropping it", job.id(), job.kind(), claimed.attempt(), e);
                queue.ack(claimed);
            } else {
                Duration backoff = Duration.ofSeconds(5L << Math.min(claimed.attempt(), 10));
                LOG.warn("job {} of kind {} failed (attempt {}); retrying in {}", job.id(), job.kind(), claimed.attempt(), backoff, e);
                queue.retry(claimed, now.plus(backoff));
            }
            return false;
        }
    }
}
