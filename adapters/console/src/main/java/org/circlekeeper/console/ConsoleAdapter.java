package org.circlekeeper.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link ConsoleSession} over real input and output: scripted mode reads lines (a file, or
 * standard input when it is not a terminal) and prints a transcript; interactive mode is a JLine
 * prompt with history and completion. Both share the session, so a script behaves exactly like
 * the same lines typed by hand.
 */
public final class ConsoleAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAdapter.class);

    /** How the console talks to the person: a terminal prompt, or a script read to its end. */
    public enum Mode { INTERACTIVE, SCRIPTED }

    private static final String BANNER = String.join("\n",
            "circlekeeper console: you play the people of a group, the bot answers as on a chat platform.",
            "Type /help for the bot's commands, or any message. :as olivia organiser switches person (and role),",
            ":in #circle-room or :in dm changes place, :click 1 presses a button, :clock +2h moves time,",
            ":help lists every directive and :quit ends. Tab completes directives and commands.");

    private final ConsoleSession session;
    private final AtomicBoolean handling = new AtomicBoolean();
    private volatile LineReader activeReader;

    public ConsoleAdapter(ConsoleSession session) {
        this.session = Objects.requireNonNull(session, "session");
        session.messenger().onOutput(this::showUnprompted);
    }

    /** Scripted without a console (input or output redirected), interactive with one. */
    public static Mode chooseMode(boolean consoleAttached) {
        return consoleAttached ? Mode.INTERACTIVE : Mode.SCRIPTED;
    }

    /** The mode for this process: {@code System.console() == null} means scripted. */
    public static Mode chooseMode() {
        return chooseMode(System.console() != null);
    }

    /** The interactive startup banner: one short paragraph on the directives. */
    public static String banner() {
        return BANNER;
    }

    /**
     * Runs the console as this process was started: with a script path as the first argument,
     * that script; otherwise standard input as a script when there is no console, or the system
     * terminal interactively (then {@code in} and {@code out} are not used).
     */
    public void run(List<String> args, InputStream in, PrintStream out) throws IOException {
        if (!args.isEmpty()) {
            try (BufferedReader script = Files.newBufferedReader(Path.of(args.get(0)), StandardCharsets.UTF_8)) {
                runScripted(script, out);
            }
        } else if (chooseMode() == Mode.SCRIPTED) {
            runScripted(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), out);
        } else {
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                runInteractive(terminal);
            }
        }
    }

    /**
     * Reads the script line by line until its end or {@code :quit}, echoing each input line as
     * {@code > alice @ #circle-room: /help} before what it caused; comments and empty lines are skipped.
     */
    public void runScripted(BufferedReader script, PrintStream out) throws IOException {
        LOG.debug("console running a script");
        String line;
        while (!session.ended() && (line = script.readLine()) != null) {
            session.unprompted().forEach(out::println);
            if (ConsoleSession.isIgnored(line)) {
                continue;
            }
            out.println(session.echo(line));
            session.handle(line).forEach(out::println);
        }
        session.unprompted().forEach(out::println);
        out.flush();
    }

    /**
     * Runs a prompt on the terminal until {@code :quit} or end of input (Ctrl-D); Ctrl-C clears the
     * line. Messages the bot sends by itself appear above the prompt as they arrive. The history
     * stays in memory only: what people type here may be personal.
     */
    public void runInteractive(Terminal terminal) {
        Objects.requireNonNull(terminal, "terminal");
        boolean dumb = terminal.getType() == null || terminal.getType().startsWith(Terminal.TYPE_DUMB);
        session.messenger().rendering(dumb ? ConsoleMessenger.Rendering.PLAIN : ConsoleMessenger.Rendering.ANSI);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("circlekeeper")
                .parser(literalParser())
                .completer(new ConsoleCompleter(session))
                .history(new DefaultHistory())
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        PrintWriter out = terminal.writer();
        out.println(BANNER);
        out.flush();
        LOG.debug("console running interactively on a {} terminal", terminal.getType());
        activeReader = reader;
        try {
            while (!session.ended()) {
                String line;
                try {
                    line = reader.readLine(session.prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                handling.set(true);
                try {
                    session.handle(line).forEach(out::println);
                } finally {
                    handling.set(false);
                }
                session.unprompted().forEach(out::println);
                out.flush();
            }
        } finally {
            activeReader = null;
        }
    }

    /**
     * A parser that takes the line as typed: no quotes, escapes or comments, so "it's" or a
     * trailing backslash in a message never make the prompt wait for more.
     */
    private static DefaultParser literalParser() {
        DefaultParser parser = new DefaultParser();
        parser.setQuoteChars(new char[0]);
        parser.setEscapeChars(new char[0]);
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnEscapedNewLine(false);
        return parser;
    }

    /**
     * Shows what the bot sent by itself while the person is at the prompt (a reminder from a
     * scheduler thread). While a typed line is being handled, the session prints it instead, after
     * that line's own output.
     */
    private void showUnprompted() {
        LineReader reader = activeReader;
        if (reader == null || handling.get()) {
            return;
        }
        List<String> lines = session.unprompted();
        if (!lines.isEmpty()) {
            reader.printAbove(String.join("\n", lines));
        }
    }
}
