package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.circlekeeper.core.schedule.ClaimedJob;
import org.circlekeeper.core.schedule.DeadJob;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.JobQueue;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.testing.InMemoryJobQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.health.contributor.Status;

/**
 * The production timer: due jobs run on the real clock without anyone moving it; stopping finishes the running
 * job, starts no other and puts the claimed rest back; a job that outlives the wait is interrupted; a failing
 * tick, even one that throws an {@link Error}, does not stop the timer; health goes down while the loop hangs.
 */
class SchedulerRunnerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final CountDownLatch letFirstFinish = new CountDownLatch(1);
    private volatile boolean firstBlocks;
    private SchedulerRunner runner;

    private final JobHandler handler = new JobHandler() {
        @Override
        public String kind() {
            return "test";
        }

        @Override
        public void run(Job job, Instant now, Duration lateness) {
            if (firstBlocks && ran.isEmpty()) {
                firstStarted.countDown();
                try {
                    letFirstFinish.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    ran.add(job.id() + " interrupted");
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
            ran.add(job.id());
        }
    };

    @AfterEach
    void stopRunner() {
        letFirstFinish.countDown();
        if (runner != null) {
            runner.stop();
        }
    }

    private SchedulerRunner runner(JobQueue queue, Duration shutdownWait) {
        return runner(queue, Duration.ofMillis(50), shutdownWait);
    }

    private SchedulerRunner runner(JobQueue queue, Duration interval, Duration shutdownWait) {
        Scheduler scheduler = new Scheduler(queue, Clock.systemUTC(), List.of(handler), Duration.ofSeconds(60));
        runner = new SchedulerRunner(scheduler, new SchedulerProperties(true, interval, shutdownWait), registry,
                Clock.systemUTC());
        return runner;
    }

    @Test
    void aJobScheduledWhileTheLoopSleepsRunsWithoutWaitingOutTheInterval() throws Exception {
        InMemoryJobQueue queue = new InMemoryJobQueue();
        // an interval no test waits out: the job runs only because scheduling it woke the sleeping loop
        SchedulerRunner runner = runner(queue, Duration.ofHours(1), Duration.ofSeconds(5));
        queue.schedule(new Job("later", "test", Instant.now().plus(Duration.ofHours(2)), ""));
        runner.start();
        awaitUntil(() -> schedulerThreadWaiting());

        queue.schedule(new Job("soon", "test", Instant.now().plusMillis(100), ""));

        awaitUntil(() -> ran.contains("soon"));
        assertThat(ran).containsExactly("soon");
        assertThat(queue.waiting()).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void stoppingWhileTheLoopSleepsEndsTheSleepAtOnce() throws Exception {
        // were the sleep not ended, stop would wait out the hour-long shutdown wait and the test would time out
        SchedulerRunner runner = runner(new InMemoryJobQueue(), Duration.ofHours(1), Duration.ofHours(1));
        runner.start();
        awaitUntil(() -> schedulerThreadWaiting());

        runner.stop();

        assertThat(runner.isRunning()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("circlekeeper-scheduler") && t.isAlive());
        assertThat(ran).isEmpty();
    }

    private static boolean schedulerThreadWaiting() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("circlekeeper-scheduler") && t.getState() == Thread.State.TIMED_WAITING);
    }

    @Test
    void dueJobsRunOnTheRealClockAndStopCleanly() throws Exception {
        InMemoryJobQueue queue = new InMemoryJobQueue();
        SchedulerRunner runner = runner(queue, Duration.ofSeconds(5));
        queue.schedule(new Job("soon", "test", Instant.now().plusMillis(300), ""));
        queue.schedule(new Job("later", "test", Instant.now().plus(Duration.ofHours(1)), ""));

        runner.start();
        assertThat(runner.isRunning()).isTrue();
        awaitUntil(() -> ran.contains("soon"));
        runner.stop();

        assertThat(runner.isRunning()).isFalse();
        assertThat(ran).containsExactly("soon");
        assertThat(queue.waiting()).as("the later job waits untouched").isEqualTo(1);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("circlekeeper-scheduler") && t.isAlive());
    }

    @Test
    void stoppingFinishesTheRunningJobAndPutsTheClaimedRestBack() throws Exception {
        InMemoryJobQueue queue = new InMemoryJobQueue();
        SchedulerRunner runner = runner(queue, Duration.ofSeconds(5));
        Instant due = Instant.now().minusSeconds(1);
        for (String id : List.of("a", "b", "c")) {
            queue.schedule(new Job(id, "test", due, ""));
        }
        firstBlocks = true;

        runner.start();
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        Thread stopper = new Thread(runner::stop);
        stopper.start();
        Thread.sleep(200);
        assertThat(stopper.isAlive()).as("stop waits for the running job").isTrue();
        letFirstFinish.countDown();
        stopper.join(5_000);

        assertThat(stopper.isAlive()).isFalse();
        assertThat(ran).containsExactly("a");
        assertThat(queue.waiting()).as("b and c wait again for any replica, without waiting out a lease").isEqualTo(2);
        assertThat(queue.claimDue(Instant.now(), 10, Duration.ofSeconds(60))).extracting(c -> c.job().id()).containsExactly("b", "c");
    }

    @Test
    void aJobOutlivingTheShutdownWaitIsInterrupted() throws Exception {
        InMemoryJobQueue queue = new InMemoryJobQueue();
        SchedulerRunner runner = runner(queue, Duration.ofMillis(200));
        queue.schedule(new Job("stuck", "test", Instant.now().minusSeconds(1), ""));
        firstBlocks = true;

        runner.start();
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        long started = System.nanoTime();
        runner.stop();

        // stop() gives up on the stuck job after its 200 ms wait instead of waiting for it; a generous bound, since
        // a loaded machine is slow, still tells that from waiting for ever
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        awaitUntil(() -> ran.contains("stuck interrupted"));
        assertThat(runner.isRunning()).isFalse();
    }

    @Test
    void aFailingTickIsCountedAndTheTimerGoesOn() throws Exception {
        InMemoryJobQueue memory = new InMemoryJobQueue();
        JobQueue flaky = failingClaims(memory, 2, () -> new IllegalStateException("Redis is away"));
        SchedulerRunner runner = runner(flaky, Duration.ofSeconds(5));
        flaky.schedule(new Job("x", "test", Instant.now().minusSeconds(1), ""));

        runner.start();
        awaitUntil(() -> ran.contains("x"));

        assertThat(registry.get("circlekeeper.scheduler.errors").counter().count()).isEqualTo(2.0);
    }

    @Test
    void aTickThatThrowsAnErrorIsCountedAndTheTimerGoesOn() throws Exception {
        InMemoryJobQueue memory = new InMemoryJobQueue();
        // what a class that failed to initialise throws, once for its first use and then for every other
        JobQueue broken = failingClaims(memory, 2, () -> new ExceptionInInitializerError(new IllegalStateException("static")));
        SchedulerRunner runner = runner(broken, Duration.ofSeconds(5));
        broken.schedule(new Job("x", "test", Instant.now().minusSeconds(1), ""));

        runner.start();
        awaitUntil(() -> ran.contains("x"));

        assertThat(registry.get("circlekeeper.scheduler.errors").counter().count()).isEqualTo(2.0);
        assertThat(runner.isRunning()).isTrue();
    }

    @Test
    void healthGoesDownWhileTheLoopHangsAndUpAgainWhenItTicks() throws Exception {
        VirtualClock healthClock = new VirtualClock(Instant.parse("2026-11-27T09:00:00Z"));
        InMemoryJobQueue queue = new InMemoryJobQueue();
        Scheduler scheduler = new Scheduler(queue, Clock.systemUTC(), List.of(handler), Duration.ofSeconds(60));
        runner = new SchedulerRunner(scheduler, new SchedulerProperties(true, Duration.ofMillis(50), Duration.ofSeconds(5)),
                registry, healthClock);
        SchedulerHealthIndicator health = new SchedulerHealthIndicator(runner);
        assertThat(health.health().getStatus()).as("not started").isEqualTo(Status.OUT_OF_SERVICE);
        queue.schedule(new Job("hangs", "test", Instant.now().minusSeconds(1), ""));
        firstBlocks = true;

        runner.start();
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        healthClock.advance(runner.stallAfter().plusSeconds(1));
        assertThat(health.health().getStatus()).as("the loop hangs in one job").isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsKey("reason");

        letFirstFinish.countDown();
        awaitUntil(() -> health.health().getStatus().equals(Status.UP));
        runner.stop();
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    /** A queue whose first {@code failures} claims throw what {@code failure} makes, then works. */
    private static JobQueue failingClaims(InMemoryJobQueue memory, int failures, Supplier<Throwable> failure) {
        AtomicInteger claims = new AtomicInteger();
        return new JobQueue() {
            @Override
            public boolean schedule(Job job) {
                return memory.schedule(job);
            }

            @Override
            public void reschedule(Job job) {
                memory.reschedule(job);
            }

            @Override
            public boolean cancel(String jobId) {
                return memory.cancel(jobId);
            }

            @Override
            public int cancelAll(Predicate<Job> which) {
                return memory.cancelAll(which);
            }

            @Override
            public List<ClaimedJob> claimDue(Instant now, int max, Duration lease) {
                if (claims.incrementAndGet() <= failures) {
                    throw SchedulerRunnerTest.<RuntimeException>sneaky(failure.get());
                }
                return memory.claimDue(now, max, lease);
            }

            @Override
            public void ack(ClaimedJob claimed) {
                memory.ack(claimed);
            }

            @Override
            public void retry(ClaimedJob claimed, Instant at) {
                memory.retry(claimed, at);
            }

            @Override
            public boolean renew(ClaimedJob claimed, Instant now, Duration lease) {
                return memory.renew(claimed, now, lease);
            }

            @Override
            public void bury(ClaimedJob claimed, String reason, Instant at) {
                memory.bury(claimed, reason, at);
            }

            @Override
            public List<DeadJob> dead(int max) {
                return memory.dead(max);
            }

            @Override
            public long waiting() {
                return memory.waiting();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
