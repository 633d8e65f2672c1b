package org.circlekeeper.core.engine;

import java.util.Objects;
import java.util.regex.Pattern;
import org.circlekeeper.core.message.Button;

/**
 * A kind of button a feature puts under its messages. The button's action id is this spec's id, a
 * colon, and an argument that carries the button's state ({@code settings.tz:Europe/Berlin}).
 */
public record ActionSpec(String id, Audience audience, ActionHandler handler) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*\\.[a-z][a-z0-9-]*");

    public ActionSpec {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(handler, "handler");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("action id '" + id + "' must look like feature.action");
        }
    }

    /** A button for this action carrying {@code argument}. */
    public Button button(String label, String argument) {
        return Button.of(label, id + ":" + argument);
    }

    public Button button(String label, String argument, Button.Style style) {
        return new Button(label, id + ":" + argument, style);
    }

    /** What a feature runs when its button is pressed; {@code argument} is the text after the colon. */
    @FunctionalInterface
    public interface ActionHandler {
        void handle(Turn turn, String argument);
    }
}
