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
        String roster = RedisKeys.roster(community.platform());
        redis.run(roster, jedis -> jedis.sadd(roster, community.communityId()));
    }

    @Override
    public boolean absent(CommunityRef community) {
        String roster = RedisKeys.roster(community.platform());
        return redis.call(roster, jedis -> jedis.srem(roster, community.communityId())) > 0;
    }

    @Override
    public Set<String> communities(Platform platform) {
        String roster = RedisKeys.roster(platform);
        return Set.copyOf(redis.call(roster, jedis -> jedis.smembers(roster)));
    }
}
