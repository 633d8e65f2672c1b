package org.circlekeeper.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.circlekeeper.core.template.Markup;

/**
 * A platform-neutral message: text in neutral {@link Markup}, rows of buttons, who may see it, an
 * optional attachment, and an optional {@link FormRequest} (free text the member is asked for).
 * Adapters render it; features never see platform types.
 */
public record OutgoingMessage(String markup, List<List<Button>> buttonRows, Visibility visibility, Attachment attachment,
                              FormRequest form) {

    public OutgoingMessage {
        Objects.requireNonNull(markup, "markup");
        markup = Markup.balanceBidi(markup);
        Objects.requireNonNull(visibility, "visibility");
        buttonRows = buttonRows.stream().filter(r -> !r.isEmpty()).map(List::copyOf).toList();
    }

    public static Builder text(String markup) {
        return new Builder(markup);
    }

    public boolean hasButtons() {
        return !buttonRows.isEmpty();
    }

    /** All buttons, row by row, in reading order. */
    public List<Button> buttons() {
        return buttonRows.stream().flatMap(List::stream).toList();
    }

    public OutgoingMessage withVisibility(Visibility newVisibility) {
        return new OutgoingMessage(markup, buttonRows, newVisibility, attachment, form);
    }

    /** Builds a message row by row. */
    public static final class Builder {
        private final String markup;
        private final List<List<Button>> rows = new ArrayList<>();
        private List<Button> current = new ArrayList<>();
        private Visibility visibility = Visibility.PUBLIC;
        private Attachment attachment;
        private FormRequest form;

        private Builder(String markup) {
            this.markup = markup;
        }

        public Builder button(Button button) {
            current.add(button);
            return this;
        }

        public Builder button(String label, String actionId) {
            return button(Button.of(label, actionId));
        }

        /** Starts a new row of buttons. */
        public Builder row() {
            if (!current.isEmpty()) {
                rows.add(current);
                current = new ArrayList<>();
            }
            return this;
        }

        public Builder visibility(Visibility v) {
            this.visibility = v;
            return this;
        }

        public Builder attachment(Attachment a) {
            this.attachment = a;
            return this;
        }

        /** Asks the member for free text; the markup is the prompt shown where forms do not exist. */
        public Builder form(FormRequest request) {
            this.form = request;
            return this;
        }

        public OutgoingMessage build() {
            row();
            return new OutgoingMessage(markup, rows, visibility, attachment, form);
        }
    }
}
