package org.circlekeeper.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.circlekeeper.core.message.DeliveryLog;
import org.circlekeeper.core.ref.Ids;

/**
 * The {@link DeliveryLog} in Redis, shared by every replica: one string per delivery at
 * {@link RedisKeys#delivery(String)} (named by a hash of the delivery, never its ids), {@code sending <holder> <until epoch ms>} while a holder
 * waits to send it, {@code wire <holder> <until epoch ms>} once its request left, and {@code sent} after, each kept {@link DeliveryLog#KEEP}. Each operation is one Lua script. Whether a hold still
 * runs is judged by the caller's clock, like the job queue's leases, never by Redis's.
 */
public final class RedisDeliveryLog implements DeliveryLog {

    /**
     * Answers {@code sent}, {@code busy <until ms>}, {@code orphaned} (another holder's hold ran out unfinished: now
     * marked sent) or {@code go} (and then holds the delivery for ARGV[1]).
     */
    private static final RedisScript BEGIN = new RedisScript("""
            local value = redis.call('GET', KEYS[1])
            if value == 'sent' then
              return 'sent'
            end
            if value then
              local state, holder, untilMillis = string.match(value, '^(%a+) (%S+) (%d+)$')
              if holder and holder ~= ARGV[1] then
                if tonumber(untilMillis) > tonumber(ARGV[2]) then
                  return 'busy ' .. untilMillis
                end
                if state == 'wire' then
                  redis.call('SET', KEYS[1], 'sent', 'PX', ARGV[4])
                  return 'orphaned'
                end
              end
            end
            redis.call('SET', KEYS[1], 'sending ' .. ARGV[1] .. ' ' .. ARGV[3], 'PX', ARGV[4])
            return 'go'
            """);

    /** Marks ARGV[1]'s hold as on the wire, keeping its end, when ARGV[1] still holds it. */
    private static final RedisScript ON_WIRE = new RedisScript("""
            local value = redis.call('GET', KEYS[1])
            if value then
              local holder, untilMillis = string.match(value, '^sending (%S+) (%d+)$')
              if holder == ARGV[1] then
                redis.call('SET', KEYS[1], 'wire ' .. holder .. ' ' .. untilMillis, 'KEEPTTL')
                return 1
              end
            end
            return 0
            """);

    /** Frees the delivery when ARGV[1] still holds it (and it was not sent). */
    private static final RedisScript ABANDON = new RedisScript("""
            local value = redis.call('GET', KEYS[1])
            if value and string.match(value, '^%a+ (%S+) ') == ARGV[1] then
              redis.call('DEL', KEYS[1])
              return 1
            end
            return 0
            """);

    private final RedisConnection redis;

    public RedisDeliveryLog(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public Start begin(String delivery, String holder, Instant now, Duration hold) {
        checkHolder(holder);
        long until = RedisJobQueue.ceilMillis(now.plus(hold));
        Object answer = redis.call(key(delivery), jedis -> BEGIN.run(jedis, List.of(key(delivery)), List.of(holder,
                Long.toString(RedisJobQueue.floorMillis(now)), Long.toString(until), Long.toString(KEEP.toMillis()))));
        if ("go".equals(answer)) {
            return new Start.Go();
        }
        if ("sent".equals(answer)) {
            return new Start.AlreadySent();
        }
        if ("orphaned".equals(answer)) {
            return new Start.Orphaned();
        }
        if (answer instanceof String busy && busy.startsWith("busy ")) {
            return new Start.Busy(Instant.ofEpochMilli(Long.parseLong(busy.substring(5))));
        }
        throw new IllegalStateException("the delivery script answered " + answer);
    }

    @Override
    public void onWire(String delivery, String holder) {
        checkHolder(holder);
        redis.call(key(delivery), jedis -> ON_WIRE.run(jedis, List.of(key(delivery)), List.of(holder)));
    }

    @Override
    public void sent(String delivery, String holder) {
        checkHolder(holder);
        redis.run(key(delivery), jedis -> jedis.psetex(key(delivery), KEEP.toMillis(), "sent"));
    }

    @Override
    public void abandon(String delivery, String holder) {
        checkHolder(holder);
        redis.call(key(delivery), jedis -> ABANDON.run(jedis, List.of(key(delivery)), List.of(holder)));
    }

    /** The delivery's key: a SHA-256 of its job id and target, so Redis keeps no member id that outlives an erasure. */
    static String key(String delivery) {
        return RedisKeys.delivery(Ids.sha256Hex(delivery));
    }

    private static void checkHolder(String holder) {
        if (holder == null || holder.isEmpty() || holder.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a delivery's holder is one word");
        }
    }
}
