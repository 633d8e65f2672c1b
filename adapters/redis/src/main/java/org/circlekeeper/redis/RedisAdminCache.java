package org.circlekeeper.redis;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.circlekeeper.core.ref.CommunityRef;
import redis.clients.jedis.params.SetParams;

/**
 * The administrators of a community as the platform last listed them, cached with a time to live so that
 * every replica asks the platform at most once per TTL, and dropped when the platform reports a change.
 * Kept as one string of space-separated user ids (a group with no visible administrator is cached too).
 */
public final class RedisAdminCache {

    private final RedisConnection redis;

    public RedisAdminCache(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /** The cached administrators' user ids, or empty when nothing is cached (never listed, expired, dropped). */
    public Optional<Set<String>> admins(CommunityRef community) {
        String value = redis.call(jedis -> jedis.get(RedisKeys.communityAdmins(community)));
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(value.split(" ")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()));
    }

    /** Caches the administrators' user ids for {@code ttl}. */
    public void put(CommunityRef community, Collection<String> userIds, Duration ttl) {
        for (String id : userIds) {
            if (id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a user id without spaces is needed to cache it");
            }
        }
        String value = String.join(" ", userIds);
        redis.run(jedis -> jedis.set(RedisKeys.communityAdmins(community), value, SetParams.setParams().px(ttl.toMillis())));
    }

    /** Drops the cached list, so that the next look-up asks the platform. */
    public void forget(CommunityRef community) {
        redis.run(jedis -> jedis.del(RedisKeys.communityAdmins(community)));
    }
}
