package org.circlekeeper.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.circlekeeper.core.schedule.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs due jobs on real time: every {@code interval} it calls {@link Scheduler#runDue(java.util.function.BooleanSupplier)}
 * on one background thread. Every replica may run one; the job queue's atomic claims make each job run once.
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
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    SchedulerRunner(Scheduler scheduler, SchedulerProperties properties, MeterRegistry registry) {
        this.scheduler = scheduler;
        this.interval = properties.interval();
        this.shutdownWait = properties.shutdownWait();
        this.errors = Counter.builder("circlekeeper.scheduler.errors")
                .description("Scheduler ticks that failed before running jobs (Redis unreachable, for example)")
                .register(registry);
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        stopping.set(false);
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            // not a daemon: an instance with no web port and no chat platform still lives to run due jobs
            return new Thread(runnable, "circlekeeper-scheduler");
        });
        executor.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("scheduler: running due jobs every {} on real time", interval);
    }

    /** One look for due jobs; a failure is logged once until the next success, and never stops the timer. */
    void tick() {
        try {
            int ran = scheduler.runDue(() -> !stopping.get());
            if (failing.compareAndSet(true, false)) {
                LOG.info("scheduler: due jobs run again");
            }
            if (ran > 0) {
                LOG.debug("scheduler: ran {} due job(s)", ran);
            }
        } catch (RuntimeException e) {
            errors.increment();
            if (failing.compareAndSet(false, true)) {
                LOG.warn("scheduler: could not run due jobs ({}); trying again every {}", e.getClass().getSimpleName(), interval, e);
            } else {
                LOG.debug("scheduler: still failing: {}", e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = executor;
        if (running == null) {
            return;
        }
        stopping.set(true);
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
