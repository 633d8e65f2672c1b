package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The run command end to end: the app starts with no configuration but a data folder, runs the
 * console on a script (as with {@code java -jar circlekeeper.jar < script}), and stops when it ends.
 * A second run on the same folder finds what the first one stored.
 */
class ConsoleAppTest {

    @TempDir
    Path data;

    @Test
    void aScriptedConversationRunsThroughTheWholeAppAndSurvivesARestart() throws Exception {
        String first = run("""
                /help
                /help settings
                /timezone Europe/Berlni
                :click 1
                :as olivia organiser
                /community timezone Madrid
                :quit
                """);
        assertThat(first)
                .contains("> alice @ #circle-room: /help")
                .contains("[#circle-room → only alice] bot: What you can do here:")
                .contains("/timezone [zone] — See or set your time zone")
                .contains("[1] Europe/Berlin")
                .contains("Done: your time zone is now Europe/Berlin")
                .contains("[#circle-room] bot: The group's time zone is now Europe/Madrid.");

        String second = run("""
                :in dm
                /timezone
                /mydata
                """);
        assertThat(second).contains("Your time zone is Europe/Berlin").contains("\"timeZone\" : \"Europe/Berlin\"");
    }

    private String run(String script) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleConfiguration.ConsoleStreams streams = new ConsoleConfiguration.ConsoleStreams(
                new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8));
        Path scriptFile = data.resolve("script.txt");
        Files.writeString(scriptFile, script);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CirclekeeperApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("consoleStreams", streams))
                .run("--circlekeeper.redis.embedded.port=0", "--circlekeeper.redis.embedded.data-dir=" + data.resolve("redis"),
                        scriptFile.toString());
        assertThat(context.isActive()).as("the app stops when the console ends").isFalse();
        return out.toString(StandardCharsets.UTF_8);
    }
}
