package org.circlekeeper.app;

import org.circlekeeper.redis.RedisConnection;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports whether Redis answers, under {@code /actuator/health} as the {@code redis} component (and so in readiness),
 * with the topology the connection sees: {@code single}, {@code sentinel} or {@code cluster}, and the primary's address
 * (on a cluster, every primary's), never a password. During a Sentinel failover it is down until the sentinels have named
 * the new primary and it answers; on a cluster it is down while any primary does not answer.
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
        Health.Builder health = redis.ping() ? Health.up() : Health.down().withDetail("reason", "Redis does not answer PING");
        health.withDetail("topology", topology.shape()).withDetail("primary", topology.primary());
        if (topology.masterName() != null) {
            health.withDetail("master", topology.masterName());
        }
        return health.build();
    }
}
