package org.circlekeeper.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.circlekeeper.core.schedule.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs due jobs on real time, on one background thread: a tick calls {@link
 * Scheduler#runDue(java.util.function.BooleanSupplier)}, then the loop waits for the next job to fall due ({@link
 * Scheduler#awaitDue(Duration)}), at most {@code interval}, woken sooner when any replica schedules an earlier job;
 * so a reminder runs within milliseconds of its due time, and an idle replica asks Redis once per {@code interval}.
 * Every replica may run one; the job queue's atomic claims make each job run once. Nothing a tick or a wait throws,
 * not even an {@link Error}, escapes the loop; each is logged and counted, and the next tick comes after
 * {@code interval}. The loop's last sign of life (a
 * tick begun or ended, a job begun) is kept for {@link SchedulerHealthIndicator}.
 *
 * <p>On shutdown it stops first ({@link #PHASE}, before the web server and any adapter that uses a lower phase):
 * it claims nothing more, lets the job that is running finish (up to {@code shutdownWait}), and the scheduler
 * puts the claimed jobs not yet started back for another replica. A job still running after the wait is
 * interrupted; its claim is taken over by another replica when its lease ends.
 */
final class SchedulerRunner implements SmartLifecycle {

    /**
     * The highest phase: the runner starts last and stops first, while the web server and the platform adapters
     * (which should use a lower phase) still run, so the job in flight can still send its message.
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE;

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerRunner.class);

    private final Scheduler scheduler;
    private final Duration interval;
    private final Duration shutdownWait;
    private final Counter errors;
    private final Clock clock;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    /** Guards {@link #idle}: a stop interrupts the loop only while it waits, never while a job runs. */
    private final Object phase = new Object();
    private boolean idle;
    private volatile ExecutorService executor;
    private volatile Instant lastBeat;

    /** A runner that tells the time of its last sign of life by the bot's one {@code clock} (a virtual one in tests). */
    SchedulerRunner(Scheduler scheduler, SchedulerProperties properties, MeterRegistry registry, Clock clock) {
        this.scheduler = scheduler;
        this.interval = properties.interval();
        this.shutdownWait = properties.shutdownWait();
        this.clock = clock;
        this.lastBeat = clock.instant();
        this.errors = Counter.builder("circlekeeper.scheduler.errors")
                .description("Scheduler ticks that failed (Redis unreachable, for example, or an error thrown on the way)")
                .register(registry);
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        stopping.set(false);
        lastBeat = clock.instant();
        executor = Executors.newSingleThreadExecutor(runnable -> {
            // not a daemon: an instance with no web port and no chat platform still lives to run due jobs
            return new Thread(runnable, "circlekeeper-scheduler");
        });
        executor.execute(this::loop);
        LOG.info("scheduler: running due jobs on real time, as they fall due (looking at least every {})", interval);
    }

    /** Ticks, then waits for the next due job, until stopped. */
    private void loop() {
        while (!stopping.get()) {
            boolean ticked = tick();
            if (!awaitNext(ticked)) {
                return;
            }
        }
    }

    /**
     * Waits until the next job is due (at most {@code interval}), or the whole {@code interval} after a failed tick;
     * false when a stop ended the wait. A wait that cannot ask the queue (Redis unreachable) waits {@code interval};
     * the next tick meets and counts the failure, if it lasts.
     */
    private boolean awaitNext(boolean ticked) {
        synchronized (phase) {
            if (stopping.get()) {
                return false;
            }
            idle = true;
        }
        try {
            if (!ticked) {
                Thread.sleep(interval.toMillis());
                return true;
            }
            try {
                scheduler.awaitDue(interval);
            } catch (InterruptedException e) {
                throw e;
            } catch (Throwable e) {
                LOG.debug("scheduler: could not wait for the next due job ({}); looking again in {}", e.getClass().getName(),
                        interval);
                Thread.sleep(interval.toMillis());
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        } finally {
            synchronized (phase) {
                idle = false;
                // a stop interrupts only while idle, under this lock: a late interrupt must not reach the next job
                Thread.interrupted();
            }
        }
    }

    /**
     * One look for due jobs; a failure of any kind is counted and logged (a repeated one at debug level until the
     * next success), and never stops the loop; false after such a failure.
     */
    boolean tick() {
        beat();
        try {
            int ran = scheduler.runDue(() -> {
                beat();
                return !stopping.get();
            });
            if (failing.compareAndSet(true, false)) {
                LOG.info("scheduler: due jobs run again");
            }
            if (ran > 0) {
                LOG.debug("scheduler: ran {} due job(s)", ran);
            }
            return true;
        } catch (Throwable e) {
            failed(e);
            return false;
        } finally {
            beat();
        }
    }

    private void failed(Throwable e) {
        errors.increment();
        if (failing.compareAndSet(false, true)) {
            LOG.error("scheduler: could not run due jobs ({}); trying again every {}", e.getClass().getName(), interval, e);
        } else {
            LOG.debug("scheduler: still failing: {}", e.getClass().getName());
        }
    }

    private void beat() {
        lastBeat = clock.instant();
    }

    /** When the loop last showed life: a tick begun or ended, or a job about to start. */
    Instant lastBeat() {
        return lastBeat;
    }

    /**
     * How long the loop may stay silent before it counts as stalled: three intervals and a job's lease (the longest
     * one job should take, its platform waits bounded below it).
     */
    Duration stallAfter() {
        return interval.multipliedBy(3).plus(scheduler.lease());
    }

    Clock clock() {
        return clock;
    }

    @Override
    public synchronized void stop() {
        ExecutorService running = executor;
        if (running == null) {
            return;
        }
        synchronized (phase) {
            stopping.set(true);
            if (idle) {
                // waiting for the next due job: nothing runs, so end the wait at once
                running.shutdownNow();
            }
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(shutdownWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("scheduler: a job still runs after {}; interrupting it (another replica takes it over after its lease)",
                        shutdownWait);
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            executor = null;
        }
        LOG.info("scheduler: stopped");
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
