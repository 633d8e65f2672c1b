package org.circlekeeper.redis;

import java.time.Duration;
import java.util.Objects;
import org.circlekeeper.core.platform.UpdateLog;
import org.circlekeeper.core.ref.Platform;
import redis.clients.jedis.params.SetParams;

/**
 * The {@link UpdateLog} of one platform on Redis: a claim is a {@code SET NX} with the lease as its expiry,
 * and a handled update's marker is kept for {@link UpdateLog#REMEMBERED}.
 */
public final class RedisUpdateLog implements UpdateLog {

    private static final String PROCESSING = "processing";
    private static final String DONE = "done";

    private final RedisConnection redis;
    private final Platform platform;

    public RedisUpdateLog(RedisConnection redis, Platform platform) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    @Override
    public boolean claim(String updateId, Duration lease) {
        if (lease.toMillis() < 1) {
            throw new IllegalArgumentException("a lease lasts at least a millisecond");
        }
        String key = RedisKeys.update(platform, updateId);
        return "OK".equals(redis.call(key, jedis -> jedis.set(key, PROCESSING, SetParams.setParams().nx().px(lease.toMillis()))));
    }

    @Override
    public void done(String updateId) {
        String key = RedisKeys.update(platform, updateId);
        redis.run(key, jedis -> jedis.set(key, DONE, SetParams.setParams().px(REMEMBERED.toMillis())));
    }
}
