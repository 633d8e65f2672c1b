package org.circlekeeper.console;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.OptionSpec;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion for the interactive console: directives and their arguments (people, places,
 * roles), and the commands this person may use here, taken from the engine's command specs like
 * every platform's command menu, down to subcommands and option choices or suggestions.
 */
final class ConsoleCompleter implements Completer {

    private final ConsoleSession session;

    ConsoleCompleter(ConsoleSession session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        Context context = session.context();
        if (index == 0) {
            ConsoleSession.directives().forEach(d -> candidates.add(new Candidate(d)));
            session.engine().commandsFor(context).forEach(c -> candidates.add(new Candidate("/" + c.name())));
            return;
        }
        String first = words.get(0).toLowerCase(Locale.ROOT);
        if (first.startsWith(":")) {
            directiveArguments(first, index, candidates);
        } else if (first.startsWith("/")) {
            commandArguments(first, words, index, line.word(), context, candidates);
        }
    }

    private void directiveArguments(String directive, int index, List<Candidate> candidates) {
        if (directive.equals(":as") && index == 1) {
            session.people().forEach(p -> candidates.add(new Candidate(p)));
        } else if (directive.equals(":as") && index == 2) {
            candidates.add(new Candidate("member"));
            candidates.add(new Candidate("organiser"));
        } else if (directive.equals(":in") && index == 1) {
            candidates.add(new Candidate(ConsoleSession.DM));
            session.channels().forEach(c -> candidates.add(new Candidate(c)));
        }
    }

    private void commandArguments(String first, List<String> words, int index, String partial, Context context,
                                  List<Candidate> candidates) {
        String name = first.substring(1);
        int at = name.indexOf('@');
        String commandName = at < 0 ? name : name.substring(0, at);
        Optional<CommandSpec> spec = session.engine().commandsFor(context).stream()
                .filter(c -> c.name().equals(commandName)).findFirst();
        if (spec.isEmpty()) {
            return;
        }
        CommandSpec command = spec.get();
        if (command.hasSubcommands()) {
            if (index == 1) {
                command.subcommands().forEach(s -> candidates.add(new Candidate(s.name())));
            } else if (index == 2) {
                command.subcommand(words.get(1)).ifPresent(sub -> firstOption(sub, partial, context, candidates));
            }
        } else if (index == 1) {
            firstOption(command, partial, context, candidates);
        }
    }

    private static void firstOption(CommandSpec spec, String partial, Context context, List<Candidate> candidates) {
        if (spec.options().isEmpty()) {
            return;
        }
        OptionSpec option = spec.options().get(0);
        option.choices().forEach(c -> candidates.add(new Candidate(c)));
        if (option.suggester() != null) {
            option.suggester().suggest(context, partial).forEach(s ->
                    candidates.add(new Candidate(s.value(), s.label(), null, null, null, null, true)));
        }
    }
}
