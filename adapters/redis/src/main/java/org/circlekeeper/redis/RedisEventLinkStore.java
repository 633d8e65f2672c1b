package org.circlekeeper.redis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.circle.CircleStore;
import org.circlekeeper.core.circle.EventLinkStore;
import org.circlekeeper.core.ref.CommunityRef;

/**
 * Which platform event shows each circle, in one hash per community ({@link RedisKeys#circleEvents}): circle id
 * to event id. A change is one Lua script that compares the stored id and checks the {@link CircleStore#MAX_CIRCLES}
 * bound, so two replicas syncing one circle cannot both link an event, and a community's hash cannot grow past its
 * circles.
 */
public final class RedisEventLinkStore implements EventLinkStore {

    /**
     * ARGV: circle id, expected event id ('' for none), new event id ('' to unlink), bound. Returns 1 when the
     * stored id was the expected one and is now the new one, else 0 (nothing changed).
     */
    private static final RedisScript REPLACE = new RedisScript("""
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if (current or '') ~= ARGV[2] then
              return 0
            end
            if ARGV[3] == '' then
              redis.call('HDEL', KEYS[1], ARGV[1])
              return 1
            end
            if not current and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[4]) then
              return 0
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
            return 1
            """);

    private final RedisConnection redis;

    public RedisEventLinkStore(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public Optional<String> find(CommunityRef community, String circleId) {
        Objects.requireNonNull(circleId, "circleId");
        return Optional.ofNullable(redis.call(RedisKeys.circleEvents(community),
                jedis -> jedis.hget(RedisKeys.circleEvents(community), circleId)));
    }

    /** @throws IllegalArgumentException when an event id is blank (the script reads '' as "none") */
    @Override
    public boolean replace(CommunityRef community, String circleId, String expected, String updated) {
        Objects.requireNonNull(circleId, "circleId");
        if (expected != null && expected.isBlank() || updated != null && updated.isBlank()) {
            throw new IllegalArgumentException("an event id is not blank");
        }
        List<String> args = List.of(circleId, expected == null ? "" : expected, updated == null ? "" : updated,
                Integer.toString(CircleStore.MAX_CIRCLES));
        Object result = redis.call(RedisKeys.circleEvents(community),
                jedis -> REPLACE.run(jedis, List.of(RedisKeys.circleEvents(community)), args));
        return Long.valueOf(1).equals(result);
    }
}
