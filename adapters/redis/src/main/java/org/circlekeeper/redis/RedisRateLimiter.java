package org.circlekeeper.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.circlekeeper.core.ref.Platform;

/**
 * A send-rate limiter that every replica shares through Redis: a GCRA token bucket per limit (the
 * whole bot, one chat, one group), checked and reserved for all the limits of one message in one Lua
 * script on Redis's own clock. A caller reserves a slot and is told how long to wait before sending, so
 * a busy bucket queues senders instead of rejecting them and nothing polls.
 *
 * <p>Each bucket stores its theoretical arrival time (epoch microseconds) under {@link RedisKeys#rateBucket};
 * a slot at time {@code t} conforms when {@code t >= tat - (burst - 1) * interval}, and taking it moves
 * {@code tat} to {@code max(tat, t) + interval}. The key expires once the bucket would be full again.
 */
public final class RedisRateLimiter {

    /**
     * One limit: at most {@code burst} sends at once, then one per {@code interval}.
     *
     * @param bucket the bucket's name within the platform ({@code global}, {@code chat:42})
     */
    public record Limit(String bucket, Duration interval, int burst) {
        public Limit {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("a limit's interval must be positive");
            }
            if (burst < 1) {
                throw new IllegalArgumentException("a limit's burst is at least 1");
            }
        }

        /** {@code count} sends per {@code period}, evenly spaced (no burst). */
        public static Limit perPeriod(String bucket, int count, Duration period) {
            if (count < 1) {
                throw new IllegalArgumentException("a limit allows at least one send per period");
            }
            return new Limit(bucket, Duration.ofNanos(ceilDiv(period.toNanos(), count)), 1);
        }

        long intervalMicros() {
            return ceilDiv(interval.toNanos(), 1_000);
        }

        long toleranceMicros() {
            return (burst - 1) * intervalMicros();
        }

        private static long ceilDiv(long a, long b) {
            return -Math.floorDiv(-a, b);
        }
    }

    /**
     * KEYS: the buckets. ARGV: interval and tolerance (microseconds) per bucket, in order. Finds the
     * earliest time every bucket allows, takes a slot there in each, and returns the wait in microseconds.
     */
    private static final RedisScript RESERVE = new RedisScript("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local at = now
            local tats = {}
            for i, key in ipairs(KEYS) do
              local tat = tonumber(redis.call('GET', key) or '0')
              if tat < now then tat = now end
              tats[i] = tat
              local earliest = tat - tonumber(ARGV[2 * i])
              if earliest > at then at = earliest end
            end
            for i, key in ipairs(KEYS) do
              local tat = tats[i]
              if tat < at then tat = at end
              local new = tat + tonumber(ARGV[2 * i - 1])
              redis.call('SET', key, string.format('%.0f', new), 'PX', math.floor((new - now) / 1000) + 1000)
            end
            return string.format('%.0f', at - now)
            """);

    /** KEYS[1]: the bucket. ARGV: hold (microseconds), tolerance (microseconds). Never shortens a longer hold. */
    private static final RedisScript HOLD = new RedisScript("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local wanted = now + tonumber(ARGV[1]) + tonumber(ARGV[2])
            local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
            if wanted > tat then
              redis.call('SET', KEYS[1], string.format('%.0f', wanted), 'PX', math.floor((wanted - now) / 1000) + 1000)
            end
            return 1
            """);

    private final RedisConnection redis;
    private final Platform platform;

    public RedisRateLimiter(RedisConnection redis, Platform platform) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    /**
     * Takes one slot in every given bucket at the earliest moment all of them allow, and returns how long
     * from now the caller must wait before sending (zero when it may send at once). The slot is the caller's
     * whether or not it sends.
     */
    public Duration reserve(List<Limit> limits) {
        if (limits.isEmpty()) {
            return Duration.ZERO;
        }
        List<String> keys = new ArrayList<>(limits.size());
        List<String> args = new ArrayList<>(limits.size() * 2);
        for (Limit limit : limits) {
            keys.add(RedisKeys.rateBucket(platform, limit.bucket()));
            args.add(Long.toString(limit.intervalMicros()));
            args.add(Long.toString(limit.toleranceMicros()));
        }
        Object result = redis.call(jedis -> RESERVE.run(jedis, keys, args));
        long micros = Long.parseLong(String.valueOf(result));
        return Duration.ofNanos(Math.max(0, micros) * 1_000);
    }

    /**
     * Closes a bucket for {@code wait} from now for every replica (the platform said "retry after"), unless
     * it is already closed for longer.
     */
    public void hold(Limit limit, Duration wait) {
        Objects.requireNonNull(limit, "limit");
        long holdMicros = Math.max(0, wait.toNanos() / 1_000);
        redis.call(jedis -> HOLD.run(jedis, List.of(RedisKeys.rateBucket(platform, limit.bucket())),
                List.of(Long.toString(holdMicros), Long.toString(limit.toleranceMicros()))));
    }
}
