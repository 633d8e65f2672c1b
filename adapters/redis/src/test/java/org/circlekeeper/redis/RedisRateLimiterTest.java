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
import org.circlekeeper.core.engine.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisRateLimiterTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private final RedisRateLimiter limiter = new RedisRateLimiter(REDIS.connection(), Platform.TELEGRAM);
    private final RedisRateLimiter.Limit tenPerSecond = RedisRateLimiter.Limit.perPeriod("global", 10, Duration.ofSeconds(1));

    @Test
    void reservationsAreSpacedByTheInterval() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waits.add(limiter.reserve(List.of(tenPerSecond)).toMillis());
        }
        // reserved back to back, so each slot is 100 ms after the previous one (less the time the calls took)
        assertThat(waits.get(0)).isZero();
        for (int i = 1; i < waits.size(); i++) {
            assertThat(waits.get(i)).isCloseTo(i * 100L, within(25L));
        }
    }

    @Test
    void aSlotMustSuitEveryLimitAndIsTakenInEach() {
        RedisRateLimiter.Limit chatA = RedisRateLimiter.Limit.perPeriod("chat:a", 1, Duration.ofSeconds(1));
        RedisRateLimiter.Limit chatB = RedisRateLimiter.Limit.perPeriod("chat:b", 1, Duration.ofSeconds(1));

        assertThat(limiter.reserve(List.of(tenPerSecond, chatA)).toMillis()).isZero();
        // chat a is full for a second; the global bucket alone would allow 100 ms
        assertThat(limiter.reserve(List.of(tenPerSecond, chatA)).toMillis()).isCloseTo(1_000L, within(25L));
        // chat b waits only for the global bucket, which two slots have used
        assertThat(limiter.reserve(List.of(tenPerSecond, chatB)).toMillis()).isCloseTo(1_100L, within(25L));
    }

    @Test
    void aBurstAllowsThatManyAtOnce() {
        RedisRateLimiter.Limit group = new RedisRateLimiter.Limit("group:g", Duration.ofSeconds(3), 3);
        assertThat(limiter.reserve(List.of(group))).isZero();
        assertThat(limiter.reserve(List.of(group))).isZero();
        assertThat(limiter.reserve(List.of(group))).isZero();
        assertThat(limiter.reserve(List.of(group)).toMillis()).isCloseTo(3_000L, within(25L));
    }

    @Test
    void aHoldClosesTheBucketForEveryone() {
        limiter.hold(tenPerSecond, Duration.ofSeconds(2));
        assertThat(limiter.reserve(List.of(tenPerSecond)).toMillis()).isCloseTo(2_000L, within(25L));
        // a shorter hold does not shorten the longer one
        limiter.hold(tenPerSecond, Duration.ofMillis(10));
        assertThat(limiter.reserve(List.of(tenPerSecond)).toMillis()).isCloseTo(2_100L, within(25L));
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
        RedisRateLimiter.Limit fiftyPerSecond = RedisRateLimiter.Limit.perPeriod("global", 50, Duration.ofSeconds(1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                futures.add(pool.submit(() -> (System.nanoTime() - start) / 1_000 + limiter.reserve(List.of(fiftyPerSecond)).toNanos() / 1_000));
            }
            List<Long> slots = new ArrayList<>();
            for (Future<Long> future : futures) {
                slots.add(future.get());
            }
            Collections.sort(slots);
            for (int i = 1; i < slots.size(); i++) {
                // 20 ms apart, give or take the jitter of measuring on the client side
                assertThat(slots.get(i) - slots.get(i - 1)).as("gap before slot %d", i).isGreaterThan(12_000L);
            }
            assertThat(slots.get(slots.size() - 1) - slots.get(0)).isCloseTo(99 * 20_000L, within(40_000L));
        } finally {
            pool.shutdownNow();
        }
    }
}
