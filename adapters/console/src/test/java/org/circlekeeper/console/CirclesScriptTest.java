package org.circlekeeper.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The circles feature's "done means", as a console conversation ({@code scripts/circles.txt}) on the real bot:
 * an organiser plans a circle in Berlin, a member in New York says she's coming and picks a private reminder,
 * and as the virtual clock moves the channel reminders (in Berlin time) and the private one (in New York time)
 * appear at their moment, once; a skipped meeting gets none. The script runs once; each test reads a part of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CirclesScriptTest {

    private static final String CHANNEL_REMINDER = "[#circle-room] bot: Reminder: Tuesday circle";
    private static final String PRIVATE_REMINDER = "[dm alice] bot: A gentle reminder: Tuesday circle";
    private static final String CHANNEL_TAIL =
            "  Everyone is welcome. You can say below whether you'll come; only the organisers see it.";
    private static final String PRIVATE_TAIL =
            "  Come if you can; it's fine if today isn't the day. /remind changes these reminders.";

    private final ConsoleFixture bot = new ConsoleFixture();
    private List<String> out;

    @BeforeAll
    void runTheScript() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream script = Objects.requireNonNull(getClass().getResourceAsStream("/scripts/circles.txt"))) {
            new ConsoleAdapter(bot.session).runScripted(new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8)),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }
        // newer JDKs put a narrow no-break space before AM/PM in localized times
        out = bytes.toString(StandardCharsets.UTF_8).replace('\u202f', ' ').lines().toList();
    }

    @Test
    void theOrganiserPlansACircleInTheGroupsZone() {
        assertThat(after("> olivia @ #circle-room: /circle create \"Tuesday circle\" every tuesday 19:00")).containsExactly(
                "[#circle-room] bot: New circle: Tuesday circle (id tuesday-circle)",
                "  When: every Tuesday at 7:00 PM (Europe/Berlin)",
                "  Where: here in the group chat",
                "  First meeting: Tuesday, December 1, 2026, 7:00 PM (Europe/Berlin)",
                "  You can say now whether you'll come. Reminders: /remind",
                "  [1] I'm coming   [2] Not this time   [3] Maybe");
    }

    @Test
    void theMemberAnswersAndChoosesAReminderInHerOwnZone() {
        assertThat(after("> alice @ #circle-room: :click 1")).containsExactly(
                "[#circle-room → only alice] bot: Thank you. I noted that you're coming to Tuesday circle on "
                        + "Tuesday, December 1, 2026, 1:00 PM (America/New_York). Only the organisers see this.");
        assertThat(after("> alice @ #circle-room: /remind all 1h")).containsExactly(
                "[#circle-room → only alice] bot: Done: I'll remind you privately 1h before every meeting here.");
        assertThat(after("> alice @ #circle-room: /circles")).startsWith(
                "[#circle-room → only alice] bot: Coming up (times in America/New_York)",
                "  • Tuesday circle — Tuesday, December 1, 2026, 1:00 PM (America/New_York), here in the group chat — you're coming",
                "  • Tuesday circle — Tuesday, December 8, 2026, 1:00 PM (America/New_York), here in the group chat");
    }

    @Test
    void theChannelIsRemindedADayBeforeInTheGroupsZone() {
        assertThat(after("> alice @ #circle-room: :clock 2026-11-30T17:59")).containsExactly(
                "(console) the time is now Mon 2026-11-30 17:59 UTC.");
        assertThat(after("> alice @ #circle-room: :clock +1m")).containsExactly(
                "(console) the time is now Mon 2026-11-30 18:00 UTC.",
                CHANNEL_REMINDER,
                "  Tuesday, December 1, 2026, 7:00 PM (Europe/Berlin), here in the group chat",
                CHANNEL_TAIL,
                "  [4] I'm coming   [5] Not this time   [6] Maybe");
    }

    @Test
    void anHourBeforeTheMemberIsRemindedPrivatelyInHerZoneAndTheChannelInTheGroups() {
        assertThat(after("> alice @ #circle-room: :clock 2026-12-01T16:59")).containsExactly(
                "(console) the time is now Tue 2026-12-01 16:59 UTC.");
        assertThat(after("(console) the time is now Tue 2026-12-01 16:59 UTC.", "> alice @ #circle-room: :clock +1m")).containsExactly(
                "(console) the time is now Tue 2026-12-01 17:00 UTC.",
                PRIVATE_REMINDER,
                "  Tuesday, December 1, 2026, 1:00 PM (America/New_York), here in the group chat",
                PRIVATE_TAIL,
                "  [7] I'm coming   [8] Not this time   [9] Maybe",
                CHANNEL_REMINDER,
                "  Tuesday, December 1, 2026, 7:00 PM (Europe/Berlin), here in the group chat",
                CHANNEL_TAIL,
                "  [10] I'm coming   [11] Not this time   [12] Maybe");
    }

    @Test
    void nothingIsSentTwice() {
        assertThat(after("(console) the time is now Tue 2026-12-01 17:00 UTC.", "> alice @ #circle-room: :clock +1m")).containsExactly(
                "(console) the time is now Tue 2026-12-01 17:01 UTC.");
        assertThat(after("> alice @ #circle-room: :clock +1d")).containsExactly(
                "(console) the time is now Wed 2026-12-02 17:01 UTC.");
        assertThat(out.stream().filter(line -> line.startsWith("  Tuesday, December 1, 2026"))).containsExactly(
                "  Tuesday, December 1, 2026, 7:00 PM (Europe/Berlin), here in the group chat",
                "  Tuesday, December 1, 2026, 1:00 PM (America/New_York), here in the group chat",
                "  Tuesday, December 1, 2026, 7:00 PM (Europe/Berlin), here in the group chat");
    }

    @Test
    void aSkippedMeetingGetsNoReminderAndTheNextOneDoes() {
        assertThat(after("> olivia @ #circle-room: /circle skip tuesday-circle 2026-12-08")).containsExactly(
                "[#circle-room] bot: There's no Tuesday circle on Tuesday, December 8, 2026, 7:00 PM (Europe/Berlin). "
                        + "I won't send reminders for that one; the others stay as they are.");
        assertThat(after("> olivia @ #circle-room: :clock 2026-12-07T18:00")).containsExactly(
                "(console) the time is now Mon 2026-12-07 18:00 UTC.");
        assertThat(after("> olivia @ #circle-room: :clock 2026-12-08T17:00")).containsExactly(
                "(console) the time is now Tue 2026-12-08 17:00 UTC.");
        assertThat(after("> olivia @ #circle-room: :clock 2026-12-08T19:00")).containsExactly(
                "(console) the time is now Tue 2026-12-08 19:00 UTC.");
        assertThat(out).noneMatch(line -> line.contains("December 8") && !line.startsWith("  • ") && !line.contains("There's no"));

        assertThat(after("> olivia @ #circle-room: :clock 2026-12-14T18:00")).containsExactly(
                "(console) the time is now Mon 2026-12-14 18:00 UTC.",
                CHANNEL_REMINDER,
                "  Tuesday, December 15, 2026, 7:00 PM (Europe/Berlin), here in the group chat",
                CHANNEL_TAIL,
                "  [13] I'm coming   [14] Not this time   [15] Maybe");
        assertThat(after("> olivia @ #circle-room: :clock 2026-12-15T17:00")).containsExactly(
                "(console) the time is now Tue 2026-12-15 17:00 UTC.",
                PRIVATE_REMINDER,
                "  Tuesday, December 15, 2026, 1:00 PM (America/New_York), here in the group chat",
                PRIVATE_TAIL,
                "  [16] I'm coming   [17] Not this time   [18] Maybe",
                CHANNEL_REMINDER,
                "  Tuesday, December 15, 2026, 7:00 PM (Europe/Berlin), here in the group chat",
                CHANNEL_TAIL,
                "  [19] I'm coming   [20] Not this time   [21] Maybe");
    }

    @Test
    void fourChannelRemindersAndTwoPrivateOnesInAll() {
        assertThat(out.stream().filter(CHANNEL_REMINDER::equals)).hasSize(4);
        assertThat(out.stream().filter(PRIVATE_REMINDER::equals)).hasSize(2);
        assertThat(out).last().isEqualTo("(console) bye.");
    }

    /** The lines printed after the first occurrence of {@code line}, up to the next echoed input. */
    private List<String> after(String line) {
        return after(null, line);
    }

    /** The same, for the first occurrence of {@code line} after {@code anchor} (for inputs typed more than once). */
    private List<String> after(String anchor, String line) {
        int from = anchor == null ? 0 : out.indexOf(anchor);
        assertThat(from).as("line '%s' in the transcript", anchor).isNotNegative();
        int index = out.subList(from, out.size()).indexOf(line);
        assertThat(index).as("line '%s' in the transcript", line).isNotNegative();
        int start = from + index + 1;
        int end = start;
        while (end < out.size() && !out.get(end).startsWith("> ")) {
            end++;
        }
        return out.subList(start, end);
    }
}
