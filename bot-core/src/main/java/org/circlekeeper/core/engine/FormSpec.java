package org.circlekeeper.core.engine;

import java.util.Map;
import java.util.Objects;

/** A form a feature asks a member to fill in (a Discord modal; a follow-up message elsewhere). */
public record FormSpec(String id, FormHandler handler) {

    public FormSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(handler, "handler");
    }

    /** What a feature runs when its form comes back. */
    @FunctionalInterface
    public interface FormHandler {
        void handle(Turn turn, Map<String, String> fields);
    }
}
