package org.circlekeeper.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.testing.InMemoryJobQueue;
import org.junit.jupiter.api.Test;

/**
 * The check-in script ({@code scripts/checkins.txt}) end to end through the console, as a person at
 * the keyboard plays a group: prompts at each member's own 09:00, a paused member, a note and a
 * shared line, a button from yesterday, a hard day, history, the pulse, and an erasure.
 */
class CheckinScriptTest {

    private static final CommunityRef LOCAL = new CommunityRef(Platform.CONSOLE, ConsoleSession.DEFAULT_COMMUNITY);
    private static final MemberRef ALICE = new MemberRef(Platform.CONSOLE, "alice", null);

    private final ConsoleFixture bot = new ConsoleFixture();
    private final ConsoleAdapter adapter = new ConsoleAdapter(bot.session);

    @Test
    void theCheckinScriptRunsEndToEnd() throws IOException {
        List<String> out = run();

        assertFollows(out, "> olivia @ #circle-room: /checkin setup days daily time 09:00 questions gentle",
                "[#circle-room] bot: Check-in prompts are set: every day at 09:00, in each member's own time zone, with the \"Gentle\" "
                        + "questions. Members who'd like them send /checkin prompts on (now: 0). Lines members choose to share will be posted here.");

        // a check-in with a note, and a line the member saw before it was posted
        assertFollows(out, "> alice @ dm: :click 3",
                "[dm alice] bot: Thank you for checking in. I saved ⛅ Okay for today.",
                "  This is your first check-in here. Welcome, I'm glad you're here. 🌱");
        assertFollows(out, "> alice @ dm: The walk this morning helped.",
                "[dm alice] bot: Your note is saved. It's encrypted; only you can read it, with /checkin edit or /mydata.");
        assertFollows(out, "> alice @ dm: Grateful for this group.",
                "[dm alice] bot: This is exactly what I'll post in the group:",
                "",
                "  ✅ alice checked in today. “Grateful for this group.”");
        assertFollows(out, "> alice @ dm: :click 11",
                "[dm alice] bot (edit): Posted in the group. Thank you for sharing.",
                "[#circle-room] bot: ✅ alice checked in today. “Grateful for this group.”");
        assertThat(out).filteredOn(line -> line.contains("walk")).as("the note is never shown again")
                .containsExactly("> alice @ dm: The walk this morning helped.");

        // prompts reach two members in two zones at their own 09:00; the paused member gets none
        assertFollows(out, "> alice @ dm: :clock 2026-11-27T14:00",
                "(console) the time is now Fri 2026-11-27 14:00 UTC.",
                "[dm bob] bot: How are you, really, today?",
                "  Tap how you are today; only you see this. (/checkin prompts off stops these, /checkin away pauses them.)",
                "  [13] ☀️ Great");
        assertFollows(out, "> bob @ dm: :clock 2026-11-28T08:00",
                "(console) the time is now Sat 2026-11-28 08:00 UTC.",
                "[dm alice] bot: How is your heart today?");
        assertThat(block(out, "> bob @ dm: :clock 2026-11-28T08:00")).noneMatch(line -> line.contains("[dm carol]"));
        assertThat(block(out, "> alice @ dm: :clock 2026-11-29T09:00")).contains(
                "[dm alice] bot: What kind of day is it for you so far?", "[dm carol] bot: What kind of day is it for you so far?");
        assertThat(out).filteredOn(line -> line.startsWith("[dm carol] bot: What kind")).hasSize(1);

        // yesterday's prompt changes nothing; today's is a hard day: kind words, Spain's lines, a streak
        assertFollows(out, "> alice @ dm: :click 23",
                "[dm alice] bot: Thank you for checking in. I saved 🌤️ Good for today.");
        assertThat(after(out, "> alice @ dm: :clock 2026-11-29T09:00")).contains(
                "[dm alice] bot: That was for Nov 28, 2026, and that day has passed, so nothing changed. Send /checkin to check in now.");
        List<String> hard = after(out, "> alice @ dm: :click 35");
        assertThat(hard.get(0)).isEqualTo("[dm alice] bot: Thank you for telling me how it really is. I'm so sorry today is this hard; "
                + "you don't have to carry it alone.");
        assertThat(hard.indexOf("  Crisis lines in Spain")).as("the crisis lines come first on the hardest day")
                .isPositive().isLessThan(hard.indexOf("  And some things that may help a little, right now:"));
        assertThat(hard).contains("  Crisis lines in Spain", "  • Línea 024 de atención a la conducta suicida — call 024",
                "[dm alice] bot: Thank you for checking in. I saved 🌧️ Really hard for today.",
                "  3 check-ins in a row. That's you showing up for yourself. 🌟");

        // history: a text chart in the message and a PNG beside it
        List<String> history = after(out, "> alice @ dm: /checkin history");
        assertThat(history).contains("  23 Nov – 29 Nov: · · · · ⛅ 🌤️ 🌧️",
                "  Check-ins in these four weeks: 3. You've checked in 3 day(s) in a row. "
                        + "You've been checking in with the group since Nov 27, 2026.");
        assertThat(history).anyMatch(line -> line.matches("  \\(file checkins\\.png, image/png, \\d+ bytes\\)"));

        // the pulse covers the last week that is over everywhere: on Sunday that is last week, hidden with too few members,
        // and eve's check-in between two pulses changes neither; on Tuesday, the week of 23-29 November shows totals only
        assertThat(out).filteredOn(line -> line.startsWith("[#circle-room → only olivia] bot: Fewer than 5 members checked in "
                + "during the last full week (Nov 16, 2026 – Nov 22, 2026)")).hasSize(2);
        List<String> pulse = lastPulse(out);
        assertThat(pulse).containsExactly(
                "[#circle-room → only olivia] bot: The group's pulse, Nov 23, 2026 – Nov 29, 2026",
                "  Check-ins: 7",
                "  ☀️ Great: 0 (0%)",
                "  🌤️ Good: 3 (43%) ████",
                "  ⛅ Okay: 2 (29%) ███",
                "  🌥️ Low: 1 (14%) █",
                "  🌧️ Really hard: 1 (14%) █",
                "  Average: 3.0 of 5. Too few check-ins the week before to compare.",
                "  Totals only: no names, no notes. Only you see this. The pulse covers whole weeks, Monday to Sunday, once "
                        + "they're over, so today's check-ins show up in next week's pulse.");

        // forgetme erases every check-in, the note, the prompt choice and the planned prompt
        assertFollows(out, "> alice @ dm: :click 61",
                "[dm alice] bot (edit): Done. I erased everything I kept about you. If you use me again, I'll start fresh.",
                "> alice @ dm: /checkin history",
                "[dm alice] bot: No check-ins in the last four weeks yet. Whenever you like, /checkin takes a moment.");
        assertThat(bot.checkins.communities(ALICE)).isEmpty();
        assertThat(bot.checkins.between(LOCAL, ALICE, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30))).isEmpty();
        assertThat(bot.checkins.prompted(LOCAL)).extracting(MemberRef::userId).containsExactlyInAnyOrder("bob", "carol");
        assertThat(((InMemoryJobQueue) bot.bot.scheduler().queue()).all())
                .noneMatch(job -> job.id().contains("alice") || job.payload().contains("alice"));
        assertThat(out).last().isEqualTo("(console) bye.");
    }

    private List<String> run() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream script = Objects.requireNonNull(getClass().getResourceAsStream("/scripts/checkins.txt"))) {
            adapter.runScripted(new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8)),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The lines after the first occurrence of {@code line}. */
    private static List<String> after(List<String> lines, String line) {
        int at = lines.indexOf(line);
        assertThat(at).as("the transcript has the line %s", line).isNotNegative();
        return lines.subList(at + 1, lines.size());
    }

    /** The lines after {@code line} up to the next input line. */
    private static List<String> block(List<String> lines, String line) {
        List<String> rest = after(lines, line);
        int end = 0;
        while (end < rest.size() && !rest.get(end).startsWith("> ")) {
            end++;
        }
        return rest.subList(0, end);
    }

    private static List<String> lastPulse(List<String> lines) {
        int at = lines.lastIndexOf("> olivia @ #circle-room: /pulse");
        return block(lines.subList(at, lines.size()), "> olivia @ #circle-room: /pulse");
    }

    private static void assertFollows(List<String> lines, String line, String... following) {
        List<String> rest = after(lines, line);
        assertThat(rest.subList(0, Math.min(following.length, rest.size()))).containsExactly(following);
    }
}
