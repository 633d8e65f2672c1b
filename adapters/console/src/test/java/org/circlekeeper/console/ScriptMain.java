package org.circlekeeper.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Runs one console script from the test resources on the real bot ({@link ConsoleFixture}) and prints its
 * transcript: the program a test starts in a JVM of its own, when what it checks happens once per JVM.
 */
public final class ScriptMain {

    private ScriptMain() {
    }

    /** {@code args[0]}: the script's resource path, e.g. {@code /scripts/one-off-first.txt}. */
    public static void main(String[] args) throws IOException {
        ConsoleFixture bot = new ConsoleFixture();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (InputStream script = Objects.requireNonNull(ScriptMain.class.getResourceAsStream(args[0]), args[0])) {
            new ConsoleAdapter(bot.session).runScripted(new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8)), out);
        }
    }
}
