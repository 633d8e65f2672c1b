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

/** A group's first month with circles as a console conversation ({@code scripts/circles-first-month.txt}); the script runs once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CirclesFirstMonthScriptTest {

    private final ConsoleFixture bot = new ConsoleFixture();
    private String all;

    @BeforeAll
    void runTheScript() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream script = Objects.requireNonNull(getClass().getResourceAsStream("/scripts/circles-first-month.txt"))) {
            new ConsoleAdapter(bot.session).runScripted(new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8)),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }
        all = bytes.toString(StandardCharsets.UTF_8).replace('\u202f', ' ');
    }

    private List<String> botLines() {
        return all.lines().filter(line -> !line.startsWith("> ")).toList();
    }

    @Test
    void aForgottenNameOrAnOpenQuoteIsAskedForAndNothingIsCreated() {
        assertThat(all).contains("[#circle-room → only olivia] bot: I'm not sure what this circle is called: the name came out as "
                        + "\"every\", which reads as part of when it meets (every Tuesday at 7:00 PM (Europe/Berlin)). Nothing was created.")
                .contains("  Put the name first, in quotes: /circle create \"Your circle's name\" every tuesday 19:00")
                .contains("[#circle-room → only olivia] bot: The name you gave, \"Unclosed, opens a quote that never closes")
                .contains("[#circle-room → only olivia] bot: There are no circles yet.");
    }

    @Test
    void aRightToLeftOverrideInANameNeverReachesTheChat() {
        assertThat(all).as("the script does type one").contains("\u202E");
        assertThat(botLines()).noneMatch(line -> line.contains("\u202E"))
                .contains("[#circle-room] bot: New circle: Tuesday elcric (id tuesday-elcric)");
    }

    @Test
    void aMeetingIsNotMovedOntoAnother() {
        assertThat(all).contains("can't move to Tuesday, December 15, 2026, 7:00 PM (Europe/Berlin): Tuesday elcric already meets then")
                .contains("moves to Thursday, December 10, 2026, 7:00 PM (Europe/Berlin)")
                .contains("can't move to Thursday, December 10, 2026, 7:00 PM (Europe/Berlin): Tuesday elcric already meets then");
    }

    @Test
    void aHebrewNameHasAnIdOneCanTypeAndTheNameWorksToo() {
        assertThat(botLines()).contains("[#circle-room] bot: New circle: \u2068שלום עולם\u2069 (id slwm-wlm)",
                "[#circle-room → only olivia] bot: \u2068שלום עולם\u2069 (slwm-wlm)");
    }

    @Test
    void theOrganiserHearsWhichMeetingsFallWhereTheClocksChange() {
        assertThat(botLines()).contains(
                "  • Sunday, March 28, 2027, 2:30 AM doesn't exist there (the clocks jump forward), so that meeting starts at 3:30 AM.",
                "  • Sunday, October 31, 2027, 2:30 AM happens twice there (the clocks go back); the meeting is at the first one, "
                        + "2:30 AM UTC+02:00.");
    }
}
