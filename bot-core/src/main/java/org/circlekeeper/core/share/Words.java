package org.circlekeeper.core.share;

import java.util.Locale;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.template.MessageKey;

/** Renders messages for one audience: the person of a turn, or a group channel the bot speaks in first. */
interface Words {

    String text(MessageKey key, Object... keyValues);

    Locale locale();

    static Words of(Turn turn) {
        return new Words() {
            @Override
            public String text(MessageKey key, Object... keyValues) {
                return turn.text(key, keyValues);
            }

            @Override
            public Locale locale() {
                return turn.locale();
            }
        };
    }

    static Words of(Outbox.Voice voice) {
        return new Words() {
            @Override
            public String text(MessageKey key, Object... keyValues) {
                return voice.text(key, keyValues);
            }

            @Override
            public Locale locale() {
                return voice.locale();
            }
        };
    }
}
