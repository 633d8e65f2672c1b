package org.circlekeeper.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.circlekeeper.core.member.MemberSettings;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleAdapterTest {

    private final ConsoleFixture bot = new ConsoleFixture();
    private final ConsoleAdapter adapter = new ConsoleAdapter(bot.session);

    @Test
    void theFoundationScriptRunsEndToEnd() throws IOException {
        List<String> out;
        try (InputStream script = Objects.requireNonNull(getClass().getResourceAsStream("/scripts/foundation.txt"))) {
            out = scripted(new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8)));
        }

        assertThat(out).first().isEqualTo("> alice @ #circle-room: :as alice");
        assertThat(out).as("comments and empty lines are not echoed").noneMatch(line -> line.contains("#  ") || line.isEmpty()
                || line.contains("Alice, in her private chat"));
        assertFollows(out, "> alice @ dm: /help", "[dm alice] bot: What you can do here:",
                "  • Settings: /start, /hello, /help, /timezone, /language, /country, /mydata, /forgetme");
        assertThat(after(out, "> alice @ dm: /timezone Europe/Berlin")).first().asString()
                .startsWith("[dm alice] bot: Done: your time zone is now Europe/Berlin. It's ");

        List<String> myData = after(out, "> alice @ dm: /mydata");
        assertThat(myData.subList(0, 4)).containsExactly(
                "[dm alice] bot: Here is a copy of everything I keep about you, in the attached file:",
                "  • Your settings: 1 item(s)",
                "  Your display name is kept only where others must see who you are: your answer to a meeting (for its organisers, "
                        + "until a week after it), a share circle while it runs, and the list of chair volunteers. The file names it in "
                        + "each of those places.",
                "  To erase it all, send /forgetme.");
        assertThat(myData.get(4)).matches("  \\(file circlekeeper-my-data\\.json, application/json, \\d+ bytes\\)");
        assertThat(myData.subList(5, myData.size())).first().isEqualTo("    {");
        assertThat(myData.subList(5, myData.size()))
                .allMatch(line -> line.startsWith("    "))
                .contains("      \"exportedAt\" : \"2026-11-27T09:00:00Z\",", "      \"userId\" : \"alice\",")
                .anyMatch(line -> line.contains("\"timeZone\" : \"Europe/Berlin\""));

        assertFollows(out, "> alice @ dm: /forgetme",
                "[dm alice] bot: This erases everything I keep about you, in every group: your settings and anything else you gave me. It cannot be undone.",
                "  Are you sure? (These buttons work for 10 minutes.)",
                "  [1] Yes, erase everything   [2] No, keep it",
                "> alice @ dm: :click 1",
                "[dm alice] bot (edit): Done. I erased everything I kept about you. If you use me again, I'll start fresh.",
                "> alice @ dm: :click 1",
                "[dm alice] bot: This button was already used or has expired, so nothing changed. Send /forgetme again if you want to erase your data.",
                "> alice @ dm: :as olivia organiser",
                "(console) you are olivia (organiser).",
                "> olivia @ dm: :in #circle-room",
                "(console) you are in #circle-room.",
                "> olivia @ #circle-room: /community timezone Europe/Madrid",
                "[#circle-room] bot: The group's time zone is now Europe/Madrid. Members who set their own keep theirs.",
                "> olivia @ #circle-room: :as alice",
                "(console) you are alice (member).",
                "> alice @ #circle-room: /community show",
                "[#circle-room → only alice] bot: /community is for the group's organisers. Nothing was changed.",
                "> alice @ #circle-room: :frobnicate",
                "(console) I don't know the directive :frobnicate. I know :as, :in, :click, :clock, :who, :help, :quit; :help explains them.",
                "> alice @ #circle-room: :click 42",
                "(console) there is no button 42; buttons 1 and 2 were shown so far. Nothing was sent.",
                "> alice @ #circle-room: :clock +2h",
                "(console) the time is now Fri 2026-11-27 11:00 UTC.",
                "> alice @ #circle-room: :who",
                "(console) you are alice (member) in #circle-room, in the community \"local\". It is Fri 2026-11-27 11:00 UTC.",
                "> alice @ #circle-room: :quit",
                "(console) bye.");
        assertThat(out).last().isEqualTo("(console) bye.");
        assertThat(bot.clock.instant()).isEqualTo(Instant.parse("2026-11-27T11:00:00Z"));
        MemberSettings alice = bot.memberSettings.get(
                new MemberRef(Platform.CONSOLE, "alice", "alice"));
        assertThat(alice.zoneSetting()).as("alice's time zone was erased").isEmpty();
        assertThat(alice.isEmpty()).as("after erasing she only wrote a refused command: nothing about her is stored again")
                .isTrue();
    }

    @Test
    void theReadmeShowsWhatTheFoundationScriptReallyPrints() throws IOException {
        List<String> out;
        try (InputStream script = Objects.requireNonNull(getClass().getResourceAsStream("/scripts/foundation.txt"))) {
            out = scripted(new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8)));
        }
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String example = readme.substring(readme.indexOf("## Example transcript"));
        example = example.substring(example.indexOf("```\n") + 4, example.lastIndexOf("\n```"));
        // newer JDKs put a narrow no-break space before AM/PM in localized times
        String actual = String.join("\n", out).replace('\u202f', ' ');

        assertThat(example).as("README.md's example transcript is out of date; replace it with:%n%s", actual).isEqualTo(actual);
    }

    @Test
    void aScriptStopsAtQuitAndAtItsEnd() throws IOException {
        assertThat(scripted(new BufferedReader(new StringReader(":quit\n/help\n")))).containsExactly(
                "> alice @ #circle-room: :quit", "(console) bye.");

        ConsoleAdapter another = new ConsoleAdapter(new ConsoleFixture().session);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        another.runScripted(new BufferedReader(new StringReader("# nothing but a comment")), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void whatTheBotSentByItselfBetweenLinesIsPrintedBeforeTheNextLine() throws IOException {
        bot.messenger.send(new Target.Channel(new ChannelRef(Platform.CONSOLE, "#circle-room", ChannelRef.Kind.GROUP)),
                OutgoingMessage.text("The circle starts in one hour.").build());

        assertThat(scripted(new BufferedReader(new StringReader(":in dm\n")))).containsExactly(
                "[#circle-room] bot: The circle starts in one hour.",
                "> alice @ #circle-room: :in dm",
                "(console) you are in your private chat with the bot (dm).");
    }

    @Test
    void runReadsTheScriptNamedAsFirstArgument(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("hello.txt");
        Files.writeString(script, "# say hello\n:in dm\nhello there\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        adapter.run(List.of(script.toString()), new ByteArrayInputStream(new byte[0]), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "> alice @ #circle-room: :in dm",
                "(console) you are in your private chat with the bot (dm).",
                "> alice @ dm: hello there",
                "[dm alice] bot: I'm here. Send /help to see what I can do for you.");
    }

    @Test
    void withoutAConsoleTheModeIsScripted() {
        assertThat(ConsoleAdapter.chooseMode(false)).isEqualTo(ConsoleAdapter.Mode.SCRIPTED);
        assertThat(ConsoleAdapter.chooseMode(true)).isEqualTo(ConsoleAdapter.Mode.INTERACTIVE);
        assertThat(ConsoleAdapter.chooseMode()).as("tests run without a console")
                .isEqualTo(System.console() == null ? ConsoleAdapter.Mode.SCRIPTED : ConsoleAdapter.Mode.INTERACTIVE);
    }

    @Test
    void interactiveModeTakesEachLineAsTypedAndStopsAtQuit() throws IOException {
        String typed = ":in dm\nit's fine! \"really\" \\\n:as bob!!\n/help\n:quit\n/never\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        try (Terminal terminal = dumbTerminal(typed, bytes)) {
            adapter.runInteractive(terminal);
        }

        List<String> printed = bytes.toString(StandardCharsets.UTF_8).lines()
                .map(line -> line.replaceFirst("^\\S+ @ \\S+> ", "")).toList();
        assertThat(printed).startsWith(ConsoleAdapter.banner().split("\n"));
        assertThat(printed).containsSubsequence(
                "(console) you are in your private chat with the bot (dm).",
                "[dm alice] bot: I'm here. Send /help to see what I can do for you.",
                "(console) \"bob!!\" can't be a name here; use one word of letters or digits, like alice.",
                "[dm alice] bot: What you can do here:",
                "(console) bye.");
        assertThat(printed).noneMatch(line -> line.contains("/never"));
        assertThat(bot.session.ended()).isTrue();
    }

    @Test
    void interactiveModeEndsAtEndOfInput() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        try (Terminal terminal = dumbTerminal(":in dm\n", bytes)) {
            adapter.runInteractive(terminal);
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("(console) you are in your private chat with the bot (dm).");
        assertThat(bot.session.ended()).isFalse();
    }

    @Test
    void completesDirectivesAndTheCommandsThisPersonMayUseHere() {
        assertThat(complete("")).contains(":as", ":in", ":click", ":clock", ":who", ":help", ":quit", "/help", "/mydata")
                .doesNotContain("/community");
        bot.session.handle(":as olivia organiser");
        assertThat(complete("")).contains("/community", "/wording");
        assertThat(complete("/community ")).containsExactly("show", "timezone", "language");
        assertThat(complete("/community language ")).contains("en", "es");
        assertThat(complete("/timezone Europe/Ber")).contains("Europe/Berlin");
        assertThat(complete(":as ")).containsExactly("alice", "olivia");
        assertThat(complete(":as alice ")).containsExactly("member", "organiser");
        assertThat(complete(":in ")).containsExactly("dm", "#circle-room");
        assertThat(complete("hello ")).isEmpty();
    }

    /** A terminal without a pty, fed with what is typed: the interactive path exactly, minus the keyboard. */
    private static Terminal dumbTerminal(String typed, ByteArrayOutputStream output) throws IOException {
        return new DumbTerminal("test", Terminal.TYPE_DUMB, new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                output, StandardCharsets.UTF_8);
    }

    private List<String> complete(String line) {
        List<Candidate> candidates = new ArrayList<>();
        new ConsoleCompleter(bot.session).complete(null, new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE),
                candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    private List<String> scripted(BufferedReader script) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        adapter.runScripted(script, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The lines after the first occurrence of a line. */
    private static List<String> after(List<String> lines, String line) {
        int index = lines.indexOf(line);
        assertThat(index).as("line '%s' in the transcript", line).isNotNegative();
        int end = index + 1;
        while (end < lines.size() && !lines.get(end).startsWith("> ")) {
            end++;
        }
        return lines.subList(index + 1, end);
    }

    /** Asserts that these lines come right after the given line, in order and with nothing between. */
    private static void assertFollows(List<String> lines, String line, String... following) {
        int index = lines.indexOf(line);
        assertThat(index).as("line '%s' in the transcript", line).isNotNegative();
        assertThat(lines.subList(index + 1, Math.min(lines.size(), index + 1 + following.length))).containsExactly(following);
    }
}
