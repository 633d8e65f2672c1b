package org.circlekeeper.redis;

import java.time.Duration;
import java.util.Optional;
import org.circlekeeper.core.engine.PendingForms;
import org.circlekeeper.core.ref.MemberRef;
import redis.clients.jedis.params.SetParams;

/**
 * {@link PendingForms} in Redis: one string per member with the form id, expiring with the form's
 * window, and taken with {@code GETDEL} so that two replicas can never both take the same answer.
 */
public final class RedisPendingForms implements PendingForms {

    private final RedisConnection redis;

    public RedisPendingForms(RedisConnection redis) {
        this.redis = redis;
    }

    @Override
    public void await(MemberRef member, String formId, Duration ttl) {
        redis.run(RedisKeys.pendingForm(member),
                jedis -> jedis.set(RedisKeys.pendingForm(member), formId, SetParams.setParams().px(Math.max(1, ttl.toMillis()))));
    }

    @Override
    public Optional<String> take(MemberRef member) {
        return Optional.ofNullable(redis.call(RedisKeys.pendingForm(member),
                jedis -> jedis.getDel(RedisKeys.pendingForm(member))));
    }

    @Override
    public void clear(MemberRef member) {
        redis.run(RedisKeys.pendingForm(member), jedis -> jedis.del(RedisKeys.pendingForm(member)));
    }
}
