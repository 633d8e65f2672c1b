package org.circlekeeper.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.circlekeeper.redis.EmbeddedRedis;

/**
 * How many due reminders per second circlekeeper's Redis scheduler claims and delivers, and how late they run,
 * beside Quartz's in-memory scheduler doing the same work. A program that prints figures, not a test; run it with
 * {@code bench/run.sh} (see bench/README.md).
 *
 * <p>Each scheduler gets the same two runs: a <em>window</em> run, where the jobs fall due evenly over a window
 * that starts a few seconds after scheduling, to measure lateness at a steady arrival rate; and a <em>drain</em>
 * run, where every job is already due when the schedulers start, to measure raw throughput.
 */
public final class SchedulerBenchmark {

    private static final PrintStream OUT = System.out;

    private SchedulerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int jobs = Integer.parseInt(options.getOrDefault("jobs", "100000"));
        Duration window = Duration.ofSeconds(Long.parseLong(options.getOrDefault("window", "25")));
        Duration lead = Duration.ofSeconds(Long.parseLong(options.getOrDefault("lead", "5")));
        int instances = Integer.parseInt(options.getOrDefault("instances", "2"));
        Duration poll = Duration.ofMillis(Long.parseLong(options.getOrDefault("poll-ms", "20")));
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout", "120")));
        Workload workload = new Workload(jobs, window);

        OUT.printf(Locale.ROOT, "circlekeeper scheduler benchmark: %,d reminder jobs, %d Redis scheduler instances "
                        + "(idle poll %d ms) vs Quartz RAMJobStore with %d worker threads; %d CPU cores, Java %s%n",
                jobs, instances, poll.toMillis(), instances, Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        Path dir = Files.createTempDirectory("circlekeeper-bench-redis");
        try (EmbeddedRedis server = EmbeddedRedis.start(0, dir)) {
            RedisSchedulerRun redis = new RedisSchedulerRun(server.url(), instances, poll);
            QuartzSchedulerRun quartz = new QuartzSchedulerRun(server.url(), instances);

            Figures redisWindow = phase("Redis", "window", () -> redis.run(workload, Instant.now().plus(lead), timeout));
            Figures redisDrain = phase("Redis", "drain", () -> redis.run(workload, alreadyDue(window), timeout));
            Figures quartzWindow = phase("Quartz", "window", () -> quartz.run(workload, Instant.now().plus(lead), timeout));
            Figures quartzDrain = phase("Quartz", "drain", () -> quartz.run(workload, alreadyDue(window), timeout));

            table(workload, lead, redisWindow, redisDrain, quartzWindow, quartzDrain);
        } finally {
            deleteTree(dir);
        }
    }

    /** A start such that the whole window lies a second in the past: every job is due at once. */
    private static Instant alreadyDue(Duration window) {
        return Instant.now().minus(window).minusSeconds(1);
    }

    private interface Run {
        Figures go() throws Exception;
    }

    private static Figures phase(String system, String phase, Run run) throws Exception {
        System.gc();
        OUT.printf(Locale.ROOT, "... %s, %s run%n", system, phase);
        long began = System.nanoTime();
        Figures figures = run.go();
        OUT.printf(Locale.ROOT, "    done in %.1f s (scheduling %.1f s)%n", (System.nanoTime() - began) / 1e9,
                figures.scheduleSeconds());
        return figures;
    }

    private static void table(Workload workload, Duration lead, Figures redisWindow, Figures redisDrain,
                              Figures quartzWindow, Figures quartzDrain) {
        OUT.println();
        OUT.printf(Locale.ROOT, "%-44s %14s %20s %14s%n", "", "Redis queue", "Quartz RAMJobStore", "Redis/Quartz");
        OUT.printf(Locale.ROOT, "drain run: all %,d jobs due at start%n", workload.size());
        rate("  claimed per second", redisDrain.claimedPerSecond(), quartzDrain.claimedPerSecond());
        rate("  delivered per second", redisDrain.deliveredPerSecond(), quartzDrain.deliveredPerSecond());
        once(redisDrain, quartzDrain);
        OUT.printf(Locale.ROOT, "window run: due evenly over %d s, from %d s after scheduling (%,.0f per second)%n",
                workload.window().toSeconds(), lead.toSeconds(),
                workload.size() / (double) workload.window().toSeconds());
        rate("  delivered per second (first due to last)", redisWindow.deliveredPerSecond(),
                quartzWindow.deliveredPerSecond());
        time("  lateness p50 (ms)", redisWindow.p50LatenessMillis(), quartzWindow.p50LatenessMillis(), "ms");
        time("  lateness p99 (ms)", redisWindow.p99LatenessMillis(), quartzWindow.p99LatenessMillis(), "ms");
        time("  lateness max (ms)", redisWindow.maxLatenessMillis(), quartzWindow.maxLatenessMillis(), "ms");
        time("  lateness min (ms; negative = early)", redisWindow.minLatenessMillis(), quartzWindow.minLatenessMillis(),
                "ms");
        once(redisWindow, quartzWindow);
        time("scheduling all jobs (s)", redisWindow.scheduleSeconds(), quartzWindow.scheduleSeconds(), "s");
        boolean allOnce = redisWindow.exactlyOnce() && redisDrain.exactlyOnce() && quartzWindow.exactlyOnce()
                && quartzDrain.exactlyOnce();
        OUT.println();
        OUT.println(allOnce ? "exactly once: every job ran once in every run"
                : "EXACTLY-ONCE VIOLATED: see the duplicate and missing rows");
    }

    /** A rate: the last column is the ratio Redis/Quartz. */
    private static void rate(String label, double redis, double quartz) {
        OUT.printf(Locale.ROOT, "%-44s %14s %20s %14s%n", label, String.format(Locale.ROOT, "%,.0f", redis),
                String.format(Locale.ROOT, "%,.0f", quartz), String.format(Locale.ROOT, "x %.2f", redis / quartz));
    }

    /**
     * A lateness or a duration: the last column is the ratio Redis/Quartz when both are above zero (Quartz may fire
     * up to 2 ms early, which makes a ratio meaningless), else the difference.
     */
    private static void time(String label, double redis, double quartz, String unit) {
        String format = "s".equals(unit) ? "%,.2f" : "%,.1f";
        String compared = redis > 0 && quartz > 0 ? String.format(Locale.ROOT, "x %.2f", redis / quartz)
                : String.format(Locale.ROOT, "%+,.1f %s", redis - quartz, unit);
        OUT.printf(Locale.ROOT, "%-44s %14s %20s %14s%n", label, String.format(Locale.ROOT, format, redis),
                String.format(Locale.ROOT, format, quartz), compared);
    }

    private static void once(Figures redis, Figures quartz) {
        OUT.printf(Locale.ROOT, "%-44s %14s %20s%n", "  duplicates / missing / marker already set",
                redis.duplicates() + " / " + redis.missing() + " / " + redis.markerAlreadySet(),
                quartz.duplicates() + " / " + quartz.missing() + " / " + quartz.markerAlreadySet());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || arg.indexOf('=') < 0) {
                throw new IllegalArgumentException("options look like --jobs=100000 --window=25 --lead=5 "
                        + "--instances=2 --poll-ms=20 --timeout=120; not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
