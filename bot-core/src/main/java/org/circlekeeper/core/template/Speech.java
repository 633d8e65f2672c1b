package org.circlekeeper.core.template;

import java.util.Locale;
import org.circlekeeper.core.ref.MessageKey;

/**
 * Renders messages for one audience: a {@code Turn} answering an event, or an {@code Outbox.Voice}
 * speaking first. Code that builds texts for both takes a Speech.
 */
public interface Speech {

    /** The message in this audience's language, with the community's own wording where it has one. */
    String text(MessageKey key, Object... keyValues);

    Locale locale();
}
