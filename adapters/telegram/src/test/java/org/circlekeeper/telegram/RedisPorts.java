package org.circlekeeper.telegram;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.redis.RedisAdminCache;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisRateLimiter;
import org.circlekeeper.redis.RedisReachability;
import org.circlekeeper.redis.RedisUpdateLog;

/** The adapter's ports on a real Redis, bridged as the application bridges them. */
final class RedisPorts {

    private RedisPorts() {
    }

    static SendBudget budget(RedisConnection redis) {
        RedisRateLimiter limiter = new RedisRateLimiter(redis, Platform.TELEGRAM);
        return new SendBudget() {
            @Override
            public Duration reserve(List<Quota> quotas) {
                return limiter.reserve(quotas.stream().map(RedisPorts::limit).toList());
            }

            @Override
            public void hold(Quota quota, Duration wait) {
                limiter.hold(limit(quota), wait);
            }
        };
    }

    static TelegramState state(RedisConnection redis) {
        RedisUpdateLog log = new RedisUpdateLog(redis, Platform.TELEGRAM);
        RedisAdminCache admins = new RedisAdminCache(redis);
        RedisReachability reachability = new RedisReachability(redis);
        return new TelegramState() {
            @Override
            public boolean claimUpdate(long updateId, Duration lease) {
                return log.claim(Long.toString(updateId), lease);
            }

            @Override
            public void updateDone(long updateId) {
                log.done(Long.toString(updateId));
            }

            @Override
            public Optional<Set<String>> admins(CommunityRef group) {
                return admins.admins(group);
            }

            @Override
            public void cacheAdmins(CommunityRef group, Collection<String> userIds, Duration ttl) {
                admins.put(group, userIds, ttl);
            }

            @Override
            public void forgetAdmins(CommunityRef group) {
                admins.forget(group);
            }

            @Override
            public boolean isUnreachable(MemberRef member) {
                return reachability.isUnreachable(member);
            }

            @Override
            public void markUnreachable(MemberRef member, Duration ttl) {
                reachability.markUnreachable(member, ttl);
            }

            @Override
            public void markReachable(MemberRef member) {
                reachability.markReachable(member);
            }
        };
    }

    private static RedisRateLimiter.Limit limit(SendBudget.Quota quota) {
        return new RedisRateLimiter.Limit(quota.bucket(), quota.interval(), quota.burst());
    }
}
