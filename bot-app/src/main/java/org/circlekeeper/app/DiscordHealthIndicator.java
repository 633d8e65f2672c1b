package org.circlekeeper.app;

import org.circlekeeper.discord.DiscordAdapter;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports whether every Discord shard of this replica is connected, under {@code /actuator/health}
 * as the {@code discord} component, with each shard's state ({@code CONNECTED}, {@code RECONNECT_QUEUED}, ...).
 */
class DiscordHealthIndicator implements HealthIndicator {

    private final DiscordAdapter adapter;

    DiscordHealthIndicator(DiscordAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public Health health() {
        return (adapter.connected() ? Health.up() : Health.down()).withDetail("shards", adapter.shardStatus()).build();
    }
}
