package org.circlekeeper.redis;

import java.util.List;
import java.util.Objects;
import org.circlekeeper.core.gratitude.GratitudeStore;
import org.circlekeeper.core.ref.MemberRef;

/**
 * The test tree's gratitude feature's store on Redis, written as a new feature's store is: it names its own key
 * ({@code ck:m:{platform:userId}:gratitude:lines}, a list of at most {@link GratitudeStore#MAX_LINES} lines, oldest
 * first) with {@link RedisKeys#memberKey}, so RedisKeys needs no edit.
 */
final class RedisGratitudeStore implements GratitudeStore {

    private final RedisConnection redis;

    RedisGratitudeStore(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /** {@code ck:m:{platform:userId}:gratitude:lines}: the member's lines, oldest first. */
    static String key(MemberRef member) {
        return RedisKeys.memberKey(member, "gratitude:lines");
    }

    @Override
    public int add(MemberRef member, String line) {
        return redis.call(key(member), jedis -> {
            long size = jedis.rpush(key(member), line);
            jedis.ltrim(key(member), -MAX_LINES, -1);
            return (int) Math.min(size, MAX_LINES);
        });
    }

    @Override
    public List<String> lines(MemberRef member) {
        return redis.call(key(member), jedis -> jedis.lrange(key(member), 0, -1));
    }

    @Override
    public void erase(MemberRef member) {
        redis.run(key(member), jedis -> jedis.del(key(member)));
    }
}
