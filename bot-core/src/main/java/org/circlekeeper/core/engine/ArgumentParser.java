package org.circlekeeper.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses and validates a command's arguments against its spec. Typed text is split into words
 * (double quotes group words); the last text option takes the rest of the line as typed.
 */
final class ArgumentParser {

    /** The command (or subcommand) that will run, with its validated values. */
    record Parsed(CommandSpec leaf, String path, Args args) {
    }

    private record Word(String text, int start, int end) {
    }

    private ArgumentParser() {
    }

    /**
     * @param turn whose language option names and choices are read and typed in
     */
    static Parsed parse(CommandSpec spec, Arguments arguments, Function<CommandSpec, String> examples, Turn turn) throws ArgumentProblem {
        if (arguments instanceof Arguments.Named named) {
            return parseNamed(spec, named, examples, turn);
        }
        return parseTyped(spec, ((Arguments.Typed) arguments).text().strip(), examples, turn);
    }

    private static Parsed parseTyped(CommandSpec spec, String text, Function<CommandSpec, String> examples, Turn turn) throws ArgumentProblem {
        CommandSpec leaf = spec;
        String path = "/" + spec.name();
        if (spec.hasSubcommands()) {
            List<Word> words = words(text);
            if (words.isEmpty()) {
                leaf = spec.defaultSubcommandSpec().orElseThrow(() -> new ArgumentProblem(EngineMessages.SUBCOMMAND_MISSING,
                        "command", "/" + spec.name(), "subcommands", subNames(spec, turn)));
            } else {
                String given = words.get(0).text();
                leaf = turn.subcommandTyped(spec, given).orElseThrow(() -> new ArgumentProblem(EngineMessages.SUBCOMMAND_UNKNOWN,
                        "command", "/" + spec.name(), "given", given, "subcommands", subNames(spec, turn)));
                text = text.substring(words.get(0).end()).strip();
            }
            path = path + " " + leaf.name();
        }
        Map<String, String> raw = new LinkedHashMap<>();
        List<Word> words = words(text);
        List<OptionSpec> options = leaf.options();
        int w = 0;
        for (int i = 0; i < options.size() && w < words.size(); i++) {
            OptionSpec option = options.get(i);
            boolean last = i == options.size() - 1;
            if (last && option.type() == OptionType.TEXT) {
                String rest = text.substring(words.get(w).start()).strip();
                if (w == words.size() - 1) {
                    rest = words.get(w).text();
                }
                raw.put(option.name(), rest);
                w = words.size();
            } else {
                raw.put(option.name(), words.get(w++).text());
            }
        }
        String usage = turn.usage(spec, leaf);
        String example = examples.apply(leaf);
        if (w < words.size()) {
            String extra = text.substring(words.get(w).start()).strip();
            throw new ArgumentProblem(EngineMessages.TOO_MANY_WORDS, "extra", extra, "usage", usage, "example", example);
        }
        return new Parsed(leaf, path, validate(leaf, raw, usage, example, turn));
    }

    private static Parsed parseNamed(CommandSpec spec, Arguments.Named named, Function<CommandSpec, String> examples, Turn turn) throws ArgumentProblem {
        CommandSpec leaf = spec;
        String path = "/" + spec.name();
        if (spec.hasSubcommands()) {
            if (named.subcommand() == null) {
                leaf = spec.defaultSubcommandSpec().orElseThrow(() -> new ArgumentProblem(EngineMessages.SUBCOMMAND_MISSING,
                        "command", "/" + spec.name(), "subcommands", subNames(spec, turn)));
            } else {
                leaf = spec.subcommand(named.subcommand()).orElseThrow(() -> new ArgumentProblem(EngineMessages.SUBCOMMAND_UNKNOWN,
                        "command", "/" + spec.name(), "given", named.subcommand(), "subcommands", subNames(spec, turn)));
            }
            path = path + " " + leaf.name();
        }
        String usage = turn.usage(spec, leaf);
        String example = examples.apply(leaf);
        for (String given : named.options().keySet()) {
            if (leaf.options().stream().noneMatch(o -> o.name().equals(given))) {
                throw new ArgumentProblem(given, EngineMessages.OPTION_UNKNOWN, "option", given, "usage", usage);
            }
        }
        Map<String, String> raw = new LinkedHashMap<>();
        named.options().forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                raw.put(k, v.strip());
            }
        });
        return new Parsed(leaf, path, validate(leaf, raw, usage, example, turn));
    }

    private static Args validate(CommandSpec leaf, Map<String, String> raw, String usage, String example, Turn turn) throws ArgumentProblem {
        Map<String, String> values = new LinkedHashMap<>();
        for (OptionSpec option : leaf.options()) {
            String value = raw.get(option.name());
            if (value == null || value.isEmpty()) {
                if (option.required()) {
                    throw new ArgumentProblem(option.name(), EngineMessages.OPTION_MISSING, "option", turn.label(option), "usage", usage, "example", example);
                }
                continue;
            }
            values.put(option.name(), check(option, value, turn));
        }
        return new Args(values);
    }

    private static String check(OptionSpec option, String value, Turn turn) throws ArgumentProblem {
        String label = turn.label(option);
        switch (option.type()) {
            case TEXT -> {
                int length = value.codePointCount(0, value.length());
                if (length > option.maxLength()) {
                    throw new ArgumentProblem(option.name(), EngineMessages.OPTION_TOO_LONG, "option", label, "max", option.maxLength(), "length", length);
                }
                if (length < option.minLength()) {
                    throw new ArgumentProblem(option.name(), EngineMessages.OPTION_TOO_SHORT, "option", label, "min", option.minLength());
                }
                return value;
            }
            case INTEGER -> {
                long number;
                try {
                    number = Long.parseLong(value.strip());
                } catch (NumberFormatException e) {
                    throw new ArgumentProblem(option.name(), EngineMessages.OPTION_NOT_A_NUMBER, "option", label, "value", shorten(value));
                }
                if (number < option.min() || number > option.max()) {
                    throw new ArgumentProblem(option.name(), EngineMessages.OPTION_OUT_OF_RANGE, "option", label, "min", option.min(), "max", option.max());
                }
                return Long.toString(number);
            }
            case CHOICE -> {
                return turn.choiceTyped(option, value)
                        .orElseThrow(() -> new ArgumentProblem(option.name(), EngineMessages.OPTION_NOT_A_CHOICE, "option", label,
                                "choices", option.choices().stream().map(c -> turn.choiceLabel(option, c)).collect(Collectors.joining(", "))));
            }
            default -> throw new IllegalStateException("unhandled option type " + option.type());
        }
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** The subcommands as the reader may type them: each one's label in their language, else its name. */
    private static String subNames(CommandSpec spec, Turn turn) {
        return spec.subcommands().stream().map(turn::subcommandLabel).collect(Collectors.joining(", "));
    }

    /** Splits on whitespace; a double-quoted run is one word without its quotes. */
    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            if (text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                if (close > i) {
                    words.add(new Word(text.substring(i + 1, close), start, close + 1));
                    i = close + 1;
                    continue;
                }
            }
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            words.add(new Word(text.substring(start, i), start, i));
        }
        return words;
    }
}
