package org.circlekeeper.core.circle;

import java.util.Locale;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.template.MessageKey;

/** Renders messages for one audience, whether answering a turn or speaking first through the outbox. */
interface Speaker {

    String text(MessageKey key, Object... keyValues);

    Locale locale();

    static Speaker of(Turn turn) {
        return new Speaker() {
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

    static Speaker of(Outbox.Voice voice) {
        return new Speaker() {
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
