package org.circlekeeper.redis;

import java.time.Duration;
import java.util.Objects;
import org.circlekeeper.core.message.OnceMarks;
import redis.clients.jedis.params.SetParams;

/** {@link OnceMarks} in Redis: {@code SET NX} with the window as expiry, so one replica of any number is first. */
public final class RedisOnceMarks implements OnceMarks {

    private final RedisConnection redis;

    public RedisOnceMarks(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public boolean first(String mark, Duration window) {
        Objects.requireNonNull(mark, "mark");
        if (window == null || window.toMillis() < 1) {
            throw new IllegalArgumentException("a mark needs a window of at least a millisecond");
        }
        String answer = redis.call(RedisKeys.onceMark(mark),
                jedis -> jedis.set(RedisKeys.onceMark(mark), "1", SetParams.setParams().nx().px(window.toMillis())));
        return "OK".equals(answer);
    }
}
