package org.circlekeeper.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.redis.EmbeddedRedis;

/**
 * How many due reminders per second circlekeeper's Redis scheduler claims and delivers, and how late they run,
 * beside Quartz's in-memory scheduler doing the same work. A program that prints figures, not a test; run it with
 * {@code bench/run.sh} (see bench/README.md).
 *
 * <p>Each scheduler gets the same three runs: a <em>window</em> run, where the jobs fall due evenly over a window
 * that starts a few seconds after scheduling, to measure lateness at a steady arrival rate; a <em>sparse</em> run, a
 * few jobs a second over the same window, where the schedulers are idle between jobs (as the app is nearly always);
 * and a <em>drain</em> run, where every job is already due when the schedulers start, to measure raw throughput. The
 * Redis schedulers run in the app's configuration (see {@link RedisSchedulerRun}). The last lines hold the figures
 * against issue #15's targets: drain rate ratio ≥ 1.0, lateness p99 ≤ 50 ms.
 */
public final class SchedulerBenchmark {

    private static final PrintStream OUT = System.out;
    /** Issue #15's targets. */
    private static final double TARGET_DRAIN_RATIO = 1.0;
    private static final double TARGET_P99_MILLIS = 50;

    private SchedulerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int jobs = Integer.parseInt(options.getOrDefault("jobs", "100000"));
        Duration window = Duration.ofSeconds(Long.parseLong(options.getOrDefault("window", "25")));
        Duration lead = Duration.ofSeconds(Long.parseLong(options.getOrDefault("lead", "5")));
        int sparseJobs = Integer.parseInt(options.getOrDefault("sparse-jobs", "1000"));
        int instances = Integer.parseInt(options.getOrDefault("instances", "2"));
        // the app's default circlekeeper.scheduler.interval (SchedulerProperties)
        Duration interval = Duration.ofMillis(Long.parseLong(options.getOrDefault("interval-ms", "1000")));
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout", "120")));
        Workload workload = new Workload(jobs, window);
        Workload sparse = new Workload(sparseJobs, window);

