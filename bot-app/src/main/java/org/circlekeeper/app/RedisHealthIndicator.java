package org.circlekeeper.app;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisSubscriptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports whether Redis answers, under {@code /actuator/health} as the {@code redis} component (and so in readiness),
 * with the topology the connection sees: {@code single}, {@code sentinel} or {@code cluster}, and the primary's address
 * (on a cluster, every primary's), never a password. During a Sentinel failover it is down until the sentinels have named
 * the new primary and it answers; on a cluster it is down while any primary does not answer. It lists the long-lived
 * subscriptions (the settings cache's invalidations, the job queue's wake-ups: {@code idle}, {@code subscribed} or
 * {@code reconnecting}) and is down while one that started is not subscribed, so a replica that would miss an
 * invalidation or a wake-up after a failover shows it until both are back on the new primary.
 */
@Component("redis")
class RedisHealthIndicator implements HealthIndicator {

    private final RedisConnection redis;

    RedisHealthIndicator(RedisConnection redis) {
        this.redis = redis;
    }

    @Override
    public Health health() {
        RedisConnection.Topology topology = redis.topology();
        Map<String, String> subscriptions = new TreeMap<>();
        redis.subscriptions().states().forEach((name, state) -> subscriptions.put(name, state.name().toLowerCase(Locale.ROOT)));
        boolean listening = !subscriptions.containsValue(
                RedisSubscriptions.State.RECONNECTING.name().toLowerCase(Locale.ROOT));
        Health.Builder health;
        if (!redis.ping()) {
            health = Health.down().withDetail("reason", "Redis does not answer PING");
        } else if (!listening) {
            health = Health.down().withDetail("reason", "a subscription is not back yet, so a change or a wake-up may be missed");
        } else {
            health = Health.up();
        }
        health.withDetail("topology", topology.shape()).withDetail("primary", topology.primary())
                .withDetail("subscriptions", subscriptions);
        if (topology.masterName() != null) {
            health.withDetail("master", topology.masterName());
        }
        return health.build();
    }
}
