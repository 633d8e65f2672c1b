package org.circlekeeper.core.circle;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A member's answer for one meeting. It is personal: organisers (and the chair) see it, members see
 * only their own, and it expires a week after the meeting.
 *
 * @param name the name the member had when answering, so organisers know who is coming; kept only
 *             with the answer and erased with it
 */
public record Rsvp(Answer answer, String name, Instant answeredAt) {

    /** The three answers a member can give. */
    public enum Answer {
        COMING("y"), NOT_THIS_TIME("n"), MAYBE("m");

        private final String code;

        Answer(String code) {
            this.code = code;
        }

        /** The one-letter code used in button action ids. */
        public String code() {
            return code;
        }

        public static Optional<Answer> fromCode(String code) {
            return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
        }
    }

    public Rsvp {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(answeredAt, "answeredAt");
        name = name == null ? "" : name;
    }
}
