package org.circlekeeper.core.gratitude;

import org.circlekeeper.core.ref.MessageCatalog;
import org.circlekeeper.core.ref.MessageKey;

/** The gratitude feature's messages ({@code templates/messages/<lang>/gratitude.yml}, in the test resources). */
final class GratitudeMessages {

    /** Every key this class declares, collected as declared. */
    static final MessageCatalog KEYS = MessageCatalog.of("gratitude");

    static final MessageKey CMD_GRATEFUL = KEYS.key("cmd.grateful");
    static final MessageKey CMD_GRATEFUL_EXAMPLE = KEYS.key("cmd.grateful.example");
    static final MessageKey OPT_LINE = KEYS.key("opt.grateful.line");

    static final MessageKey KEPT = KEYS.key("gratitude.kept", "count");
    static final MessageKey LIST = KEYS.key("gratitude.list", "lines", "lines.text");
    static final MessageKey EMPTY = KEYS.key("gratitude.empty");

    private GratitudeMessages() {
    }
}
