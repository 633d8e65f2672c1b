package org.circlekeeper.core.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.circlekeeper.core.message.FormRequest;

/**
 * A form a feature asks a member to fill in (a Discord modal; a follow-up private message
 * elsewhere). The form id of a request is this spec's id, a colon, and the form's own state
 * ({@code checkin.note:2026-11-27}), like a button's action id.
 */
public record FormSpec(String id, FormHandler handler) {

    /**
     * The field name under which an answer given as a plain private message arrives: platforms
     * without forms ask only for the first field, so a feature reads its first field or this.
     */
    public static final String ANSWER = "answer";

    public FormSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(handler, "handler");
    }

    /** Builds a request for this form carrying {@code state}. */
    public FormRequest request(String state, String title,
                                                             List<FormRequest.Field> fields) {
        return new FormRequest(id + ":" + state, title, fields);
    }

    /** What a feature runs when its form comes back; {@code state} is what the request carried. */
    @FunctionalInterface
    public interface FormHandler {
        void handle(Turn turn, String state, Map<String, String> fields);
    }
}
