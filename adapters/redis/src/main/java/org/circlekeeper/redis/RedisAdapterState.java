package org.circlekeeper.redis;

import org.circlekeeper.core.platform.AdapterState;
import org.circlekeeper.core.ref.Platform;

/**
 * A platform adapter's shared state on one Redis connection: the one place that puts it together, so the
 * application and the adapters' tests hand the adapter the same thing.
 */
public final class RedisAdapterState {

    private RedisAdapterState() {
    }

    /** The update log, role cache, reachability marks and send budget of {@code platform} on {@code redis}. */
    public static AdapterState create(RedisConnection redis, Platform platform) {
        return new AdapterState(new RedisUpdateLog(redis, platform), new RedisAdminCache(redis), new RedisReachability(redis),
                new RedisRateLimiter(redis, platform));
    }
}
