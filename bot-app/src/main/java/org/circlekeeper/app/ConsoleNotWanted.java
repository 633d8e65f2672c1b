package org.circlekeeper.app;

import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The opposite of {@link ConsoleWanted}: the bot runs for a chat platform (or headless), so it keeps real time
 * and runs due jobs on a timer instead of on the console's {@code :clock}.
 */
class ConsoleNotWanted extends ConsoleWanted {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !super.matches(context, metadata);
    }
}
