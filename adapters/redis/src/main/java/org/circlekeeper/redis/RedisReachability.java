package org.circlekeeper.redis;

import java.time.Duration;
import java.util.Objects;
import org.circlekeeper.core.platform.Reachability;
import org.circlekeeper.core.ref.MemberRef;
import redis.clients.jedis.params.SetParams;

/** The {@link Reachability} marks on Redis: one key per unreachable member, expiring with the mark. */
public final class RedisReachability implements Reachability {

    private final RedisConnection redis;

    public RedisReachability(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public void markUnreachable(MemberRef member, Duration ttl) {
        redis.run(RedisKeys.memberUnreachable(member),
                jedis -> jedis.set(RedisKeys.memberUnreachable(member), "1", SetParams.setParams().px(ttl.toMillis())));
    }

    @Override
    public boolean isUnreachable(MemberRef member) {
        return redis.call(RedisKeys.memberUnreachable(member), jedis -> jedis.exists(RedisKeys.memberUnreachable(member)));
    }

    @Override
    public void markReachable(MemberRef member) {
        redis.run(RedisKeys.memberUnreachable(member), jedis -> jedis.del(RedisKeys.memberUnreachable(member)));
    }
}
