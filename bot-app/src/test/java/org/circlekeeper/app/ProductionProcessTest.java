package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app in its own process, as a container or systemd runs it: with the json-logs profile every line on
 * standard error is one ECS JSON object; SIGTERM stops it gracefully (the scheduler stops, Redis closes) with
 * the exit code systemd's unit counts as clean.
 */
class ProductionProcessTest {

    @TempDir
    Path data;

    @Test
    void jsonLogsAndAGracefulStopOnSigterm() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CirclekeeperApplication.class.getName(),
                "--circlekeeper.console.enabled=false", "--circlekeeper.redis.embedded.port=0",
                "--circlekeeper.redis.embedded.data-dir=" + data.resolve("redis"), "--spring.profiles.active=json-logs",
                // the production logging configuration, as in the jar: the test class path also holds another
                // module's logback-test.xml, which Spring Boot would otherwise prefer
                "--logging.config=classpath:logback-spring.xml")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                err.lines().forEach(lines::add);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (lines.stream().noneMatch(l -> l.contains("scheduler: running due jobs"))) {
                assertThat(process.isAlive()).as("the app runs; it said:\n" + String.join("\n", lines)).isTrue();
                assertThat(System.nanoTime()).as("started within 180 s (a loaded machine is slow); it said:\n" + String.join("\n", lines)).isLessThan(deadline);
                Thread.sleep(100);
            }
            process.toHandle().destroy(); // SIGTERM, leaving its output readable (Process.destroy closes it)
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s of SIGTERM").isTrue();
            reader.join(10_000);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }

        assertThat(process.exitValue()).as("a JVM ended by SIGTERM exits with 143").isEqualTo(143);
        JsonMapper json = JsonMapper.builder().build();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            if (line.startsWith("SLF4J(")) {
                // SLF4J's own notice when another thread logs while it starts up (a race, before any log
                // configuration exists); not a log line of the app
                continue;
            }
            assertThat(line).as("every line on standard error is a JSON object; the process said:\n" + String.join("\n", lines))
                    .startsWith("{");
            JsonNode log = json.readTree(line);
            assertThat(log.path("ecs").path("version").asString()).as(line).isNotEmpty();
            assertThat(log.path("@timestamp").asString()).as(line).isNotEmpty();
            assertThat(log.path("message").asString()).as(line).isNotEmpty();
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("scheduler: stopped"))
                .anySatisfy(l -> assertThat(l).contains("embedded Redis on port").contains("stopped"));
    }
}
