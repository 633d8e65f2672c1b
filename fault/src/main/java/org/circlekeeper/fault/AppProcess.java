package org.circlekeeper.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real circlekeeper app: {@code java -jar bot-app/target/circlekeeper.jar} in a child process, on the suite's
 * Redis, with Telegram in webhook mode (as replicas behind a load balancer run it) against the suite's fake Bot API,
 * and its web port open for the webhook. Everything else is the app's default (the scheduler's interval, the 60 s
 * job lease); the one setting changed for speed is the bot-wide send rate, since the fake is not Telegram.
 */
final class AppProcess {

    static final String TOKEN = "4242:FAULT-suite-token_only";
    static final String SECRET = "fault-suite-webhook-secret";
    static final String WEBHOOK_PATH = "/telegram/webhook";
    /** Messages a second for the whole bot (Telegram's is 30): 10,000 reminders at 30 a second would take 6 minutes. */
    static final int GLOBAL_PER_SECOND = 1000;

    private final String name;
    private final int webPort;
    private final Path log;
    private final Process process;

    private AppProcess(String name, int webPort, Path log, Process process) {
        this.name = name;
        this.webPort = webPort;
        this.log = log;
        this.process = process;
    }

    static AppProcess start(String name, Path jar, Path work, String redisUrl, String noteKey, int telegramPort)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the app jar " + jar + " is missing: build it first (fault/run.sh does)");
        }
        int webPort = Ports.free();
        Path log = work.resolve("app-" + name + ".log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx384m", "-jar", jar.toString(),
                "--circlekeeper.redis.url=" + redisUrl,
                "--circlekeeper.security.note-key=" + noteKey,
                "--circlekeeper.console.enabled=false",
                "--circlekeeper.telegram.token=" + TOKEN,
                "--circlekeeper.telegram.api-url=http://127.0.0.1:" + telegramPort,
                "--circlekeeper.telegram.mode=webhook",
                "--circlekeeper.telegram.webhook.url=https://fault-suite.example.org" + WEBHOOK_PATH,
                "--circlekeeper.telegram.webhook.secret=" + SECRET,
                "--circlekeeper.telegram.limits.global-per-second=" + GLOBAL_PER_SECOND,
                "--circlekeeper.web.port=" + webPort));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> environment = builder.environment();
        // nothing of the caller's own circlekeeper settings (a real token, say) may reach the app under test
        environment.keySet().removeIf(key -> key.startsWith("CIRCLEKEEPER_") || key.startsWith("SPRING_"));
        Process process = Children.track(builder.start());
        return new AppProcess(name, webPort, log, process);
    }

    String name() {
        return name;
    }

    int webPort() {
        return webPort;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits until the app runs its scheduler and has registered its webhook. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String said = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (said.contains("scheduler: running due jobs") && said.contains("webhook registered")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("app " + name + " ended at start (exit " + process.exitValue() + "); see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("app " + name + " was not ready within " + timeout.toSeconds() + " s; see " + log);
            }
            Thread.sleep(250);
        }
    }

    /** SIGKILL: the app ends at once, mid-delivery, without its graceful stop; returns the exit code (137). */
    int kill() throws InterruptedException {
        return Children.sigkill(process);
    }

    /** SIGTERM, the graceful stop, then SIGKILL if it has not ended within 30 s. */
    void stop() throws InterruptedException {
        if (!process.isAlive()) {
            Children.forget(process);
            return;
        }
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        Children.forget(process);
    }

    Path log() {
        return log;
    }
}
