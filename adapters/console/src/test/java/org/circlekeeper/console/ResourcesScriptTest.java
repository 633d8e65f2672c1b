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
import org.junit.jupiter.api.Test;

/** Resource lookup and crisis lines as a member and an organiser would use them, through the console. */
class ResourcesScriptTest {

    @Test
    void searchOpenAddAndCrisisLookup() throws IOException {
        List<String> out = run("/scripts/resources.txt");

        assertThat(block(out, "> alice @ dm: /resource sleep"))
                .first().as("no country set: the UK's NHS page is left out").isEqualTo("[dm alice] bot: sleep — 1 to 5 of 5");
        assertThat(block(out, "> alice @ dm: /resource sleep"))
                .contains("  1. A wind-down routine for better sleep (technique) — Give your mind a slope down into sleep instead of a cliff."
                        + " A simple 30-minute routine for restless nights.")
                .anyMatch(l -> l.contains("Tell me yours with /country (e.g. /country Spain), or name the country in your search"));
        assertThat(block(out, "> alice @ dm: :click 1"))
                .first().isEqualTo("[dm alice] bot: A wind-down routine for better sleep (technique)");
        assertThat(block(out, "> alice @ dm: :click 1")).last().asString().contains("Id: wind-down-routine");

        List<String> crisis = block(out, "> alice @ dm: /crisis");
        assertThat(crisis).first().isEqualTo("[dm alice] bot: Crisis lines in Spain");
        assertThat(crisis).contains("  • Línea 024 de atención a la conducta suicida — call 024", "  Anywhere in the world",
                "  I'm a bot, not a counsellor, and I can't call anyone for you. If you are in immediate danger, call 112 now.",
                "  [6] A number here is outdated");

        assertThat(block(out, "> alice @ dm: /resource anxiety")).first().isEqualTo("[dm alice] bot: anxiety — 1 to 5 of 5");
        assertThat(block(out, "> alice @ dm: /resource anxiety")).noneMatch(l -> l.contains("SADAG") || l.contains("Beyond Blue"))
                .noneMatch(l -> l.contains("/country (e.g."));
        assertThat(block(out, "> alice @ dm: /resource anxiety South Africa")).element(1).asString().startsWith("  1. SADAG");

        List<String> japan = block(out, "> alice @ dm: /crisis Japan");
        assertThat(japan).contains("  • TELL Lifeline — call 03-5774-0992", "  [18] A number here is outdated")
                .anyMatch(l -> l.endsWith("If you are in immediate danger, call 119 (ambulance) or 110 (police) now."));
        List<String> bolivia = block(out, "> alice @ dm: /crisis Bolivia");
        assertThat(bolivia).anyMatch(l -> l.endsWith("call 118 (ambulance) or 110 (police) now."))
                .noneMatch(l -> l.contains("outdated")).noneMatch(l -> l.contains("local emergency number"));

        assertThat(block(out, "> alice @ dm: /resource anxeity")).anyMatch(l -> l.contains("Grounding with your senses: 5-4-3-2-1"));

        assertThat(block(out, "> olivia @ #circle-room: /resource add technique Walking together | We walk around the park after the"
                + " Thursday circle. | https://example.org/walk | walking, movement"))
                .first().asString().startsWith("[#circle-room → only olivia] bot: Added Walking together for this group (id: c-walking-together).");
        assertThat(block(out, "> alice @ dm: /resource walking")).element(1)
                .isEqualTo("  1. Walking together (technique, from this group) — We walk around the park after the Thursday circle.");
        assertThat(block(out, "> alice @ dm: /resource add technique Mine | not allowed"))
                .containsExactly("[dm alice] bot: /resource add is for the group's organisers. Nothing was changed.");
    }

    /** The output lines that follow an echoed input line, up to the next input. */
    static List<String> block(List<String> out, String input) {
        int start = out.indexOf(input);
        assertThat(start).as("'%s' in the transcript", input).isNotNegative();
        int end = start + 1;
        while (end < out.size() && !out.get(end).startsWith("> ")) {
            end++;
        }
        return out.subList(start + 1, end);
    }

    static List<String> run(String resource) throws IOException {
        ConsoleFixture bot = new ConsoleFixture();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream script = Objects.requireNonNull(ResourcesScriptTest.class.getResourceAsStream(resource))) {
            new ConsoleAdapter(bot.session).runScripted(new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8)),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
