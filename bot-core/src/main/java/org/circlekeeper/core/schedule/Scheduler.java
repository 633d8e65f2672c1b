package org.circlekeeper.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.circlekeeper.core.ref.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches due jobs to their handlers: claims a small batch, runs each, acks the finished ones together (at the end
 * of the batch, or sooner once the first of them has waited {@link #ACK_WITHIN}), and retries a failed one with a
 * growing delay, burying it (kept in the queue's list of {@link DeadJob dead jobs}, with an error log) after
 * {@link #MAX_ATTEMPTS}. Whatever one job throws, {@link Error}s such as {@link ExceptionInInitializerError}
 * included, is that job's failure only: the scheduler goes on with the next. While a batch is held, its leases are
 * renewed every third of a lease on a background thread, so a slow delivery is not claimed and sent again by another
 * instance; a job whose lease was taken over anyway is not started. A failing {@link Metrics} never turns finished
 * work into a retry.
 *
 * <p>The console calls {@link #runDue()} after moving its virtual clock; the app calls
 * {@link #runDue(BooleanSupplier)} in a loop, so that a shutdown can stop it between two jobs, and between two calls
 * {@link #awaitDue(Duration)}: it sleeps until the next job is due, woken sooner when one is scheduled earlier.
 */
public final class Scheduler {

    public static final int MAX_ATTEMPTS = 5;
    /** How many claims a job may spend waiting for a platform ({@link RetryLater}) before it counts as failed. */
    static final int MAX_LATER = 3 * MAX_ATTEMPTS;
    /**
     * How many jobs one claim takes: few enough that all of them run well within one lease even when each waits
     * for a platform's rate limit (and their leases are renewed meanwhile anyway).
     */
    public static final int BATCH = 20;
    /**
     * How long a finished job may wait for the batch's one ack. Until acked it is only renewed, and should this
     * instance die meanwhile, another runs it again after its lease (its deliveries are logged, so nobody receives it
     * twice): the bound keeps that rework small when each job of a batch waits for a platform's rate limit.
     */
    public static final Duration ACK_WITHIN = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final JobQueue queue;
    private final Clock clock;
    private final Map<String, JobHandler> handlers = new HashMap<>();
    private final Duration lease;
    private final Duration renewEvery;
    private final Metrics metrics;
    private final AtomicBoolean metricsFailing = new AtomicBoolean();

    public Scheduler(JobQueue queue, Clock clock, List<JobHandler> handlers, Duration lease) {
        this(queue, clock, handlers, lease, Metrics.NONE);
    }

    /** A scheduler that reports how each claimed job ended (by job kind) to {@code metrics}. */
    public Scheduler(JobQueue queue, Clock clock, List<JobHandler> handlers, Duration lease, Metrics metrics) {
        this(queue, clock, handlers, lease, metrics, lease.dividedBy(3));
    }

    /**
     * A scheduler that renews the leases of the jobs it holds every {@code renewEvery} of real time (a third of the
     * lease unless a test wants it sooner).
     */
    public Scheduler(JobQueue queue, Clock clock, List<JobHandler> handlers, Duration lease, Metrics metrics,
                     Duration renewEvery) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        if (lease.isNegative() || lease.isZero() || renewEvery.isNegative() || renewEvery.isZero()
                || renewEvery.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("a lease (" + lease + ") must be positive and renewed more often than it lasts ("
                    + renewEvery + ")");
        }
        this.renewEvery = renewEvery;
        for (JobHandler handler : handlers) {
            if (this.handlers.putIfAbsent(handler.kind(), handler) != null) {
                throw new IllegalArgumentException("two handlers for job kind " + handler.kind());
            }
        }
    }

    public JobQueue queue() {
        return queue;
    }

    /** How long a claim holds a job unless renewed. */
    public Duration lease() {
        return lease;
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
            List<ClaimedJob> batch = queue.claimDue(clock.instant(), BATCH, lease);
            if (batch.isEmpty()) {
                return done;
            }
            Held held = new Held(batch);
            ScheduledFuture<?> renewal = Renewer.EXECUTOR.scheduleAtFixedRate(held::renewAll, renewEvery.toNanos(),
                    renewEvery.toNanos(), TimeUnit.NANOSECONDS);
            Finished finished = new Finished(held);
            try {
                for (int i = 0; i < batch.size(); i++) {
                    if (!keepGoing.getAsBoolean()) {
                        finished.ack();
                        release(held, batch.subList(i, batch.size()));
                        return done;
                    }
                    finished.ackIfWaitedTooLong();
                    ClaimedJob claimed = batch.get(i);
                    if (held.stillHeld(claimed) && run(claimed, clock.instant())) {
                        finished.add(claimed);
                        done++;
                    } else {
                        held.finished(claimed);
                    }
                }
                finished.ack();
            } finally {
                renewal.cancel(false);
            }
            if (batch.size() < BATCH) {
                return done;
            }
        }
        return done;
    }

    /**
     * Waits until the next job may be due, at most {@code cap} of real time, and returns sooner when a job is
     * scheduled or put back earlier meanwhile, by this instance or another on the same queue ({@link
     * JobQueue#awaitWakeup}). An instance that misses a wake-up (its listener was reconnecting) still looks again
     * after {@code cap}. Returns at once when a job is due already.
     *
     * @throws InterruptedException when the waiting thread is interrupted (a shutdown)
     */
    public void awaitDue(Duration cap) throws InterruptedException {
        long seen = queue.wakeups();
        Duration wait = cap;
        Optional<Instant> next = queue.nextDue();
        if (next.isPresent()) {
            Duration until = Duration.between(clock.instant(), next.get());
            if (until.compareTo(wait) < 0) {
                wait = until;
            }
        }
        if (!wait.isNegative() && !wait.isZero()) {
            queue.awaitWakeup(seen, wait);
        }
    }

    private void release(Held held, List<ClaimedJob> unstarted) {
        for (ClaimedJob claimed : unstarted) {
            held.finished(claimed);
            queue.retry(claimed, claimed.job().due());
            record(claimed.job().kind(), Metrics.JobOutcome.RELEASED, Duration.ZERO);
        }
        LOG.info("stopping: put back {} claimed job(s) not yet started, for any instance to run", unstarted.size());
    }

    private boolean run(ClaimedJob claimed, Instant now) {
        Job job = claimed.job();
        JobHandler handler = handlers.get(job.kind());
        Duration lateness = job.due().isBefore(now) ? Duration.between(job.due(), now) : Duration.ZERO;
        if (handler == null) {
            LOG.error("no handler for job kind {}; burying it as dead job {}", job.kind(), DeadJob.fingerprint(job.id()));
            queue.bury(claimed, DeadJob.NO_HANDLER, now);
            record(job.kind(), Metrics.JobOutcome.DROPPED, lateness);
            return false;
        }
        Throwable failure;
        try {
            handler.run(job, now, lateness);
            failure = null;
        } catch (RetryLater later) {
            if (claimed.attempt() >= MAX_LATER) {
                // a platform that asks to wait again and again for hours is a failure after all, not a reason to keep it
                failed(claimed, later, now, lateness);
                return false;
            }
            Instant at = later.at().isAfter(now) ? later.at() : now;
            LOG.info("job {} of kind {} runs again at {}: {}", DeadJob.fingerprint(job.id()), job.kind(), at, later.getMessage());
            queue.retry(claimed, at);
            record(job.kind(), Metrics.JobOutcome.RETRIED, lateness);
            return false;
        } catch (Throwable e) {
            // one job's failure, whatever it is (an Error from a class that failed to load included), is that job's only
            failure = e;
        }
        if (failure == null) {
            // acked with the rest of the batch (Finished); until then its lease is still renewed
            record(job.kind(), Metrics.JobOutcome.DONE, lateness);
            return true;
        }
        failed(claimed, failure, now, lateness);
        return false;
    }

    private void failed(ClaimedJob claimed, Throwable failure, Instant now, Duration lateness) {
        Job job = claimed.job();
        if (claimed.attempt() >= MAX_ATTEMPTS) {
            LOG.error("job {} of kind {} failed {} times; burying it as a dead job ({})", DeadJob.fingerprint(job.id()), job.kind(),
                    claimed.attempt(), failure.getClass().getName(), failure);
            queue.bury(claimed, DeadJob.reasonOf(failure), now);
            record(job.kind(), Metrics.JobOutcome.DROPPED, lateness);
        } else {
            Duration backoff = Duration.ofSeconds(5L << Math.min(claimed.attempt(), 10));
            LOG.warn("job {} of kind {} failed (attempt {}, {}); retrying in {}", DeadJob.fingerprint(job.id()), job.kind(), claimed.attempt(),
                    failure.getClass().getName(), backoff, failure);
            queue.retry(claimed, now.plus(backoff));
            record(job.kind(), Metrics.JobOutcome.RETRIED, lateness);
        }
    }

    /** Counts how a job ended; the work is done by then, so a failing metrics call is logged and goes no further. */
    private void record(String kind, Metrics.JobOutcome outcome, Duration lateness) {
        try {
            metrics.jobFinished(kind, outcome, lateness);
            if (metricsFailing.compareAndSet(true, false)) {
                LOG.info("job metrics are recorded again");
            }
        } catch (Throwable e) {
            if (metricsFailing.compareAndSet(false, true)) {
                LOG.warn("job metrics could not be recorded ({}); the jobs themselves go on", e.getClass().getName(), e);
            }
        }
    }

    /** The finished jobs of one batch not yet acked: acked together, and renewed with the batch until then. */
    private final class Finished {
        private final Held held;
        private final List<ClaimedJob> jobs = new ArrayList<>();
        private long firstAt;

        Finished(Held held) {
            this.held = held;
        }

        void add(ClaimedJob claimed) {
            if (jobs.isEmpty()) {
                firstAt = System.nanoTime();
            }
            jobs.add(claimed);
        }

        void ackIfWaitedTooLong() {
            if (!jobs.isEmpty() && System.nanoTime() - firstAt >= ACK_WITHIN.toNanos()) {
                ack();
            }
        }

        /** One ack for all of them, each fenced by its own claim; they leave the renewals only once acked. */
        void ack() {
            if (jobs.isEmpty()) {
                return;
            }
            queue.ackAll(List.copyOf(jobs));
            for (ClaimedJob claimed : jobs) {
                held.finished(claimed);
            }
            jobs.clear();
        }
    }

    /** The jobs of one batch this instance still holds, and their leases, renewed while they wait or run. */
    private final class Held {
        private final Map<String, ClaimedJob> jobs = new ConcurrentHashMap<>();
        private final Map<String, Instant> leases = new ConcurrentHashMap<>();
        private final Map<String, Boolean> lost = new ConcurrentHashMap<>();

        Held(List<ClaimedJob> batch) {
            for (ClaimedJob claimed : batch) {
                jobs.put(key(claimed), claimed);
                leases.put(key(claimed), claimed.leaseExpires());
            }
        }

        private String key(ClaimedJob claimed) {
            return claimed.claim() + " " + claimed.job().id();
        }

        void finished(ClaimedJob claimed) {
            jobs.remove(key(claimed));
        }

        /**
         * True when the job may start: its lease was not found taken over, and one near its end (the renewals
         * could not keep up, or the clock jumped) is renewed first.
         */
        boolean stillHeld(ClaimedJob claimed) {
            String key = key(claimed);
            Instant now = clock.instant();
            if (!lost.containsKey(key) && now.isAfter(leases.get(key).minus(renewEvery))) {
                renew(claimed, now);
            }
            if (lost.containsKey(key)) {
                LOG.warn("job {} of kind {} was not started: its lease ran out and another claim took it over",
                        DeadJob.fingerprint(claimed.job().id()), claimed.job().kind());
                return false;
            }
            return true;
        }

        /** The background renewal: any failure is logged and the next renewal tries again. */
        void renewAll() {
            try {
                Instant now = clock.instant();
                for (ClaimedJob claimed : jobs.values()) {
                    if (!lost.containsKey(key(claimed))) {
                        renew(claimed, now);
                    }
                }
            } catch (Throwable e) {
                LOG.warn("could not renew the leases of held jobs ({}); trying again in {}", e.getClass().getName(), renewEvery);
            }
        }

        private void renew(ClaimedJob claimed, Instant now) {
            if (queue.renew(claimed, now, lease)) {
                leases.put(key(claimed), now.plus(lease));
            } else {
                lost.put(key(claimed), Boolean.TRUE);
                LOG.warn("lost the claim of job {} of kind {}: it was taken over, cancelled or rescheduled", DeadJob.fingerprint(claimed.job().id()),
                        claimed.job().kind());
            }
        }
    }

    /** One daemon thread for the lease renewals of every scheduler in the process. */
    private static final class Renewer {
        static final ScheduledExecutorService EXECUTOR = executor();

        private static ScheduledExecutorService executor() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "circlekeeper-lease-renewer");
                thread.setDaemon(true);
                return thread;
            });
            // a batch's renewal is cancelled when the batch is done: drop it at once, not when it would have run
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }
}
