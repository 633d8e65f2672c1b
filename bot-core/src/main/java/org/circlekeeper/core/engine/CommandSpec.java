package org.circlekeeper.core.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.circlekeeper.core.ref.MessageKey;

/**
 * The one declarative description of a command: name, options, description, who may use it and
 * where. The engine checks against it and every adapter builds its command menu from it. A command
 * has either options and a handler, or subcommands (one level, as Discord allows). A command with
 * subcommands may name one that runs when a member types the command alone ({@code defaultSubcommand});
 * Discord always names one, so there it is offered like the others.
 */
public record CommandSpec(String name, MessageKey description, MessageKey example, Audience audience, Scope scope,
                          List<OptionSpec> options, List<CommandSpec> subcommands, CommandHandler handler,
                          String defaultSubcommand) {

    /** Lower-case, as both Discord and Telegram require; Telegram allows no hyphen. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    public CommandSpec {
        Objects.requireNonNull(description, "description of /" + name);
        Objects.requireNonNull(audience, "audience of /" + name);
        Objects.requireNonNull(scope, "scope of /" + name);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("command name '" + name + "' must be 1-32 lower-case letters, digits or _");
        }
        options = List.copyOf(options);
        subcommands = List.copyOf(subcommands);
        if (!subcommands.isEmpty() && (!options.isEmpty() || handler != null)) {
            throw new IllegalArgumentException("/" + name + " has subcommands, so its options and handler belong to them");
        }
        if (subcommands.isEmpty() && handler == null) {
            throw new IllegalArgumentException("/" + name + " needs a handler or subcommands");
        }
        Set<String> seen = new HashSet<>();
        boolean optionalSeen = false;
        for (OptionSpec option : options) {
            if (!seen.add(option.name())) {
                throw new IllegalArgumentException("/" + name + " has two options named '" + option.name() + "'");
            }
            if (option.required() && optionalSeen) {
                throw new IllegalArgumentException("/" + name + ": required option '" + option.name() + "' must come before the optional ones");
            }
            optionalSeen |= !option.required();
        }
        if (defaultSubcommand != null && subcommands.stream().noneMatch(s -> s.name().equals(defaultSubcommand))) {
            throw new IllegalArgumentException("/" + name + " has no subcommand '" + defaultSubcommand + "' to run by default");
        }
        for (CommandSpec sub : subcommands) {
            if (!seen.add(sub.name())) {
                throw new IllegalArgumentException("/" + name + " has two subcommands named '" + sub.name() + "'");
            }
            if (!sub.subcommands().isEmpty()) {
                throw new IllegalArgumentException("/" + name + " " + sub.name() + ": only one level of subcommands");
            }
        }
    }

    public static Builder command(String name, MessageKey description) {
        return new Builder(name, description);
    }

    public boolean hasSubcommands() {
        return !subcommands.isEmpty();
    }

    /** The subcommand with this name (any case), if there is one. */
    public Optional<CommandSpec> subcommand(String subName) {
        return subcommands.stream().filter(s -> s.name().equalsIgnoreCase(subName)).findFirst();
    }

    /** The subcommand that runs when the command is typed alone, if there is one. */
    public Optional<CommandSpec> defaultSubcommandSpec() {
        return defaultSubcommand == null ? Optional.empty() : subcommand(defaultSubcommand);
    }

    /**
     * The subcommand's name as members of a language may also type it, e.g. {@code historial}: the
     * description's key plus {@code .label}. Optional: where no label was written only the name is taken.
     */
    public MessageKey label() {
        return MessageKey.of(description.key() + ".label");
    }

    /** How the command is typed, with the options' token names, e.g. {@code /timezone [zone]}. */
    public String usage(String prefix) {
        return usage(prefix, OptionSpec::name);
    }

    /**
     * How the command is typed, with each option named as {@code label} says (the reader's
     * language), e.g. {@code /timezone [zona]}.
     */
    public String usage(String prefix, Function<OptionSpec, String> label) {
        return usage(prefix, name, label);
    }

    /** How the command is typed, itself called {@code shownName} (a subcommand's label in the reader's language). */
    public String usage(String prefix, String shownName, Function<OptionSpec, String> label) {
        StringBuilder out = new StringBuilder(prefix).append(shownName);
        for (OptionSpec option : options) {
            out.append(' ').append(option.required() ? "<" : "[").append(label.apply(option)).append(option.required() ? ">" : "]");
        }
        return out.toString();
    }

    /** All message keys this spec names (descriptions, examples, option descriptions and labels, choice labels). */
    public List<MessageKey> messageKeys() {
        List<MessageKey> keys = new ArrayList<>();
        keys.add(description);
        if (example != null) {
            keys.add(example);
        }
        options.forEach(o -> keys.addAll(o.messageKeys()));
        subcommands.forEach(s -> keys.addAll(s.messageKeys()));
        return keys;
    }

    /** Builds a command spec; the record's constructor validates the whole. */
    public static final class Builder {
        private final String name;
        private final MessageKey description;
        private MessageKey example;
        private Audience audience = Audience.MEMBER;
        private Scope scope = Scope.ANYWHERE;
        private final List<OptionSpec> options = new ArrayList<>();
        private final List<CommandSpec> subcommands = new ArrayList<>();
        private CommandHandler handler;
        private String defaultSubcommand;

        private Builder(String name, MessageKey description) {
            this.name = name;
            this.description = description;
        }

        public Builder example(MessageKey example) {
            this.example = example;
            return this;
        }

        public Builder audience(Audience audience) {
            this.audience = audience;
            return this;
        }

        public Builder scope(Scope scope) {
            this.scope = scope;
            return this;
        }

        public Builder option(OptionSpec option) {
            options.add(option);
            return this;
        }

        public Builder option(OptionSpec.Builder option) {
            return option(option.build());
        }

        /** A subcommand; it inherits this command's audience and scope unless it sets its own. */
        public Builder subcommand(CommandSpec sub) {
            subcommands.add(sub);
            return this;
        }

        /** The subcommand that runs when a member types the command alone (it must be one of the subcommands). */
        public Builder defaultSubcommand(String subName) {
            this.defaultSubcommand = subName;
            return this;
        }

        public Builder handler(CommandHandler handler) {
            this.handler = handler;
            return this;
        }

        public CommandSpec build() {
            return new CommandSpec(name, description, example, audience, scope, options, subcommands, handler, defaultSubcommand);
        }
    }
}
