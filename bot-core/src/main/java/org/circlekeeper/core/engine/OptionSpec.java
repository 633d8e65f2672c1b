package org.circlekeeper.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.circlekeeper.core.ref.MessageKey;

/**
 * One option of a command: its name, type, whether it is required, its limits and its description
 * template. On platforms where commands are typed, the last text option takes the rest of the line.
 * Its {@code name} and its choices are stable ASCII tokens for the code and the platforms; members
 * read (and may type) their labels in their own language: {@link #label()} and {@link #choiceLabel}.
 */
public record OptionSpec(String name, OptionType type, boolean required, MessageKey description,
                         int minLength, int maxLength, long min, long max, List<String> choices,
                         Suggester suggester) {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    /** A choice token is part of its label's message key. */
    private static final Pattern CHOICE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    public OptionSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("option name '" + name + "' must be 1-32 lower-case letters, digits, - or _");
        }
        choices = List.copyOf(choices);
        for (String choice : choices) {
            if (!CHOICE.matcher(choice).matches()) {
                throw new IllegalArgumentException("option '" + name + "': choice '" + choice + "' must be lower-case letters, digits or -");
            }
        }
        if (type == OptionType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice option '" + name + "' needs its choices");
        }
        if (type != OptionType.CHOICE && !choices.isEmpty()) {
            throw new IllegalArgumentException("only a choice option has choices ('" + name + "')");
        }
        if (minLength < 0 || maxLength < Math.max(1, minLength)) {
            throw new IllegalArgumentException("option '" + name + "': length limits " + minLength + ".." + maxLength + " make no sense");
        }
        if (min > max) {
            throw new IllegalArgumentException("option '" + name + "': min " + min + " is above max " + max);
        }
    }

    /** The option's name as members read it, e.g. in {@code /help}: the description's key plus {@code .label}. */
    public MessageKey label() {
        return MessageKey.of(description.key() + ".label");
    }

    /** A choice as members read it: the description's key plus {@code .choice.<token>}. */
    public MessageKey choiceLabel(String choice) {
        if (!choices.contains(choice)) {
            throw new IllegalArgumentException("option '" + name + "' has no choice '" + choice + "'");
        }
        return MessageKey.of(description.key() + ".choice." + choice);
    }

    /** Every message key this option names: description, label and one label per choice. */
    public List<MessageKey> messageKeys() {
        List<MessageKey> keys = new ArrayList<>(List.of(description, label()));
        choices.forEach(c -> keys.add(choiceLabel(c)));
        return keys;
    }

    public static Builder text(String name, MessageKey description) {
        return new Builder(name, OptionType.TEXT, description);
    }

    public static Builder integer(String name, MessageKey description) {
        return new Builder(name, OptionType.INTEGER, description);
    }

    public static Builder choice(String name, MessageKey description, List<String> choices) {
        return new Builder(name, OptionType.CHOICE, description).choices(choices);
    }

    /** Builds an option; limits default to what every platform accepts. */
    public static final class Builder {
        private final String name;
        private final OptionType type;
        private final MessageKey description;
        private boolean required;
        private int minLength = 0;
        private int maxLength = 200;
        private long min = Long.MIN_VALUE;
        private long max = Long.MAX_VALUE;
        private List<String> choices = List.of();
        private Suggester suggester;

        private Builder(String name, OptionType type, MessageKey description) {
            this.name = name;
            this.type = type;
            this.description = description;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder length(int minLength, int maxLength) {
            this.minLength = minLength;
            this.maxLength = maxLength;
            return this;
        }

        public Builder range(long min, long max) {
            this.min = min;
            this.max = max;
            return this;
        }

        public Builder choices(List<String> choices) {
            this.choices = choices;
            return this;
        }

        public Builder suggestions(Suggester suggester) {
            this.suggester = suggester;
            return this;
        }

        public OptionSpec build() {
            return new OptionSpec(name, type, required, description, minLength, maxLength, min, max, choices, suggester);
        }
    }
}
