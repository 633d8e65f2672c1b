package org.circlekeeper.redis;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members' safety cooldowns for {@link RedisResourceStore}: one hash per member ({@code community key → end in epoch
 * ms}) in the member's slot, which expires by itself when its last cooldown ends.
 */
final class RedisSafetyCooldowns {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSafetyCooldowns.class);

    /**
     * Drops ended (or unreadable) cooldowns, then starts the community's unless it runs: 1 when started, 0
     * when running. The key then expires when its last cooldown ends (Redis 6.2 has no PEXPIRE GT, so the
     * script works out the latest end itself).
     */
    private static final RedisScript START_COOLDOWN = new RedisScript("""
            local now = tonumber(ARGV[2])
            local ends = tonumber(ARGV[3])
            local fields = redis.call('HGETALL', KEYS[1])
            local latest = 0
            local running = false
            for i = 1, #fields, 2 do
              local ending = tonumber(fields[i + 1])
              if ending == nil or ending <= now then
                redis.call('HDEL', KEYS[1], fields[i])
              else
                if fields[i] == ARGV[1] then
                  running = true
                end
                if ending > latest then
                  latest = ending
                end
              end
            end
            if not running then
              redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
              if ends > latest then
                latest = ends
              end
            end
            if latest > now then
              redis.call('PEXPIRE', KEYS[1], latest - now)
            end
            if running then
              return 0
            end
            return 1
            """);

    private final RedisConnection redis;

    RedisSafetyCooldowns(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /**
     * Checks and starts the cooldown in one script, on the caller's clock. Ends are kept in epoch milliseconds,
     * rounded up, so a cooldown never ends early (it may last up to a millisecond longer).
     *
     * @throws IllegalArgumentException when {@code length} is shorter than a millisecond
     */
    boolean start(CommunityRef community, MemberRef member, Instant now, Duration length) {
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(now, "now");
        if (length == null || length.toMillis() < 1) {
            throw new IllegalArgumentException("a cooldown lasts at least a millisecond");
        }
        Instant end = now.plus(length);
        long endMillis = end.toEpochMilli() + (end.getNano() % 1_000_000 == 0 ? 0 : 1);
        Object started = redis.call(RedisKeys.safetyCooldowns(member),
                jedis -> START_COOLDOWN.run(jedis, List.of(RedisKeys.safetyCooldowns(member)),
                List.of(community.key(), Long.toString(now.toEpochMilli()), Long.toString(endMillis))));
        if (!(started instanceof Long code)) {
            throw new IllegalStateException("the cooldown script answered " + started + " instead of a number");
        }
        return code == 1;
    }

    /** The running cooldowns by community key, in key order; ended ones still in Redis are left out. */
    Map<String, Instant> running(MemberRef member, Instant now) {
        Objects.requireNonNull(now, "now");
        Map<String, String> stored = redis.call(RedisKeys.safetyCooldowns(member),
                jedis -> jedis.hgetAll(RedisKeys.safetyCooldowns(member)));
        Map<String, Instant> running = new LinkedHashMap<>();
        new TreeMap<>(stored).forEach((community, value) -> {
            try {
                Instant end = Instant.ofEpochMilli(Long.parseLong(value));
                if (end.isAfter(now)) {
                    running.put(community, end);
                }
            } catch (NumberFormatException | DateTimeException e) {
                LOG.warn("a stored safety cooldown cannot be read and is left out of the export");
            }
        });
        return running;
    }

    void clear(MemberRef member) {
        redis.run(RedisKeys.safetyCooldowns(member), jedis -> jedis.del(RedisKeys.safetyCooldowns(member)));
    }
}
