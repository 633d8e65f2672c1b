package org.circlekeeper.core.message;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A request for free text from the member (a check-in note, an anonymous share). Discord shows it as
 * a modal; platforms without forms show the prompt and take the member's next private message as
 * the answer, delivered to the feature as a {@code FormSubmitted}.
 *
 * @param formId the {@code FormSpec} id that receives the answer, with its state ({@code checkin.note:abc})
 */
public record FormRequest(String formId, String title, List<Field> fields) {

    /** One text field of a form. */
    public record Field(String name, String label, boolean multiline, boolean required, int maxLength) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
            if (maxLength < 1 || maxLength > 4000) {
                throw new IllegalArgumentException("a form field holds 1 to 4,000 characters (Discord's limit)");
            }
        }
    }

    public FormRequest {
        Objects.requireNonNull(formId, "formId");
        Objects.requireNonNull(title, "title");
        fields = List.copyOf(fields);
        if (fields.isEmpty() || fields.size() > 5) {
            throw new IllegalArgumentException("a form has 1 to 5 fields (Discord's limit)");
        }
        if (formId.getBytes(StandardCharsets.UTF_8).length > Button.MAX_ACTION_BYTES) {
            throw new IllegalArgumentException("form id '" + formId + "' must fit " + Button.MAX_ACTION_BYTES + " bytes");
        }
    }
}
