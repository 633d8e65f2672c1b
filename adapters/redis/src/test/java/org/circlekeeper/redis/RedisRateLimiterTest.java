package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.circlekeeper.core.platform.SendBudget;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisRateLimiterTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private final RedisRateLimiter limiter = new RedisRateLimiter(REDIS.connection(), Platform.TELEGRAM);
    private final SendBudget.Quota tenPerSecond = SendBudget.Quota.perPeriod("global", 10, Duration.ofSeconds(1));

    @Test
    void reservationsAreSpacedByTheInterval() {
        List<Long> waits = new ArrayList<>();
        long first = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            waits.add(limiter.reserve(List.of(tenPerSecond)).toMillis());
        }
        // reserved back to back, so each slot is 100 ms after the previous one (less the time the calls took)
        assertThat(waits.get(0)).isZero();
        for (int i = 1; i < waits.size(); i++) {
            assertWait(waits.get(i), i * 100L, first);
        }
    }

    @Test
    void aSlotMustSuitEveryLimitAndIsTakenInEach() {
        SendBudget.Quota chatA = SendBudget.Quota.perPeriod("chat:a", 1, Duration.ofSeconds(1));
        SendBudget.Quota chatB = SendBudget.Quota.perPeriod("chat:b", 1, Duration.ofSeconds(1));

        long first = System.nanoTime();
        assertThat(limiter.reserve(List.of(tenPerSecond, chatA)).toMillis()).isZero();
        // chat a is full for a second; the global bucket alone would allow 100 ms
        assertWait(limiter.reserve(List.of(tenPerSecond, chatA)).toMillis(), 1_000L, first);
        // chat b waits only for the global bucket, which two slots have used
        assertWait(limiter.reserve(List.of(tenPerSecond, chatB)).toMillis(), 1_100L, first);
    }

    @Test
    void aBurstAllowsThatManyAtOnce() {
        SendBudget.Quota group = new SendBudget.Quota("group:g", Duration.ofSeconds(3), 3);
        long first = System.nanoTime();
        assertThat(limiter.reserve(List.of(group))).isZero();
        assertThat(limiter.reserve(List.of(group))).isZero();
        assertThat(limiter.reserve(List.of(group))).isZero();
        assertWait(limiter.reserve(List.of(group)).toMillis(), 3_000L, first);
    }

    @Test
    void aHoldClosesTheBucketForEveryone() {
        long held = System.nanoTime();
        limiter.hold(tenPerSecond, Duration.ofSeconds(2));
        long wait = limiter.reserve(List.of(tenPerSecond)).toMillis();
        // the wait counts from the hold on Redis's clock: what passed since (a loaded machine is slow) is off it
        assertWait(wait, 2_000L, held);
        // a shorter hold does not shorten the longer one: the next slot is one interval after the first
        limiter.hold(tenPerSecond, Duration.ofMillis(10));
        wait = limiter.reserve(List.of(tenPerSecond)).toMillis();
        assertWait(wait, 2_100L, held);
    }

    @Test
    void bucketsExpireOnceTheyWouldBeFullAgain() {
        limiter.reserve(List.of(tenPerSecond));
        String key = RedisKeys.rateBucket(Platform.TELEGRAM, "global");
        assertThat(key).isEqualTo("ck:{rate:telegram}:global");
        assertThat(REDIS.ttlMillis(key)).isBetween(1L, 1_100L);
    }

    @Test
    void concurrentCallersNeverShareASlot() throws Exception {
        SendBudget.Quota fiftyPerSecond = SendBudget.Quota.perPeriod("global", 50, Duration.ofSeconds(1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            long before = redisMicros();
            List<Future<Duration>> futures = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                futures.add(pool.submit(() -> limiter.reserve(List.of(fiftyPerSecond))));
            }
            List<Long> waits = new ArrayList<>();
            for (Future<Duration> future : futures) {
                waits.add(future.get().toMillis());
            }
            long after = redisMicros();
            // every reservation moved the bucket on by exactly one interval: had two callers shared a slot,
            // the bucket would stand less than 100 intervals after the first reservation
            long tat = Long.parseLong(REDIS.connection().call(RedisKeys.rateBucket(Platform.TELEGRAM, "global"),
                    jedis -> jedis.get(RedisKeys.rateBucket(Platform.TELEGRAM, "global"))));
            assertThat(tat).isBetween(before + 100 * 20_000L, after + 100 * 20_000L);
            Collections.sort(waits);
            assertThat(waits.get(0)).isLessThan(20L);
            assertThat(waits.get(waits.size() - 1)).isCloseTo(99 * 20L, within(Math.max(40L, (after - before) / 1_000)));
        } finally {
            pool.shutdownNow();
        }
    }

    private static long redisMicros() {
        List<String> time = REDIS.connection().anyNode(jedis -> jedis.time());
        return Long.parseLong(time.get(0)) * 1_000_000 + Long.parseLong(time.get(1));
    }

    /**
     * A wait counts from the first reservation on Redis's clock, so the time the calls took since {@code firstNanos} (a
     * loaded machine is slow) comes off it; it is never longer than expected.
     */
    private static void assertWait(long waitMillis, long expectedMillis, long firstNanos) {
        long since = (System.nanoTime() - firstNanos) / 1_000_000;
        assertThat(waitMillis).isBetween(expectedMillis - since - 10, expectedMillis + 10);
    }
}
