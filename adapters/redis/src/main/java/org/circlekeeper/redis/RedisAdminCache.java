package org.circlekeeper.redis;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.circlekeeper.core.platform.RoleCache;
import org.circlekeeper.core.ref.CommunityRef;
import redis.clients.jedis.params.SetParams;

/**
 * The {@link RoleCache} on Redis: a community's administrators as one string of space-separated user ids (a
 * group with no visible administrator is cached too), with the time to live as the key's expiry.
 */
public final class RedisAdminCache implements RoleCache {

    private final RedisConnection redis;

    public RedisAdminCache(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public Optional<Set<String>> admins(CommunityRef community) {
        return parse(redis.call(RedisKeys.communityAdmins(community), jedis -> jedis.get(RedisKeys.communityAdmins(community))));
    }

    /** A cached list as it is stored (space-separated ids; null when nothing is cached), also read by {@link RedisUpdateLog}. */
    static Optional<Set<String>> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(value.split(" ")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public void put(CommunityRef community, Collection<String> userIds, Duration ttl) {
        for (String id : userIds) {
            if (id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a user id without spaces is needed to cache it");
            }
        }
        String value = String.join(" ", userIds);
        redis.run(RedisKeys.communityAdmins(community),
                jedis -> jedis.set(RedisKeys.communityAdmins(community), value, SetParams.setParams().px(ttl.toMillis())));
    }

    @Override
    public void forget(CommunityRef community) {
        redis.run(RedisKeys.communityAdmins(community), jedis -> jedis.del(RedisKeys.communityAdmins(community)));
    }
}
