package org.circlekeeper.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.circlekeeper.redis.EmbeddedRedis;
import org.circlekeeper.redis.RedisConnection;

/**
 * "A month of a thousand groups": the {@link MonthSimulation} at several sizes on one embedded Redis, printing events
 * per second, reminders due (from the circles' schedules) beside those delivered, Redis memory per community on the
 * first and the last simulated day, each event type's p50 and p99, and how the cost grows with the number of
 * communities. A program that prints figures, not a test; see bench/README.md.
 */
public final class ScaleBenchmark {

    private static final PrintStream OUT = System.out;
    /** The default sizes (communities:days): they finish in a few minutes on two cores. */
    static final String DEFAULT_SIZES = "100:30,1000:3";
    /** {@code --full}: the whole month for a thousand, and ten thousand for as many days as the machine bears. */
    static final String FULL_SIZES = "100:30,1000:30,10000:3";

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("--full")) {
                options.put("sizes", FULL_SIZES);
            } else if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("options look like --sizes=100:30,1000:3 --members=30 --tick-minutes=10 --warmup=10:2 "
                        + "or --full; got " + arg);
            }
        }
        List<int[]> sizes = new ArrayList<>();
        for (String size : options.getOrDefault("sizes", DEFAULT_SIZES).split(",")) {
            String[] parts = size.split(":");
            sizes.add(new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 30});
        }
        int members = Integer.parseInt(options.getOrDefault("members", "30"));
        Duration tick = Duration.ofMinutes(Long.parseLong(options.getOrDefault("tick-minutes", "10")));

        OUT.printf(Locale.ROOT, "circlekeeper scale simulation: communities of %d members, 3 weekly circles with channel "
                        + "reminders 1d and 1h before and RSVPs, daily check-in prompts at 09:00, a share circle every Sunday, "
                        + "3 resource searches and a /next a day; virtual clock in %d-minute ticks; one engine and one "
                        + "scheduler on one thread; %d CPU cores, Java %s; load average before: %s%n",
                members, tick.toMinutes(), Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());
        Path dir = Files.createTempDirectory("circlekeeper-bench-redis");
        List<MonthSimulation.Result> results = new ArrayList<>();
        try (EmbeddedRedis server = EmbeddedRedis.start(0, dir); RedisConnection redis = new RedisConnection(server.url())) {
            String[] warmup = options.getOrDefault("warmup", "10:2").split(":");
            if (Integer.parseInt(warmup[0]) > 0) {
                // the JIT compiles the hot paths and every class loads before anything is measured; its figures are dropped
                OUT.printf(Locale.ROOT, "... warming up: %s communities, %s days (not counted)%n", warmup[0], warmup[1]);
                new MonthSimulation(redis, Integer.parseInt(warmup[0]), members, Integer.parseInt(warmup[1]), tick).run();
            }
            for (int[] size : sizes) {
                OUT.printf(Locale.ROOT, "... %,d communities, %d days%n", size[0], size[1]);
                MonthSimulation.Result result = new MonthSimulation(redis, size[0], members, size[1], tick).run();
                results.add(result);
                OUT.printf(Locale.ROOT, "    done in %.0f s (load average %s)%n", result.wallSeconds(), loadAverage());
                result.problems().forEach(p -> OUT.println("    PROBLEM: " + p));
            }
        } finally {
            deleteTree(dir);
        }
        print(results);
    }

    private static void print(List<MonthSimulation.Result> results) {
        OUT.println();
        OUT.println("| communities | days | events | events/s | jobs run | jobs/s | bot sends (edits) | reminders due | delivered "
                + "| lost | doubled | not due | Redis/community day 1 | last day | keys day 1 | last day | expired (virtual) | wall |");
        OUT.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
                + "| ---: | ---: |");
        for (MonthSimulation.Result r : results) {
            OUT.printf(Locale.ROOT, "| %,d | %d | %,d | %,.0f | %,d | %,.0f | %,d (%,d) | %,d | %,d | %d | %d | %d | %s | %s | %,d | %,d "
                            + "| %,d | %.0f s |%n",
                    r.communities(), r.days(), r.events(), r.eventsPerSecond(), r.jobs(), r.jobs() / r.jobSeconds(), r.sends(),
                    r.edits(), r.remindersDue(), r.remindersDelivered(), r.lost(), r.doubled(), r.unexpected(),
                    kib(r.bytesPerCommunity(r.day1Bytes())), kib(r.bytesPerCommunity(r.lastDayBytes())), r.keysDay1(),
                    r.keysLastDay(), r.expiredKeys(), r.wallSeconds());
        }
        for (MonthSimulation.Result r : results) {
            if (r.days() < 30) {
                OUT.printf(Locale.ROOT, "Note: %,d communities ran %d day(s), not a month (scaled down to finish in time); its "
                        + "\"last day\" memory is day %d's, not day 30's.%n", r.communities(), r.days(), r.days());
            }
        }
        MonthSimulation.Result first = results.get(0);
        summary(results, first);
        OUT.println();
        OUT.println("Cost as the communities grow (beside the first size, per event and per community-day):");
        OUT.println("| communities | events/s ÷ first | ms of engine per community-day | ÷ first | ms of scheduler per community-day "
                + "| ÷ first |");
        OUT.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
        for (MonthSimulation.Result r : results) {
            OUT.printf(Locale.ROOT, "| %,d | %.2f | %.2f | %.2f | %.2f | %.2f |%n", r.communities(),
                    r.eventsPerSecond() / first.eventsPerSecond(), perCommunityDay(r, r.eventSeconds()),
                    perCommunityDay(r, r.eventSeconds()) / perCommunityDay(first, first.eventSeconds()),
                    perCommunityDay(r, r.jobSeconds()), perCommunityDay(r, r.jobSeconds()) / perCommunityDay(first, first.jobSeconds()));
        }
        for (MonthSimulation.Result r : results) {
            OUT.println();
            OUT.printf(Locale.ROOT, "Event types, %,d communities (slowest p99 first):%n", r.communities());
            OUT.println("| event | count | p50 ms | p99 ms | max ms |");
            OUT.println("| --- | ---: | ---: | ---: | ---: |");
            r.latencies().entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> percentile(e.getValue(), 0.99)).reversed())
                    .forEach(e -> OUT.printf(Locale.ROOT, "| %s | %,d | %.2f | %.2f | %.1f |%n", e.getKey(), e.getValue().length,
                            percentile(e.getValue(), 0.50) / 1e6, percentile(e.getValue(), 0.99) / 1e6,
                            e.getValue()[e.getValue().length - 1] / 1e6));
        }
        for (MonthSimulation.Result r : results) {
            OUT.println();
            OUT.printf(Locale.ROOT, "Redis keys by shape, %,d communities, per community: keys and bytes (MEMORY USAGE) on day 1 "
                    + "→ day %d:%n", r.communities(), r.days());
            TreeSet<String> shapes = new TreeSet<>(r.keyShapesDay1().keySet());
            shapes.addAll(r.keyShapesLastDay().keySet());
            long[] none = new long[2];
            for (String shape : shapes) {
                long[] before = r.keyShapesDay1().getOrDefault(shape, none);
                long[] after = r.keyShapesLastDay().getOrDefault(shape, none);
                OUT.printf(Locale.ROOT, "  %-52s %6.1f keys %9s → %6.1f keys %9s%n", shape, before[0] / (double) r.communities(),
                        kib(before[1] / (double) r.communities()), after[0] / (double) r.communities(),
                        kib(after[1] / (double) r.communities()));
            }
        }
    }

    /** Issue #15's scale figures, each size beside the first size of the same run, for bench/all.sh's table. */
    private static void summary(List<MonthSimulation.Result> results, MonthSimulation.Result first) {
        for (MonthSimulation.Result r : results) {
            String size = Summary.f("%,d communities × %d days", r.communities(), r.days());
            Summary.figure("scale", size + ": events/s through the engine", Summary.f("%,.0f", r.eventsPerSecond()),
                    Summary.f("%,d communities %,.0f", first.communities(), first.eventsPerSecond()),
                    Summary.f("%.2f", r.eventsPerSecond() / first.eventsPerSecond()), "flat as communities grow", null);
            Summary.figure("scale", size + ": ms of engine per community-day", Summary.f("%.2f", perCommunityDay(r, r.eventSeconds())),
                    Summary.f("%,d communities %.2f", first.communities(), perCommunityDay(first, first.eventSeconds())),
                    Summary.f("%.2f", perCommunityDay(r, r.eventSeconds()) / perCommunityDay(first, first.eventSeconds())),
                    "flat as communities grow", null);
            Summary.figure("scale", size + ": reminders delivered (lost / doubled / not due)",
                    Summary.f("%,d (%d / %d / %d)", r.remindersDelivered(), r.lost(), r.doubled(), r.unexpected()),
                    Summary.f("due by the circles' schedules %,d", r.remindersDue()),
                    Summary.f("%.3f", r.remindersDue() == 0 ? 0 : r.remindersDelivered() / (double) r.remindersDue()), "1.0, 0 / 0 / 0",
                    r.remindersDelivered() == r.remindersDue() && r.lost() == 0 && r.doubled() == 0 && r.unexpected() == 0);
            Summary.figure("scale", size + ": Redis memory per community on the last day",
                    kib(r.bytesPerCommunity(r.lastDayBytes())), "day 1 " + kib(r.bytesPerCommunity(r.day1Bytes())),
                    Summary.f("%.2f", r.bytesPerCommunity(r.lastDayBytes()) / r.bytesPerCommunity(r.day1Bytes())),
                    "bounded (check-ins grow until their retention)", null);
            r.latencies().entrySet().stream()
                    .filter(e -> e.getValue().length >= 100)
                    .max(Comparator.comparingLong((Map.Entry<String, long[]> e) -> percentile(e.getValue(), 0.99)))
                    .ifPresent(e -> Summary.figure("scale", size + ": slowest event type seen 100 times or more: " + e.getKey(),
                            Summary.f("p99 %.2f ms", percentile(e.getValue(), 0.99) / 1e6),
                            Summary.f("p50 %.2f ms", percentile(e.getValue(), 0.50) / 1e6), "", "", null));
        }
    }

    private static double perCommunityDay(MonthSimulation.Result r, double seconds) {
        return seconds * 1000 / ((double) r.communities() * r.days());
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String kib(double bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
