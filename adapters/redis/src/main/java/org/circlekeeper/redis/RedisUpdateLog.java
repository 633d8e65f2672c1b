package org.circlekeeper.redis;

import java.time.Duration;
import java.util.Objects;
import org.circlekeeper.core.ref.Platform;
import redis.clients.jedis.params.SetParams;

/**
 * Lets each inbound update be processed once, even when the platform delivers it twice (a webhook retried
 * after a slow answer, a second replica, a restart that polls again). A replica {@link #claim claims} an
 * update before handling it, with a lease; only the first claim wins. When the work is {@link #done done}
 * the marker is kept for a day, so late repeats are still recognised; if the holder dies the lease runs out
 * and a repeat may be processed then.
 */
public final class RedisUpdateLog {

    /** How long a finished update is remembered: Telegram keeps undelivered updates for 24 hours. */
    public static final Duration REMEMBERED = Duration.ofHours(24);

    private static final String PROCESSING = "processing";
    private static final String DONE = "done";

    private final RedisConnection redis;
    private final Platform platform;

    public RedisUpdateLog(RedisConnection redis, Platform platform) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    /** True for the first claim of this update id (the caller processes it); false for every repeat. */
    public boolean claim(String updateId, Duration lease) {
        if (lease.toMillis() < 1) {
            throw new IllegalArgumentException("a lease lasts at least a millisecond");
        }
        String key = RedisKeys.update(platform, updateId);
        return "OK".equals(redis.call(jedis -> jedis.set(key, PROCESSING, SetParams.setParams().nx().px(lease.toMillis()))));
    }

    /** Marks a claimed update as processed, remembered for {@link #REMEMBERED}. */
    public void done(String updateId) {
        String key = RedisKeys.update(platform, updateId);
        redis.run(jedis -> jedis.set(key, DONE, SetParams.setParams().px(REMEMBERED.toMillis())));
    }
}
