package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.circlekeeper.core.schedule.ClaimedJob;
import org.circlekeeper.core.schedule.DeadJob;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobQueue;
import org.circlekeeper.core.testing.InMemoryJobQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisJobQueueTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final Instant T0 = Instant.parse("2026-03-29T17:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final RedisJobQueue queue = new RedisJobQueue(REDIS.connection());

    private static Job job(String id, Instant due) {
        return new Job(id, "circle.reminder", due, "circle=c1;lead=PT15M");
    }

    private static Double score(String key, String member) {
        return REDIS.connection().call(key, jedis -> jedis.zscore(key, member));
    }

    private static List<String> ids(List<ClaimedJob> claimed) {
        return claimed.stream().map(c -> c.job().id()).toList();
    }

    @Test
    void schedulingTheSameIdTwiceKeepsTheFirstJobWaitingOrClaimed() {
        assertThat(queue.schedule(job("rem:c1:1:15m", T0))).isTrue();
        assertThat(queue.schedule(new Job("rem:c1:1:15m", "other.kind", T0.minusSeconds(60), "x"))).isFalse();
        assertThat(queue.waiting()).isEqualTo(1);

        ClaimedJob claimed = queue.claimDue(T0, 10, LEASE).get(0);
        assertThat(claimed.job()).isEqualTo(job("rem:c1:1:15m", T0));
        assertThat(queue.schedule(job("rem:c1:1:15m", T0))).isFalse();
        assertThat(queue.waiting()).isZero();
        assertThat(queue.claimed()).isEqualTo(1);
    }

    @Test
    void cancelAllTakesEveryJobPickedWaitingOrClaimedAcrossPagesAndNoOther() {
        for (int i = 0; i < 1_200; i++) {
            queue.schedule(new Job("job-" + i, i % 2 == 0 ? "circle.remind" : "checkin.prompt", T0.plusSeconds(i),
                    i % 3 == 0 ? "gone" : "stays"));
        }
        ClaimedJob held = queue.claimDue(T0, 1, LEASE).get(0);
        assertThat(held.job().payload()).isEqualTo("gone");

        int cancelled = queue.cancelAll(job -> job.payload().equals("gone") && job.kind().equals("circle.remind"));

        assertThat(cancelled).isEqualTo(200);
        assertThat(queue.waiting() + queue.claimed()).isEqualTo(1_000);
        queue.ack(held);
        assertThat(queue.claimDue(T0.plusSeconds(2_000), 2_000, LEASE)).extracting(ClaimedJob::job)
                .noneMatch(job -> job.payload().equals("gone") && job.kind().equals("circle.remind"))
                .hasSize(1_000);
    }

    @Test
    void rescheduleMovesAJobAndReplacesItsPayload() {
        queue.schedule(job("a", T0));
        queue.reschedule(new Job("a", "circle.reminder", T0.plusSeconds(3600), "moved"));

        assertThat(queue.claimDue(T0.plusSeconds(3599), 10, LEASE)).isEmpty();
        List<ClaimedJob> claimed = queue.claimDue(T0.plusSeconds(3600), 10, LEASE);
        assertThat(claimed).extracting(ClaimedJob::job)
                .containsExactly(new Job("a", "circle.reminder", T0.plusSeconds(3600), "moved"));
    }

    @Test
    void rescheduleOfAnUnknownIdSchedulesIt() {
        queue.reschedule(job("new", T0));

        assertThat(queue.waiting()).isEqualTo(1);
        assertThat(queue.claimDue(T0, 10, LEASE).get(0).attempt()).isEqualTo(1);
    }

    @Test
    void rescheduleOfAClaimedJobTakesItFromItsHolder() {
        queue.schedule(job("a", T0));
        ClaimedJob held = queue.claimDue(T0, 10, LEASE).get(0);

        queue.reschedule(job("a", T0.plusSeconds(10)));
        queue.ack(held);
        queue.retry(held, T0.plusSeconds(999));

        assertThat(queue.waiting()).isEqualTo(1);
        ClaimedJob again = queue.claimDue(T0.plusSeconds(10), 10, LEASE).get(0);
        assertThat(again.job().due()).isEqualTo(T0.plusSeconds(10));
        assertThat(again.attempt()).isEqualTo(2);
    }

    @Test
    void cancelRemovesAWaitingJobAndSaysWhetherThereWasOne() {
        queue.schedule(job("a", T0));
        queue.schedule(job("b", T0));

        assertThat(queue.cancel("a")).isTrue();
        assertThat(queue.cancel("a")).isFalse();
        assertThat(queue.cancel("never")).isFalse();
        assertThat(ids(queue.claimDue(T0, 10, LEASE))).containsExactly("b");
    }

    @Test
    void cancelOfAClaimedJobMeansItNeverRunsAgain() {
        queue.schedule(job("a", T0));
        ClaimedJob held = queue.claimDue(T0, 10, LEASE).get(0);

        assertThat(queue.cancel("a")).isTrue();
        queue.retry(held, T0.plusSeconds(5));

        assertThat(queue.claimDue(T0.plus(LEASE).plus(LEASE), 10, LEASE)).isEmpty();
        assertThat(REDIS.keys()).isEmpty();
    }

    @Test
    void claimsOnlyDueJobsEarliestFirstAndAtMostMax() {
        queue.schedule(job("later", T0.plusSeconds(30)));
        queue.schedule(job("first", T0.minusSeconds(60)));
        queue.schedule(job("b-same-time", T0));
        queue.schedule(job("a-same-time", T0));
        queue.schedule(job("future", T0.plusSeconds(31)));

        assertThat(ids(queue.claimDue(T0, 2, LEASE))).containsExactly("first", "a-same-time");
        assertThat(ids(queue.claimDue(T0.plusSeconds(30), 10, LEASE))).containsExactly("b-same-time", "later");
        assertThat(queue.waiting()).isEqualTo(1);
        assertThat(queue.claimDue(T0.plusSeconds(30), 10, LEASE)).isEmpty();
        assertThat(queue.claimDue(T0, 0, LEASE)).isEmpty();
    }

    @Test
    void aClaimCountsTheAttemptAndLeasesTheJobUntilNowPlusTheLease() {
        queue.schedule(job("a", T0));

        ClaimedJob claimed = queue.claimDue(T0.plusMillis(1500), 10, LEASE).get(0);

        assertThat(claimed.attempt()).isEqualTo(1);
        assertThat(claimed.leaseExpires()).isEqualTo(T0.plusMillis(1500).plus(LEASE));
        assertThat(queue.waiting()).isZero();
        assertThat(queue.claimed()).isEqualTo(1);
    }

    @Test
    void anUnackedClaimIsClaimedAgainOnceItsLeaseRunsOutWithTheNextAttempt() {
        queue.schedule(job("a", T0));
        ClaimedJob first = queue.claimDue(T0, 10, LEASE).get(0);

        assertThat(queue.claimDue(T0.plus(LEASE).minusMillis(1), 10, LEASE)).isEmpty();
        List<ClaimedJob> again = queue.claimDue(T0.plus(LEASE), 10, LEASE);

        assertThat(again).hasSize(1);
        assertThat(again.get(0).job()).isEqualTo(first.job());
        assertThat(again.get(0).attempt()).isEqualTo(2);
        assertThat(again.get(0).leaseExpires()).isEqualTo(T0.plus(LEASE).plus(LEASE));
    }

    @Test
    void expiredLeasesAndDueJobsAreClaimedTogetherByDueTime() {
        queue.schedule(job("old", T0.minusSeconds(300)));
        queue.claimDue(T0.minusSeconds(300), 10, LEASE);
        queue.schedule(job("newer", T0.minusSeconds(100)));
        queue.schedule(job("oldest", T0.minusSeconds(400)));

        List<ClaimedJob> claimed = queue.claimDue(T0, 2, LEASE);

        assertThat(ids(claimed)).containsExactly("oldest", "old");
        assertThat(claimed).extracting(ClaimedJob::attempt).containsExactly(1, 2);
        assertThat(ids(queue.claimDue(T0, 2, LEASE))).containsExactly("newer");
    }

    @Test
    void amongExpiredLeasesTheEarliestDueGoesFirstNotTheEarliestLeaseEnd() {
        queue.schedule(job("due-later", T0.minusSeconds(1)));
        queue.claimDue(T0, 10, LEASE);
        queue.schedule(job("due-earlier", T0.minusSeconds(100)));
        queue.claimDue(T0.plusSeconds(1), 10, LEASE);

        assertThat(ids(queue.claimDue(T0.plus(LEASE).plusSeconds(1), 1, LEASE))).containsExactly("due-earlier");
        assertThat(ids(queue.claimDue(T0.plus(LEASE).plusSeconds(1), 1, LEASE))).containsExactly("due-later");
    }

    @Test
    void manyExpiredLeasesAreReclaimedEarliestDueFirst() {
        // more than Lua's 8,000 values one call can take at once: the claim must read them in parts
        int count = 9_000;
        List<Job> jobs = IntStream.range(0, count)
                .mapToObj(i -> job(String.format("j%05d", i), T0.minusMillis(count - i))).toList();
        queue.scheduleAll(jobs);
        // claimed over nine claims a second apart, leased until nine different times
        for (int batch = 0; batch < 9; batch++) {
            Instant at = T0.plusSeconds(batch);
            List<ClaimedJob> claimed = queue.claimDue(at, RedisJobQueue.MAX_CLAIM, LEASE);
            assertThat(claimed).hasSize(RedisJobQueue.MAX_CLAIM);
        }

        List<ClaimedJob> reclaimed = queue.claimDue(T0.plus(LEASE).plusSeconds(9), 3, LEASE);

        assertThat(ids(reclaimed)).containsExactly("j00000", "j00001", "j00002");
        assertThat(reclaimed).extracting(ClaimedJob::attempt).containsOnly(2);
    }

    @Test
    void anAckRemovesTheJobForGood() {
        queue.schedule(job("a", T0));
        ClaimedJob claimed = queue.claimDue(T0, 10, LEASE).get(0);

        queue.ack(claimed);

        assertThat(queue.claimDue(T0.plus(Duration.ofDays(1)), 10, LEASE)).isEmpty();
        assertThat(REDIS.keys()).as("nothing is left behind once every job is acked").isEmpty();
    }

    @Test
    void aLateAckAfterAnotherInstanceReclaimedIsIgnored() {
        queue.schedule(job("a", T0));
        ClaimedJob stale = queue.claimDue(T0, 10, LEASE).get(0);
        ClaimedJob current = queue.claimDue(T0.plus(LEASE), 10, LEASE).get(0);

        queue.ack(stale);
        queue.retry(stale, T0);

        assertThat(queue.claimed()).isEqualTo(1);
        assertThat(queue.waiting()).isZero();
        queue.ack(current);
        assertThat(REDIS.keys()).isEmpty();
    }

    @Test
    void aRenewedLeaseKeepsTheJobFromOtherClaimsAndARenewalByAHolderThatLostItChangesNothing() {
        queue.schedule(job("a", T0));
        ClaimedJob first = queue.claimDue(T0, 10, LEASE).get(0);

        assertThat(queue.renew(first, T0.plusSeconds(50), LEASE)).isTrue();
        assertThat(queue.claimDue(T0.plus(LEASE), 10, LEASE)).as("the old lease end passed, the renewed one not").isEmpty();
        assertThat(score(RedisKeys.jobsLeased(), "a")).isEqualTo((double) T0.plusSeconds(50).plus(LEASE).toEpochMilli());

        Instant takeover = T0.plusSeconds(50).plus(LEASE);
        ClaimedJob second = queue.claimDue(takeover, 10, LEASE).get(0);
        assertThat(queue.renew(first, takeover, LEASE.multipliedBy(10))).as("the first holder learns it lost the job").isFalse();
        queue.ack(first);
        queue.retry(first, T0);
        queue.bury(first, "java.lang.Error", takeover);

        assertThat(score(RedisKeys.jobsLeased(), "a")).as("the new holder's lease is untouched")
                .isEqualTo((double) takeover.plus(LEASE).toEpochMilli());
        assertThat(queue.claimed()).isEqualTo(1);
        assertThat(queue.dead(10)).isEmpty();
        assertThat(queue.renew(second, takeover.plusSeconds(1), LEASE)).isTrue();
        queue.ack(second);
        assertThat(REDIS.keys()).isEmpty();
    }

    @Test
    void aClaimOfAJobCancelledAndScheduledAgainCannotBeAckedByTheHolderOfTheOldOne() {
        queue.schedule(job("a", T0));
        ClaimedJob old = queue.claimDue(T0, 10, LEASE).get(0);
        queue.cancel("a");
        queue.schedule(job("a", T0));
        ClaimedJob fresh = queue.claimDue(T0, 10, LEASE).get(0);
        assertThat(fresh.attempt()).as("the same claim count as the old claim").isEqualTo(old.attempt());

        queue.ack(old);

        assertThat(queue.claimed()).as("the fresh claim still holds the job").isEqualTo(1);
        assertThat(queue.renew(fresh, T0, LEASE)).isTrue();
    }

    @Test
    void aBuriedJobIsGoneAndListedForOperatorsWithoutItsPayload() {
        queue.schedule(job("a", T0));
        queue.schedule(job("b", T0));
        List<ClaimedJob> claimed = queue.claimDue(T0, 10, LEASE);

        queue.bury(claimed.get(0), "java.lang.ExceptionInInitializerError", T0.plusSeconds(1));
        queue.bury(claimed.get(1), DeadJob.NO_HANDLER, T0.plusSeconds(2));

        assertThat(queue.claimed()).isZero();
        assertThat(queue.waiting()).isZero();
        assertThat(queue.dead(10)).containsExactly(
                new DeadJob(DeadJob.fingerprint("b"), "circle.reminder",
                        1, "no-handler", T0.plusSeconds(2)),
                new DeadJob(DeadJob.fingerprint("a"), "circle.reminder",
                        1, "java.lang.ExceptionInInitializerError",
                        T0.plusSeconds(1)));
        assertThat(queue.deadCount()).isEqualTo(2);
        assertThat(REDIS.keys()).containsExactly(RedisKeys.jobsDead());
        List<String> entries = REDIS.connection().call(RedisKeys.jobsDead(), jedis -> jedis.lrange(RedisKeys.jobsDead(), 0, -1));
        assertThat(entries).noneMatch(entry -> entry.contains("circle=c1"));
        long ttl = REDIS.connection().call(RedisKeys.jobsDead(), jedis -> jedis.ttl(RedisKeys.jobsDead()));
        assertThat(ttl).isPositive();
    }

    @Test
    void theDeadListKeepsOnlyTheNewest() {
        for (int i = 0; i < RedisJobQueue.MAX_DEAD + 5; i++) {
            queue.schedule(job("j" + i, T0));
        }
        for (ClaimedJob claimed : queue.claimDue(T0, RedisJobQueue.MAX_CLAIM, LEASE)) {
            queue.bury(claimed, "java.lang.Error", T0);
        }
        queue.claimDue(T0, 10, LEASE).forEach(c -> queue.bury(c, "java.lang.Error", T0.plusSeconds(1)));

        assertThat(queue.deadCount()).isEqualTo(RedisJobQueue.MAX_DEAD);
        assertThat(queue.dead(1)).extracting(d -> d.at()).containsExactly(T0.plusSeconds(1));
    }

    @Test
    void anAckOfAJobThatWasNeverClaimedDoesNothing() {
        queue.schedule(job("a", T0));

        queue.ack(new ClaimedJob(job("a", T0), 0, T0.plus(LEASE), "no-such-claim"));

        assertThat(queue.waiting()).isEqualTo(1);
    }

    @Test
    void retryPutsTheJobBackUntilTheGivenTimeKeepingItsAttempts() {
        queue.schedule(job("a", T0));
        ClaimedJob first = queue.claimDue(T0, 10, LEASE).get(0);

        queue.retry(first, T0.plusSeconds(10));

        assertThat(queue.waiting()).isEqualTo(1);
        assertThat(queue.claimed()).isZero();
        assertThat(queue.claimDue(T0.plusSeconds(9), 10, LEASE)).isEmpty();
        ClaimedJob second = queue.claimDue(T0.plusSeconds(10), 10, LEASE).get(0);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.job()).isEqualTo(new Job("a", "circle.reminder", T0.plusSeconds(10), "circle=c1;lead=PT15M"));
    }

    @Test
    void aJobNeverRunsBeforeItsDueTimeEvenWithinAMillisecond() {
        Instant due = T0.plusNanos(400_000);
        queue.schedule(job("a", due));

        assertThat(queue.claimDue(T0.plusNanos(399_999), 10, LEASE)).isEmpty();
        assertThat(queue.claimDue(T0.plusMillis(1), 10, LEASE)).extracting(ClaimedJob::job)
                .containsExactly(job("a", due));
    }

    @Test
    void idsKindsAndPayloadsComeBackExactly() {
        String payload = " spaces  at both ends, a\nnewline, ünïcödé, 12 34 kind: and a % sign ";
        List<Job> jobs = List.of(
                new Job("rem:c 1:2026-03-29T19:00+02:00[Europe/Berlin]:PT15M", "circle.reminder", T0, payload),
                new Job("a:b", "k", T0.minusNanos(1), ""),
                new Job("before-1970", "k", Instant.parse("1969-12-31T23:59:59.123456789Z"), "p"));
        jobs.forEach(queue::schedule);

        assertThat(queue.claimDue(T0, 10, LEASE)).extracting(ClaimedJob::job)
                .containsExactly(jobs.get(2), jobs.get(1), jobs.get(0));
    }

    @Test
    void scheduleAllAddsOnlyNewIdsAcrossChunks() {
        queue.schedule(job("j00042", T0));
        List<Job> jobs = IntStream.range(0, 1_203).mapToObj(i -> job(String.format("j%05d", i), T0.plusMillis(i)))
                .toList();

        assertThat(queue.scheduleAll(jobs)).isEqualTo(1_202);
        assertThat(queue.waiting()).isEqualTo(1_203);
        assertThat(queue.claimDue(T0.plusSeconds(10), 5_000, LEASE)).hasSize(RedisJobQueue.MAX_CLAIM);
    }

    @Test
    void keysFollowTheDocumentedSchema() {
        queue.schedule(job("waiting", T0.plusSeconds(60)));
        queue.schedule(job("claimed", T0));
        queue.claimDue(T0, 10, LEASE);

        assertThat(REDIS.keys()).containsExactlyInAnyOrder("ck:{jobs}:due", "ck:{jobs}:leased", "ck:{jobs}:data",
                "ck:{jobs}:claims");
        assertThat(REDIS.hash(RedisKeys.jobsClaims())).containsOnlyKeys("claimed");
        Map<String, String> data = REDIS.hash(RedisKeys.jobsData());
        assertThat(data).containsOnlyKeys("waiting", "claimed");
        assertThat(data.get("claimed")).isEqualTo("1 " + T0.getEpochSecond() + " 0 circle.reminder circle=c1;lead=PT15M");
        assertThat(score(RedisKeys.jobsDue(), "waiting"))
                .isEqualTo((double) T0.plusSeconds(60).toEpochMilli());
        assertThat(score(RedisKeys.jobsLeased(), "claimed"))
                .isEqualTo((double) T0.plus(LEASE).toEpochMilli());
    }

    @Test
    void anOversizedPayloadIsRefusedBeforeAnythingIsWritten() {
        Job big = new Job("big", "k", T0, "x".repeat(RedisJobQueue.MAX_PAYLOAD_LENGTH + 1));

        assertThatThrownBy(() -> queue.schedule(big)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + RedisJobQueue.MAX_PAYLOAD_LENGTH);
        assertThatThrownBy(() -> queue.scheduleAll(List.of(job("ok", T0), big)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(REDIS.keys()).isEmpty();
    }

    @Test
    void aJobWithoutReadableDataIsDroppedInsteadOfBlockingTheQueue() {
        queue.schedule(job("good", T0));
        REDIS.connection().run(RedisKeys.jobsDue(), jedis -> jedis.zadd(RedisKeys.jobsDue(), T0.toEpochMilli() - 1, "orphan"));
        REDIS.connection().run(RedisKeys.jobsDue(), jedis -> jedis.zadd(RedisKeys.jobsDue(), T0.toEpochMilli() - 2, "garbled"));
        REDIS.connection().run(RedisKeys.jobsData(), jedis -> jedis.hset(RedisKeys.jobsData(), "garbled", "not a job"));

        assertThat(ids(queue.claimDue(T0, 10, LEASE))).containsExactly("good");
        assertThat(score(RedisKeys.jobsDue(), "orphan")).isNull();
        assertThat(score(RedisKeys.jobsDue(), "garbled")).isNull();
        assertThat(REDIS.hash(RedisKeys.jobsData())).containsOnlyKeys("good");
    }

    /**
     * The same random sequence of operations on this queue and on the core's in-memory reference must give the
     * same answers; each queue makes its own claim tokens, so a claim is compared without its token and each
     * Redis claim is acked or retried on the reference through the reference's claim of the same step.
     */
    @Test
    void behavesLikeTheInMemoryReference() {
        Random random = new Random(20260329);
        for (int round = 0; round < 10; round++) {
            REDIS.connection().onPrimaries(jedis -> jedis.flushDB());
            compareOneRun(random, new InMemoryJobQueue(), queue);
        }
    }

    /** A claim without its token, which each queue makes its own. */
    private static List<String> untokened(List<ClaimedJob> claimed) {
        return claimed.stream().map(c -> c.job() + " #" + c.attempt() + " until " + c.leaseExpires()).toList();
    }

    private static void compareOneRun(Random random, InMemoryJobQueue reference, JobQueue redis) {
        Instant now = T0;
        Map<ClaimedJob, ClaimedJob> referenceClaim = new HashMap<>();
        List<ClaimedJob> retryable = new ArrayList<>();
        List<ClaimedJob> ackable = new ArrayList<>();
        for (int step = 0; step < 400; step++) {
            String id = String.format("job%02d", random.nextInt(40));
            Instant due = now.plusSeconds(random.nextInt(240) - 60);
            Job job = new Job(id, "circle.reminder", due, "p" + random.nextInt(5));
            String what;
            Object expected;
            Object actual;
            switch (random.nextInt(10)) {
                case 0, 1, 2 -> {
                    what = "schedule " + job;
                    expected = reference.schedule(job);
                    actual = redis.schedule(job);
                }
                case 3 -> {
                    what = "reschedule " + job;
                    reference.reschedule(job);
                    redis.reschedule(job);
                    retryable.removeIf(c -> c.job().id().equals(id));
                    expected = reference.waiting();
                    actual = redis.waiting();
                }
                case 4 -> {
                    what = "cancel " + id;
                    expected = reference.cancel(id);
                    actual = redis.cancel(id);
                }
                case 5, 6 -> {
                    int max = 1 + random.nextInt(6);
                    Duration lease = Duration.ofSeconds(30 + random.nextInt(60));
                    what = "claim " + max + " at " + now;
                    List<ClaimedJob> fromReference = reference.claimDue(now, max, lease);
                    List<ClaimedJob> fromRedis = redis.claimDue(now, max, lease);
                    expected = untokened(fromReference);
                    actual = untokened(fromRedis);
                    for (int i = 0; i < Math.min(fromRedis.size(), fromReference.size()); i++) {
                        referenceClaim.put(fromRedis.get(i), fromReference.get(i));
                    }
                    retryable.addAll(fromRedis);
                    ackable.addAll(fromRedis);
                }
                case 7 -> {
                    if (ackable.isEmpty()) {
                        continue;
                    }
                    ClaimedJob claimed = ackable.remove(random.nextInt(ackable.size()));
                    what = "ack " + claimed;
                    reference.ack(referenceClaim.get(claimed));
                    redis.ack(claimed);
                    expected = reference.waiting();
                    actual = redis.waiting();
                }
                case 8 -> {
                    if (retryable.isEmpty()) {
                        continue;
                    }
                    ClaimedJob claimed = retryable.remove(random.nextInt(retryable.size()));
                    Instant at = now.plusSeconds(random.nextInt(120));
                    what = "retry " + claimed + " at " + at;
                    reference.retry(referenceClaim.get(claimed), at);
                    redis.retry(claimed, at);
                    retryable.removeIf(c -> c.job().id().equals(claimed.job().id()));
                    expected = reference.waiting();
                    actual = redis.waiting();
                }
                default -> {
                    now = now.plusSeconds(random.nextInt(45));
                    continue;
                }
            }
            assertThat(actual).as("step %d: %s", step, what).isEqualTo(expected);
        }
        Instant end = now.plus(Duration.ofDays(1));
        assertThat(untokened(redis.claimDue(end, 1_000, LEASE))).as("everything left at the end")
                .isEqualTo(untokened(reference.claimDue(end, 1_000, LEASE)));
    }
}
