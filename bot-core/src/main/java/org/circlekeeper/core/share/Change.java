package org.circlekeeper.core.share;

import java.util.List;
import org.circlekeeper.core.ref.MessageKey;

/** What a rule makes of one version of a session: a next version to store, or nothing to store. */
sealed interface Change {

    /** A private word for the person who acted: a kind refusal, or an acknowledgement. */
    record Note(MessageKey key, Object... values) {
    }

    /** Nothing changes; {@code note} (may be null) tells the person why, or that it is already so. */
    record Stay(Note note) implements Change {
    }

    /**
     * The next version, what the session should hear, and a private word for the person who acted (may be null).
     *
     * @param ends true when the session ends with this change (the closing began)
     */
    record Moved(ShareSession next, List<Event> events, Note ack, boolean ends) implements Change {
        public Moved {
            events = List.copyOf(events);
        }
    }

    static Stay stay(MessageKey key, Object... values) {
        return new Stay(new Note(key, values));
    }

    static Stay quietly() {
        return new Stay(null);
    }
}