        OUT.printf(Locale.ROOT, "circlekeeper scheduler benchmark: %,d reminder jobs (sparse run %,d), %d Redis scheduler "
                        + "instances (batch %d, lease %d s, waiting until the next due job, at most the interval of %d ms) "
                        + "vs Quartz RAMJobStore with %d worker threads; %d CPU cores, Java %s%n",
                jobs, sparseJobs, instances, Scheduler.BATCH,
                Bot.JOB_LEASE.toSeconds(), interval.toMillis(), instances,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        Path dir = Files.createTempDirectory("circlekeeper-bench-redis");
        try (EmbeddedRedis server = EmbeddedRedis.start(0, dir)) {
            RedisSchedulerRun redis = new RedisSchedulerRun(server.url(), instances, interval);
            QuartzSchedulerRun quartz = new QuartzSchedulerRun(server.url(), instances);

            Figures redisWindow = phase("Redis", "window", () -> redis.run(workload, Instant.now().plus(lead), timeout));
            Figures redisSparse = phase("Redis", "sparse", () -> redis.run(sparse, Instant.now().plus(lead), timeout));
            Figures redisDrain = phase("Redis", "drain", () -> redis.run(workload, alreadyDue(window), timeout));
            Figures quartzWindow = phase("Quartz", "window", () -> quartz.run(workload, Instant.now().plus(lead), timeout));
            Figures quartzSparse = phase("Quartz", "sparse", () -> quartz.run(sparse, Instant.now().plus(lead), timeout));
            Figures quartzDrain = phase("Quartz", "drain", () -> quartz.run(workload, alreadyDue(window), timeout));

            table(workload, lead, redisWindow, redisDrain, quartzWindow, quartzDrain);
            lateness(sparse, redisSparse, quartzSparse);
            targets(redisDrain, quartzDrain, redisWindow, redisSparse);
            summary(redisDrain, quartzDrain, redisWindow, quartzWindow, redisSparse, quartzSparse);
            exactlyOnce(List.of(redisWindow, redisSparse, redisDrain, quartzWindow, quartzSparse, quartzDrain));
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
    }

    private static void lateness(Workload sparse, Figures redis, Figures quartz) {
        OUT.printf(Locale.ROOT, "sparse run: %,d jobs due evenly over %d s (%,.0f per second), schedulers idle between%n",
                sparse.size(), sparse.window().toSeconds(), sparse.size() / (double) sparse.window().toSeconds());
        time("  lateness p50 (ms)", redis.p50LatenessMillis(), quartz.p50LatenessMillis(), "ms");
        time("  lateness p99 (ms)", redis.p99LatenessMillis(), quartz.p99LatenessMillis(), "ms");
        time("  lateness max (ms)", redis.maxLatenessMillis(), quartz.maxLatenessMillis(), "ms");
        time("  lateness min (ms; negative = early)", redis.minLatenessMillis(), quartz.minLatenessMillis(), "ms");
        once(redis, quartz);
    }

    /** The figures against issue #15's targets, each with its number whether met or not; then the exactly-once check. */
    private static void targets(Figures redisDrain, Figures quartzDrain, Figures redisWindow, Figures redisSparse) {
        double ratio = redisDrain.deliveredPerSecond() / quartzDrain.deliveredPerSecond();
        OUT.println();
        OUT.printf(Locale.ROOT, "target: drain delivered per second, Redis/Quartz >= %.1f: x %.2f (%s)%n", TARGET_DRAIN_RATIO,
                ratio, ratio >= TARGET_DRAIN_RATIO ? "met" : "MISSED");
        for (Figures run : List.of(redisWindow, redisSparse)) {
            double p99 = run.p99LatenessMillis();
            if (run.minLatenessMillis() > 1_000) {
                OUT.printf(Locale.ROOT, "  (the %s run's earliest job already ran %.1f s late: scheduling took longer than "
                        + "the lead on a busy machine, so its lateness is the backlog, not the scheduler's)%n",
                        run == redisWindow ? "window" : "sparse", run.minLatenessMillis() / 1000);
            }
            OUT.printf(Locale.ROOT, "target: lateness p99 in the app's configuration <= %.0f ms, %s run: %.1f ms (%s)%n",
                    TARGET_P99_MILLIS, run == redisWindow ? "window" : "sparse", p99,
                    p99 <= TARGET_P99_MILLIS ? "met" : "MISSED");
        }
        OUT.println();
    }

    /** Issue #15's scheduler figures, each beside Quartz's of the same run, for bench/all.sh's table. */
    private static void summary(Figures redisDrain, Figures quartzDrain, Figures redisWindow, Figures quartzWindow,
                                Figures redisSparse, Figures quartzSparse) {
        double ratio = redisDrain.deliveredPerSecond() / quartzDrain.deliveredPerSecond();
        Summary.figure("scheduler", Summary.f("drain, %,d jobs: delivered/s", redisDrain.jobs()),
                Summary.f("%,.0f", redisDrain.deliveredPerSecond()),
                Summary.f("Quartz RAMJobStore %,.0f", quartzDrain.deliveredPerSecond()), Summary.f("%.2f", ratio), "≥ 1.0",
                ratio >= TARGET_DRAIN_RATIO);
        lateness("sparse", redisSparse, quartzSparse);
        lateness("window", redisWindow, quartzWindow);
        Summary.figure("scheduler", "exactly once (duplicates / missing / marker already set, all runs)",
                (redisDrain.duplicates() + redisWindow.duplicates() + redisSparse.duplicates()) + " / "
                        + (redisDrain.missing() + redisWindow.missing() + redisSparse.missing()) + " / "
                        + (redisDrain.markerAlreadySet() + redisWindow.markerAlreadySet() + redisSparse.markerAlreadySet()),
                "Quartz " + (quartzDrain.duplicates() + quartzWindow.duplicates() + quartzSparse.duplicates()) + " / "
                        + (quartzDrain.missing() + quartzWindow.missing() + quartzSparse.missing()) + " / "
                        + (quartzDrain.markerAlreadySet() + quartzWindow.markerAlreadySet() + quartzSparse.markerAlreadySet()),
                "", "0 / 0 / 0", redisDrain.exactlyOnce() && redisWindow.exactlyOnce() && redisSparse.exactlyOnce());
    }

    private static void lateness(String run, Figures redis, Figures quartz) {
        boolean backlog = redis.minLatenessMillis() > 1_000;
        Summary.figure("scheduler", Summary.f("%s run, %,d jobs over %s: lateness p99 (app's configuration)%s", run, redis.jobs(),
                        "the window", backlog ? "; earliest job over 1 s late: scheduling outlasted the lead, a backlog" : ""),
                Summary.f("%.1f ms", redis.p99LatenessMillis()), Summary.f("Quartz %.1f ms", quartz.p99LatenessMillis()),
                quartz.p99LatenessMillis() > 0 ? Summary.f("%.2f", redis.p99LatenessMillis() / quartz.p99LatenessMillis()) : "",
                Summary.f("≤ %.0f ms", TARGET_P99_MILLIS), redis.p99LatenessMillis() <= TARGET_P99_MILLIS);
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

    private static void exactlyOnce(List<Figures> runs) {
        boolean allOnce = runs.stream().allMatch(Figures::exactlyOnce);
        OUT.println(allOnce ? "exactly once: every job ran once in every run"
                : "EXACTLY-ONCE VIOLATED: see the duplicate and missing rows");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || arg.indexOf('=') < 0) {
                throw new IllegalArgumentException("options look like --jobs=100000 --window=25 --lead=5 "
                        + "--sparse-jobs=1000 --instances=2 --interval-ms=1000 --timeout=120; not " + arg);
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
