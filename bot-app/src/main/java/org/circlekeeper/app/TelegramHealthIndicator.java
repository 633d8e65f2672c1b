package org.circlekeeper.app;

import org.circlekeeper.telegram.TelegramBot;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Reports whether Telegram answers the bot, under {@code /actuator/health} as the {@code telegram}
 * component: the mode, the bot's username, and why it is down when it is.
 */
@Component("telegram")
@Conditional(TelegramConfiguration.Wanted.class)
class TelegramHealthIndicator implements HealthIndicator {

    private final TelegramBot bot;

    TelegramHealthIndicator(TelegramBot bot) {
        this.bot = bot;
    }

    @Override
    public Health health() {
        TelegramBot.Health health = bot.health();
        Health.Builder builder = health.up() ? Health.up() : Health.down();
        builder.withDetail("mode", health.mode()).withDetail("detail", health.detail());
        if (health.bot() != null && !health.bot().isEmpty()) {
            builder.withDetail("bot", "@" + health.bot());
        }
        return builder.build();
    }
}
