package org.circlekeeper.app;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The console runs when {@code circlekeeper.console.enabled} says so, and by default only while no
 * chat platform is configured (no Telegram or Discord token).
 */
class ConsoleWanted implements Condition {

    static final String[] PLATFORM_TOKENS = {"circlekeeper.telegram.token", "circlekeeper.discord.token"};

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return in(context.getEnvironment());
    }

    static boolean in(Environment environment) {
        String explicit = environment.getProperty("circlekeeper.console.enabled");
        if (explicit != null && !explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.strip());
        }
        for (String token : PLATFORM_TOKENS) {
            String value = environment.getProperty(token);
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
