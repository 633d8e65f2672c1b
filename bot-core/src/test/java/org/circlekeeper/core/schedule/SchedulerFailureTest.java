package org.circlekeeper.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.testing.InMemoryJobQueue;
import org.junit.jupiter.api.Test;

/**
 * One job's failure stays that job's: an {@link Error} from a class that failed to load is retried and then buried
 * like any failure while the other jobs run; a failing metrics call never turns finished work into a retry; a job
 * whose lease was taken over is not started; the lease of a job in progress is renewed.
 */
class SchedulerFailureTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-27T09:00:00Z"));
    private final InMemoryJobQueue queue = new InMemoryJobQueue();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    private JobHandler handler(String kind, Work work) {
        return new JobHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void run(Job job, Instant now, Duration lateness) {
                work.run(job);
                ran.add(job.id());
            }
        };
    }

    @FunctionalInterface
    private interface Work {
        void run(Job job);
    }

    private void everyJobFails(Throwable error) {
        Scheduler scheduler = new Scheduler(queue, clock, List.of(
                handler("broken", job -> {
                    throw sneaky(error);
                }),
                handler("fine", job -> { })), LEASE);
        queue.schedule(new Job("broken-1", "broken", clock.instant(), ""));
        for (int i = 0; i < 3; i++) {
            queue.schedule(new Job("fine-" + i, "fine", clock.instant(), ""));
        }

        assertThat(scheduler.runDue()).as("the jobs after the broken one ran").isEqualTo(3);
        assertThat(ran).containsExactly("fine-0", "fine-1", "fine-2");
        assertThat(queue.all()).as("the broken job waits for a retry").extracting(Job::id).containsExactly("broken-1");

        for (int attempt = 2; attempt <= Scheduler.MAX_ATTEMPTS; attempt++) {
            clock.advance(Duration.ofHours(3));
            queue.schedule(new Job("fine-again-" + attempt, "fine", clock.instant(), ""));
            assertThat(scheduler.runDue()).isEqualTo(1);
        }

        assertThat(queue.all()).as("buried after the last attempt").isEmpty();
        assertThat(queue.dead(10)).singleElement().satisfies(dead -> {
            assertThat(dead.job()).isEqualTo(DeadJob.fingerprint("broken-1")).hasSize(16);
            assertThat(dead.kind()).isEqualTo("broken");
            assertThat(dead.attempts()).isEqualTo(Scheduler.MAX_ATTEMPTS);
            assertThat(dead.reason()).isEqualTo(error.getClass().getName());
            assertThat(dead.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void aJobAPlatformAsksToDelayAgainAndAgainIsBuriedInTheEnd() {
        Scheduler scheduler = new Scheduler(queue, clock, List.of(handler("waiting", job -> {
            throw new RetryLater("the platform asks to wait", clock.instant().plusSeconds(60));
        })), LEASE);
        queue.schedule(new Job("waiting-1", "waiting", clock.instant(), ""));

        for (int claim = 1; claim < Scheduler.MAX_LATER; claim++) {
            scheduler.runDue();
            assertThat(queue.all()).as("claim %d: put back for later", claim).extracting(Job::id).containsExactly("waiting-1");
            clock.advance(Duration.ofMinutes(2));
        }
        scheduler.runDue();

        assertThat(queue.all()).isEmpty();
        assertThat(queue.dead(10)).singleElement().satisfies(dead -> assertThat(dead.reason()).isEqualTo(RetryLater.class.getName()));
    }

    @Test
    void aJobThrowingExceptionInInitializerErrorIsRetriedThenBuriedWhileTheOthersRun() {
        everyJobFails(new ExceptionInInitializerError(new IllegalStateException("static init failed")));
    }

    @Test
    void aJobThrowingNoClassDefFoundErrorIsRetriedThenBuriedWhileTheOthersRun() {
        everyJobFails(new NoClassDefFoundError("org/dmfs/rfc5545/recur/RecurrenceRule"));
    }

    @Test
    void aJobThrowingACheckedExceptionIsRetriedToo() {
        Scheduler scheduler = new Scheduler(queue, clock, List.of(handler("broken", job -> {
            throw sneaky(new IOException("disk"));
        })), LEASE);
        queue.schedule(new Job("x", "broken", clock.instant(), ""));

        assertThat(scheduler.runDue()).isZero();

        assertThat(queue.all()).extracting(Job::due).containsExactly(clock.instant().plusSeconds(10));
    }

    @Test
    void anUnknownKindIsBuriedWithItsReason() {
        Scheduler scheduler = new Scheduler(queue, clock, List.of(), LEASE);
        queue.schedule(new Job("x", "nobody.runs", clock.instant(), ""));

        scheduler.runDue();

        assertThat(queue.all()).isEmpty();
        assertThat(queue.dead(10)).extracting(DeadJob::reason).containsExactly(DeadJob.NO_HANDLER);
    }

    @Test
    void metricsThatThrowNeverTurnDoneWorkIntoARetry() {
        List<String> counted = new CopyOnWriteArrayList<>();
        Metrics throwing = new Metrics() {
            @Override
            public void jobFinished(String kind, JobOutcome outcome, Duration lateness) {
                counted.add(outcome.name());
                // what Micrometer did with a lateness of centuries
                throw new ArithmeticException("long overflow");
            }
        };
        Scheduler scheduler = new Scheduler(queue, clock, List.of(handler("fine", job -> { })), LEASE, throwing);
        queue.schedule(new Job("old", "fine", clock.instant().minus(Duration.ofDays(365L * 500)), ""));
        queue.schedule(new Job("new", "fine", clock.instant(), ""));

        assertThat(scheduler.runDue()).isEqualTo(2);
        clock.advance(Duration.ofDays(1));
        assertThat(scheduler.runDue()).isZero();

        assertThat(ran).containsExactly("old", "new");
        assertThat(counted).containsExactly("DONE", "DONE");
        assertThat(queue.all()).isEmpty();
    }

    @Test
    void retryLaterPutsTheJobBackUntilThenWithoutCountingAFailure() {
        Instant at = clock.instant().plus(Duration.ofMinutes(7));
        Scheduler scheduler = new Scheduler(queue, clock, List.of(handler("busy", job -> {
            if (clock.instant().isBefore(at)) {
                throw new RetryLater("Telegram asked for seven minutes", at);
            }
        })), LEASE);
        queue.schedule(new Job("x", "busy", clock.instant(), ""));

        assertThat(scheduler.runDue()).isZero();
        assertThat(queue.all()).extracting(Job::due).containsExactly(at);
        clock.advance(Duration.ofMinutes(6));
        assertThat(scheduler.runDue()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(queue.dead(10)).isEmpty();
    }

    @Test
    void aJobWhoseLeaseWasTakenOverIsNotStartedAndTheOldHoldersAckLeavesTheNewClaim() {
        List<ClaimedJob> takenByOther = new CopyOnWriteArrayList<>();
        Scheduler scheduler = new Scheduler(queue, clock, List.of(handler("slow", job -> {
            if (job.id().equals("a")) {
                // this job stalls past the lease, and another instance claims everything meanwhile
                clock.advance(LEASE.multipliedBy(2));
                takenByOther.addAll(queue.claimDue(clock.instant(), 10, LEASE));
            }
        })), LEASE);
        queue.schedule(new Job("a", "slow", clock.instant(), ""));
        queue.schedule(new Job("b", "slow", clock.instant(), ""));

        assertThat(scheduler.runDue()).isEqualTo(1);

        assertThat(ran).as("b was not started: the other instance holds it").containsExactly("a");
        assertThat(takenByOther).extracting(c -> c.job().id()).containsExactly("a", "b");
        assertThat(queue.leaseOf("a")).as("the late ack of a left the other instance's claim").isEqualTo(clock.instant().plus(LEASE));
        assertThat(queue.leaseOf("b")).isEqualTo(clock.instant().plus(LEASE));
        takenByOther.forEach(queue::ack);
        assertThat(queue.all()).isEmpty();
    }

    @Test
    void theLeaseOfAJobInProgressIsRenewedSoNoOtherInstanceTakesIt() throws Exception {
        List<Integer> otherClaims = new CopyOnWriteArrayList<>();
        Scheduler scheduler = new Scheduler(queue, clock, List.of(handler("slow", job -> {
            clock.advance(LEASE.multipliedBy(2));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!queue.leaseOf(job.id()).isAfter(clock.instant())) {
                assertThat(System.nanoTime()).as("no renewal within 20 s").isLessThan(deadline);
                Thread.onSpinWait();
            }
            otherClaims.add(queue.claimDue(clock.instant(), 10, LEASE).size());
        })), LEASE, Metrics.NONE, Duration.ofMillis(5));
        queue.schedule(new Job("a", "slow", clock.instant(), ""));

        assertThat(scheduler.runDue()).isEqualTo(1);

        assertThat(otherClaims).as("the renewed lease kept the job from another instance").containsExactly(0);
        assertThat(queue.all()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
