package org.circlekeeper.core.engine;

import java.util.Map;
import org.circlekeeper.core.ref.MessageKey;

/** Why a command's arguments were refused, as a message to show the person; nothing was changed. */
final class ArgumentProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient MessageKey key;
    private final transient Map<String, Object> values;

    ArgumentProblem(MessageKey key, Object... keyValues) {
        super(key.key(), null, false, false);
        this.key = key;
        this.values = Turn.values(keyValues);
    }

    MessageKey key() {
        return key;
    }

    Map<String, Object> values() {
        return values;
    }
}
