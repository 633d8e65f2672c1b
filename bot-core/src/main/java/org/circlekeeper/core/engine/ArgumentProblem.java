package org.circlekeeper.core.engine;

import java.util.Map;
import org.circlekeeper.core.ref.MessageKey;

/** Why a command's arguments were refused, as a message to show the person; nothing was changed. */
final class ArgumentProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient MessageKey key;
    private final transient Map<String, Object> values;
    private final String option;

    ArgumentProblem(MessageKey key, Object... keyValues) {
        this(null, key, keyValues);
    }

    /** A problem with one option's value (or its absence): {@code option} is the option's name, for a form to mark. */
    ArgumentProblem(String option, MessageKey key, Object... keyValues) {
        super(key.key(), null, false, false);
        this.key = key;
        this.values = Turn.values(keyValues);
        this.option = option;
    }

    /** The option the problem is with, or null when it is with the command as a whole. */
    String option() {
        return option;
    }

    MessageKey key() {
        return key;
    }

    Map<String, Object> values() {
        return values;
    }
}
