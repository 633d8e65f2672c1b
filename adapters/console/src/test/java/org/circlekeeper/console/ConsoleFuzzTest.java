package org.circlekeeper.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The console's own directives never reach an internal error: {@code :as}, {@code :in}, {@code :click},
 * {@code :clock} and unknown directives get generated junk arguments (empty, huge, control characters, wrong
 * types, impossible times) from a fixed seed, mixed with commands; every line gets an answer from the console
 * or the bot, never the apology for something that went wrong, and the session goes on.
 */
class ConsoleFuzzTest {

    private static final long SEED = 20261203L;
    private static final int LINES = 3_000;
    private static final List<String> DIRECTIVES = List.of(":as", ":in", ":click", ":clock", ":who", ":help", ":x", ":AS", ":Clock");
    private static final List<String> JUNK = List.of("", " ", "\t", "\u0000", "\u001b[2J", "\u202e", "\ud83d\udc9c", "alice", "olivia",
            "organiser", "organizer", "member", "admin", "dm", "DM", "#circle-room", "#", "##", "#" + "r".repeat(70), "x".repeat(40),
            "-1", "0", "1", "2", "99999999999", "1.5", "NaN", "+1m", "+0m", "-1d", "+1d2h30m", "+99999999d", "+9999999999999999999d",
            "+", "++1h", "+1x", "+1d1d", "2026-12-01T19:00", "2026-12-01T19:00+02:00", "2026-12-01T19:00 Europe/Berlin",
            "2026-12-01T19:00 Mars/Base", "2026-02-30T10:00", "9999-12-31T23:59", "+999999999-12-31T23:59", "-999999999-01-01T00:00",
            "0000-01-01T00:00", "1970-01-01T00:00Z", "2026-12-01", "19:00", "now", "yesterday", "\"", "\\", "*", "@everyone", "y".repeat(300));

    private final Random random = new Random(SEED);

    @Test
    void noDirectiveOrCommandLineReachesAnInternalError() {
        ConsoleFixture bot = new ConsoleFixture();
        bot.session.handle(":as olivia organiser");
        bot.session.handle("/circle create \"Tuesday circle\" every tuesday 19:00");
        List<String> problems = new ArrayList<>();
        int tried = 0;
        while (tried < LINES && problems.size() < 20) {
            String line = random.nextInt(5) == 0
                    ? "/" + List.of("circle", "circles", "checkin", "timezone", "remind", "share").get(random.nextInt(6)) + " " + junk()
                    : DIRECTIVES.get(random.nextInt(DIRECTIVES.size())) + " " + junk() + (random.nextInt(3) == 0 ? " " + junk() : "");
            tried++;
            List<String> out;
            try {
                out = bot.session.handle(line);
            } catch (Throwable e) {
                problems.add(line + " -> threw " + e);
                continue;
            }
            if (out.isEmpty() && !ConsoleSession.isIgnored(line.strip())) {
                problems.add(line + " -> no answer");
            }
            if (out.stream().anyMatch(l -> l.contains("something went wrong"))) {
                problems.add(line + " -> " + out);
            }
            if (bot.session.ended()) {
                problems.add(line + " -> ended the session");
            }
        }
        System.out.println("ConsoleFuzzTest: tried " + tried + " generated console lines (seed " + SEED + "), " + problems.size() + " problems");
        assertThat(problems).isEmpty();
        assertThat(tried).isEqualTo(LINES);
    }

    private String junk() {
        return JUNK.get(random.nextInt(JUNK.size()));
    }
}
