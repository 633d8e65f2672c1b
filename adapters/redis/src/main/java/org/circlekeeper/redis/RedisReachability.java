package org.circlekeeper.redis;

import java.time.Duration;
import java.util.Objects;
import org.circlekeeper.core.ref.MemberRef;
import redis.clients.jedis.params.SetParams;

/**
 * Remembers, for every replica, the members the bot cannot write to privately (they blocked it, or never
 * opened a chat with it), so that it stops trying instead of retrying forever. The mark expires, and is
 * cleared as soon as the member writes to the bot privately again.
 */
public final class RedisReachability {

    private final RedisConnection redis;

    public RedisReachability(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /** Marks the member unreachable for {@code ttl}. */
    public void markUnreachable(MemberRef member, Duration ttl) {
        redis.run(jedis -> jedis.set(RedisKeys.memberUnreachable(member), "1", SetParams.setParams().px(ttl.toMillis())));
    }

    /** True while the member is marked unreachable. */
    public boolean isUnreachable(MemberRef member) {
        return redis.call(jedis -> jedis.exists(RedisKeys.memberUnreachable(member)));
    }

    /** Clears the mark (the member wrote to the bot privately). */
    public void markReachable(MemberRef member) {
        redis.run(jedis -> jedis.del(RedisKeys.memberUnreachable(member)));
    }
}
