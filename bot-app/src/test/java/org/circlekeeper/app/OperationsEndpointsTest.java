package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.core.schedule.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app as it runs in production (no console, a web port, a real embedded Redis): health reports Redis, the
 * liveness and readiness probes answer, the clock is real, the scheduler runs due jobs by itself, and
 * /actuator/prometheus shows the bot's own meters once the engine has handled a command.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"circlekeeper.console.enabled=false", "circlekeeper.redis.embedded.port=0", "circlekeeper.web.port=0",
                "circlekeeper.scheduler.interval=100ms"})
class OperationsEndpointsTest {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("circlekeeper.redis.embedded.data-dir", () -> data.resolve("redis").toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    Engine engine;
    @Autowired
    Scheduler scheduler;
    @Autowired
    Clock clock;

    private final Context alice = new Context(new MemberRef(Platform.CONSOLE, "alice", "Alice"),
            new ChannelRef(Platform.CONSOLE, "dm:alice", ChannelRef.Kind.DIRECT), new CommunityRef(Platform.CONSOLE, "local"),
            Role.MEMBER, null);

    @Test
    void healthReportsRedisAndTheProbesAnswer() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"redis\":{\"status\":\"UP\"");

        HttpResponse<String> liveness = get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"").contains("livenessState").doesNotContain("redis");

        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("readinessState").contains("\"redis\":{\"status\":\"UP\"");
    }

    @Test
    void withoutTheConsoleTheClockIsRealAndDueJobsRunByThemselves() throws Exception {
        assertThat(clock).isNotInstanceOf(VirtualClock.class);
        assertThat(Math.abs(clock.millis() - System.currentTimeMillis())).isLessThan(5_000);

        scheduler.queue().schedule(new Job("ops-test-1", "ops.nobody", Instant.now(), ""));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String line;
        do {
            Thread.sleep(100);
            line = metric(get("/actuator/prometheus").body(), "circlekeeper_jobs_total{", "kind=\"ops.nobody\"");
        } while (line == null && System.nanoTime() < deadline);
        assertThat(line).as("the runner claimed the job without any clock being moved").isNotNull()
                .contains("outcome=\"dropped\"").endsWith(" 1.0");
        assertThat(scheduler.queue().waiting()).isZero();
    }

    @Test
    void prometheusShowsCommandsByNameAndTheReservedMeters() throws Exception {
        engine.handle(Inbound.CommandInvoked.typed(alice, "timezone", "Europe/Berlin"));
        engine.handle(Inbound.CommandInvoked.typed(alice, "timezone", "Europe/Lisbon"));
        engine.handle(Inbound.CommandInvoked.typed(alice, "no-such-command-from-alice", ""));

        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(metric(body, "circlekeeper_commands_total{", "command=\"timezone\"", "outcome=\"done\"", "platform=\"console\""))
                .isNotNull().endsWith(" 2.0");
        assertThat(metric(body, "circlekeeper_commands_total{", "command=\"unknown\"", "outcome=\"unknown\"")).isNotNull().endsWith(" 1.0");
        assertThat(metric(body, "circlekeeper_checkins_total{", "platform=\"telegram\"")).isNotNull().endsWith(" 0.0");
        assertThat(metric(body, "circlekeeper_jobs_waiting{")).isNotNull();
        assertThat(metric(body, "circlekeeper_scheduler_errors_total{")).isNotNull().endsWith(" 0.0");
        assertThat(body).as("no member data in labels").doesNotContain("alice").doesNotContain("Berlin")
                .doesNotContain("no-such-command");
    }

    /** The first sample line of a meter that carries every given label, or null. */
    private static String metric(String body, String start, String... labels) {
        return body.lines().filter(l -> l.startsWith(start))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .findFirst().orElse(null);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
