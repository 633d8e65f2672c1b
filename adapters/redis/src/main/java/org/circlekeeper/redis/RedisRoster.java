package org.circlekeeper.redis;

import java.util.Objects;
import java.util.Set;
import org.circlekeeper.core.platform.Roster;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;

/** The {@link Roster} on Redis: one set of community ids per platform ({@code ck:roster:<platform>}). */
public final class RedisRoster implements Roster {

    private final RedisConnection redis;

    public RedisRoster(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public void present(CommunityRef community) {
        redis.run(jedis -> jedis.sadd(RedisKeys.roster(community.platform()), community.communityId()));
    }

    @Override
    public boolean absent(CommunityRef community) {
        return redis.call(jedis -> jedis.srem(RedisKeys.roster(community.platform()), community.communityId())) > 0;
    }

    @Override
    public Set<String> communities(Platform platform) {
        return Set.copyOf(redis.call(jedis -> jedis.smembers(RedisKeys.roster(platform))));
    }
}
