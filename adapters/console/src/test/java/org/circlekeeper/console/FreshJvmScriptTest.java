package org.circlekeeper.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A bot just started whose first circle command is a one-off meeting: run in a JVM of its own, because class
 * initialisation happens once per JVM and the other tests of this JVM have started lib-recur long before.
 * Once, the first one-off circle text made lib-recur's {@code RecurrenceRule} fail to start, so the one-off
 * circle was stored without an answer and every later circle command failed for everyone.
 */
class FreshJvmScriptTest {

    @Test
    void aOneOffCircleFirstAfterStartIsAnsweredAndEveryCircleCommandAfterItWorks() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ScriptMain.class.getName(), "/scripts/one-off-first.txt")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String transcript;
        try {
            transcript = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace('\u202f', ' ');
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the script ended").isTrue();
        } finally {
            process.destroyForcibly();
        }
        List<String> lines = transcript.lines().toList();

        assertThat(process.exitValue()).as("exit code; it said:\n" + transcript).isZero();
        assertThat(transcript).doesNotContain("something went wrong");
        assertThat(lines).contains("[#circle-room] bot: New circle: Once (id once)",
                "[#circle-room] bot: New circle: Weekly (id weekly)");
        assertThat(lines.stream().filter(l -> l.startsWith("  • Once — Saturday, November 28, 2026, 10:00 AM"))).hasSize(2);
        assertThat(lines.stream().filter(l -> l.startsWith("  • Weekly — Tuesday, December 1, 2026, 7:00 PM"))).hasSize(1);
        assertThat(lines).last().isEqualTo("(console) bye.");
    }
}
