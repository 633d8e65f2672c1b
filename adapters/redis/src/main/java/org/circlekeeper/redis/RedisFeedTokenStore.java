package org.circlekeeper.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.circle.FeedTokenStore;
import org.circlekeeper.core.ref.CommunityRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calendar-feed tokens in Redis, both ways round: the community's token ({@link RedisKeys#feedToken}) and the
 * token's community ({@link RedisKeys#feed}). A token counts only while the community still names it, so a
 * replaced token stops working the moment the community's key changes, even if removing its own key failed.
 * Rotation writes the new token's key first, then swaps the community's ({@code SET … GET}), then removes the
 * key of the token it replaced: two rotations at once leave exactly one working token.
 */
public final class RedisFeedTokenStore implements FeedTokenStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisFeedTokenStore.class);

    private final RedisConnection redis;

    public RedisFeedTokenStore(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public Optional<String> token(CommunityRef community) {
        String token = redis.call(RedisKeys.feedToken(community), jedis -> jedis.get(RedisKeys.feedToken(community)));
        if (token != null && !RedisIds.isToken(token)) {
            LOG.warn("the calendar-feed token of {} is not a token and is ignored", community.key());
            return Optional.empty();
        }
        return Optional.ofNullable(token);
    }

    @Override
    public Optional<CommunityRef> community(String token) {
        if (!RedisIds.isToken(token)) {
            return Optional.empty();
        }
        String stored = redis.call(RedisKeys.feed(token), jedis -> jedis.get(RedisKeys.feed(token)));
        if (stored == null) {
            return Optional.empty();
        }
        CommunityRef community;
        try {
            community = RedisIds.parseCommunityId(stored);
        } catch (IllegalArgumentException e) {
            LOG.warn("a calendar-feed token names something that is not a community and is ignored: {}", e.getMessage());
            return Optional.empty();
        }
        String current = redis.call(RedisKeys.feedToken(community), jedis -> jedis.get(RedisKeys.feedToken(community)));
        // the token came from a request: compare without a timing that tells how much of it matched
        boolean named = current != null
                && MessageDigest.isEqual(current.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        return named ? Optional.of(community) : Optional.empty();
    }

    /**
     * Makes {@code token} the community's only token.
     *
     * @throws IllegalArgumentException when it is not 1 to 64 URL-safe base64 characters
     */
    @Override
    public void put(CommunityRef community, String token) {
        String tokenKey = RedisKeys.feed(token);
        String communityKey = RedisKeys.feedToken(community);
        String id = RedisIds.communityId(community);
        // the token's key and the community's are in two hash slots: each written on its own node, the token first
        redis.run(tokenKey, jedis -> jedis.set(tokenKey, id));
        String old = redis.call(communityKey, jedis -> jedis.setGet(communityKey, token));
        if (old != null && !old.equals(token) && RedisIds.isToken(old)) {
            String oldKey = RedisKeys.feed(old);
            redis.run(oldKey, jedis -> jedis.del(oldKey));
        }
    }
}
