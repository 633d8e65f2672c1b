package org.circlekeeper.app;

import org.circlekeeper.redis.RedisConnection;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Reports whether Redis answers, under {@code /actuator/health} as the {@code redis} component. */
@Component("redis")
class RedisHealthIndicator implements HealthIndicator {

    private final RedisConnection redis;

    RedisHealthIndicator(RedisConnection redis) {
        this.redis = redis;
    }

    @Override
    public Health health() {
        return redis.ping() ? Health.up().build() : Health.down().withDetail("reason", "Redis does not answer PING").build();
    }
}
