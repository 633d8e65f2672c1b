package org.circlekeeper.app;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The one place that chooses the bot's clock. Virtual time (a clock that stands still until the console's
 * {@code :clock} moves it, due jobs run after each move) only while the console is the bot's only way in; as soon
 * as a chat platform is connected, the bot keeps real time and runs due jobs on a timer, whether the console runs
 * beside it or not. Real members must never wait for a reminder that only a typed {@code :clock} would send.
 */
final class TimeChoice {

    private TimeChoice() {
    }

    /** True when a chat platform's token is set. */
    static boolean platformConnected(Environment environment) {
        for (String token : ConsoleWanted.PLATFORM_TOKENS) {
            String value = environment.getProperty(token);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The console alone: virtual time. */
    static final class Virtual implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return in(context.getEnvironment());
        }

        static boolean in(Environment environment) {
            return ConsoleWanted.in(environment) && !platformConnected(environment);
        }
    }

    /** A chat platform connected, or no adapter at all (headless, running due jobs): real time. */
    static final class Real implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new Virtual().matches(context, metadata);
        }
    }
}
