package org.circlekeeper.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.circlekeeper.core.platform.SendBudget;
import org.circlekeeper.core.ref.Platform;

/**
 * The {@link SendBudget} of one platform on Redis, shared by every replica: a GCRA token bucket per quota (the
 * whole bot, one chat, one group), checked and reserved for all the quotas of one message in one Lua
 * script on Redis's own clock. A caller reserves a slot and is told how long to wait before sending, so
 * a busy bucket queues senders instead of rejecting them and nothing polls.
 *
 * <p>Each bucket stores its theoretical arrival time (epoch microseconds) under {@link RedisKeys#rateBucket};
 * a slot at time {@code t} conforms when {@code t >= tat - (burst - 1) * interval}, and taking it moves
 * {@code tat} to {@code max(tat, t) + interval}. The key expires once the bucket would be full again.
 */
public final class RedisRateLimiter implements SendBudget {

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

    @Override
    public Duration reserve(List<Quota> quotas) {
        if (quotas.isEmpty()) {
            return Duration.ZERO;
        }
        List<String> keys = new ArrayList<>(quotas.size());
        List<String> args = new ArrayList<>(quotas.size() * 2);
        for (Quota quota : quotas) {
            keys.add(RedisKeys.rateBucket(platform, quota.bucket()));
            args.add(Long.toString(intervalMicros(quota)));
            args.add(Long.toString(toleranceMicros(quota)));
        }
        Object result = redis.call(keys.get(0), jedis -> RESERVE.run(jedis, keys, args));
        long micros = Long.parseLong(String.valueOf(result));
        return Duration.ofNanos(Math.max(0, micros) * 1_000);
    }

    @Override
    public void hold(Quota quota, Duration wait) {
        Objects.requireNonNull(quota, "quota");
        long holdMicros = Math.max(0, wait.toNanos() / 1_000);
        redis.call(RedisKeys.rateBucket(platform, quota.bucket()),
                jedis -> HOLD.run(jedis, List.of(RedisKeys.rateBucket(platform, quota.bucket())),
                List.of(Long.toString(holdMicros), Long.toString(toleranceMicros(quota)))));
    }

    /** The quota's interval in whole microseconds, rounded up (the bucket's unit). */
    private static long intervalMicros(Quota quota) {
        return -Math.floorDiv(-quota.interval().toNanos(), 1_000);
    }

    /** How far ahead of its theoretical arrival time a bucket still takes a slot: the burst beyond the first. */
    private static long toleranceMicros(Quota quota) {
        return (quota.burst() - 1) * intervalMicros(quota);
    }
}
