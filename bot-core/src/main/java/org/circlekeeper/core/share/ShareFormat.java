package org.circlekeeper.core.share;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.circlekeeper.core.ref.MessageKey;

/**
 * How a share session runs: an ordered list of steps from a YAML file in
 * {@code templates/circle-formats}. Its texts are message keys, so every locale has them and each
 * community can word them its own way with {@code /wording}. The last step, and only the last, is
 * the closing.
 *
 * @param name  the format's name as members see it
 * @param about one line on what the format is for
 */
public record ShareFormat(String id, MessageKey name, MessageKey about, List<Step> steps) {

    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,23}");
    /** The longest time box a step or a turn may have. */
    public static final Duration MAX_LIMIT = Duration.ofHours(3);

    /** What kind of part of the meeting a step is, and which values its text is given. */
    public enum Kind {
        /** Welcome, the group's agreements, a confidentiality reminder. */
        OPENING("opening", "chair", "agreements"),
        /** Each person present in turn, in a fair order (a check-in, a celebration round). */
        ROUND("round"),
        /** Whoever raises a hand, in the order of the queue. */
        OPEN("open"),
        /** A reading, thanks and when the group meets next; the session ends with it. */
        CLOSING("closing", "next", "circle");

        private final String code;
        private final String[] params;

        Kind(String code, String... params) {
            this.code = code;
            this.params = params;
        }

        public String code() {
            return code;
        }

        /** The message key of a step text of this kind, with the values the code gives it. */
        MessageKey key(String key) {
            return MessageKey.of(key, params);
        }

        static Kind of(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown step kind '" + code + "' (opening, round, open or closing)");
        }

        /** True when people take turns with the talking piece in this kind of step. */
        public boolean hasTurns() {
            return this == ROUND || this == OPEN;
        }
    }

    /**
     * One step.
     *
     * @param limit     how long the step lasts before the bot moves on (opening, open sharing), or null
     * @param turnLimit how long one turn lasts before a gentle notice (rounds, open sharing), or null; never a cut-off
     */
    public record Step(Kind kind, MessageKey text, Duration limit, Duration turnLimit) {
        public Step {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
            if (limit != null && (kind == Kind.ROUND || kind == Kind.CLOSING)) {
                throw new IllegalArgumentException("a " + kind.code() + " step has no time box of its own (turns may have one)");
            }
            if (turnLimit != null && !kind.hasTurns()) {
                throw new IllegalArgumentException("a " + kind.code() + " step has no turns to time");
            }
            checkLimit(limit);
            checkLimit(turnLimit);
        }

        private static void checkLimit(Duration limit) {
            if (limit != null && (limit.compareTo(Duration.ofMinutes(1)) < 0 || limit.compareTo(MAX_LIMIT) > 0)) {
                throw new IllegalArgumentException("a time box lasts from 1 minute to 3 hours, not " + limit);
            }
        }
    }

    public ShareFormat {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(about, "about");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("format id '" + id + "' must be lower-case letters, digits or hyphens");
        }
        steps = List.copyOf(steps);
        if (steps.size() < 2) {
            throw new IllegalArgumentException("format " + id + " needs at least one step and a closing");
        }
        for (int i = 0; i < steps.size(); i++) {
            boolean closing = steps.get(i).kind() == Kind.CLOSING;
            if (closing != (i == steps.size() - 1)) {
                throw new IllegalArgumentException("format " + id + ": the closing is the last step, and only the last");
            }
        }
    }

    public Step step(int index) {
        return steps.get(index);
    }

    /** The index of the closing step (the last). */
    public int closing() {
        return steps.size() - 1;
    }
}
