package org.circlekeeper.core.message;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A button under a message. Its action id carries its own state ({@code feature.action:argument}) and
 * fits the smallest platform limit (Telegram's 64 bytes of callback data), so no adapter keeps state.
 */
public record Button(String label, String actionId, Style style) {

    /** The strongest limit across platforms: Telegram callback_data is at most 64 bytes. */
    public static final int MAX_ACTION_BYTES = 64;

    /** How prominent a button is; adapters map it where the platform has styles. */
    public enum Style { PRIMARY, SECONDARY, DANGER }

    public Button {
        Objects.requireNonNull(style, "style");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a button needs a label");
        }
        if (actionId == null || actionId.isBlank()) {
            throw new IllegalArgumentException("a button needs an action id");
        }
        int bytes = actionId.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_ACTION_BYTES) {
            throw new IllegalArgumentException("action id '" + actionId + "' is " + bytes
                    + " bytes; keep it within " + MAX_ACTION_BYTES + " (store larger state server-side)");
        }
    }

    public static Button of(String label, String actionId) {
        return new Button(label, actionId, Style.SECONDARY);
    }
}
