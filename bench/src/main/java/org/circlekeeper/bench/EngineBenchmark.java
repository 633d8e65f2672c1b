package org.circlekeeper.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.redis.EmbeddedRedis;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisStores;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;

/**
 * The engine on Redis beside Redis itself: a realistic mix of member events (a setting, a check-in and its mood
 * button, {@code /next}, {@code /resource}, {@code /help}) through the real {@code Engine} on the real Redis stores,
 * and, on the same Redis with the same number of threads, bare round trips (one {@code GET} each, through the same
 * pool). Prints events/s ÷ round trips/s, the latency of an event, and per event type the round trips and commands
 * Redis itself counted ({@code INFO stats} {@code total_reads_processed} and {@code INFO commandstats} deltas), so
 * that a regression shows as a number. A program that prints figures, not a test; see bench/README.md.
 */
public final class EngineBenchmark {

    private static final PrintStream OUT = System.out;
    /** The mix one member goes through: each step one event, as a member would send it. */
    static final List<String> MIX = List.of("settings", "checkin", "mood press", "next", "resource", "help");
    /** Issue #15's targets: events/s ÷ raw round trips/s, round trips per event on average, p99 of an event. */
    private static final double TARGET_RATIO = 0.35;
    private static final double TARGET_ROUND_TRIPS = 2.5;
    private static final double TARGET_P99_MILLIS = 2;

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options look like --seconds=10 --threads=1,4 --runs=2; got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "8"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "2"));
        int counted = Integer.parseInt(options.getOrDefault("counted", "200"));
        List<Integer> threadCounts = Stream.of(options.getOrDefault("threads", "1,4").split(",")).map(Integer::parseInt).toList();

        OUT.printf(Locale.ROOT, "circlekeeper engine on Redis: mix %s; %d s per measurement; %d CPU cores, Java %s%n", MIX, seconds,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        Path dir = Files.createTempDirectory("circlekeeper-bench-redis");
        try (EmbeddedRedis server = EmbeddedRedis.start(0, dir); RedisConnection redis = new RedisConnection(server.url());
             RedisConnection counter = new RedisConnection(server.url())) {
            VirtualClock clock = new VirtualClock(BotTester.START);
            BotTester bot = new BotTester(clock, RedisStores.create(redis, clock));
            bot.asOrganiser("olivia").inGroup().send("/circle create \"Tuesday circle\" every tuesday 19:00");
            Mix warm = new Mix(bot, "warm");
            for (int i = 0; i < 300; i++) {
                warm.member(i);
            }

            counted(bot, counter, counted);
            if (options.containsKey("trace")) {
                trace(bot, server);
                return;
            }

            List<String[]> rows = new ArrayList<>();
            for (int threads : threadCounts) {
                for (int run = 0; run < runs; run++) {
                    double[] rawCpu = new double[1];
                    double raw = rawRoundTrips(redis, threads, seconds, rawCpu);
                    FlatOut.Throughput engine = engine(bot, threads, seconds, "r" + threads + "-" + run);
                    double ratio = engine.perSecond() / raw;
                    Summary.figure("engine", Summary.f("events/s, %d thread(s), run %d", threads, run + 1),
                            Summary.f("%,.0f", engine.perSecond()), Summary.f("raw Redis round trips/s %,.0f", raw),
                            Summary.f("%.3f", ratio), Summary.f("≥ %.2f", TARGET_RATIO), ratio >= TARGET_RATIO);
                    Summary.figure("engine", Summary.f("event latency p99, %d thread(s), run %d", threads, run + 1),
                            Summary.f("%.2f ms", engine.p99()), Summary.f("p50 %.2f ms", engine.p50()), "",
                            Summary.f("≤ %.0f ms", TARGET_P99_MILLIS), engine.p99() <= TARGET_P99_MILLIS);
                    Summary.figure("engine", Summary.f("engine thread CPU per event, %d thread(s), run %d", threads, run + 1),
                            Summary.f("%.0f µs", engine.cpuMicros()), Summary.f("raw round trip %.1f µs", rawCpu[0]), "", "", null);
                    Summary.figure("engine", Summary.f("heap allocated per event, %d thread(s), run %d", threads, run + 1),
                            Summary.f("%.1f KiB", engine.allocatedKib()), "", "", "", null);
                    OUT.printf(Locale.ROOT, "  %d thread(s), run %d: %.0f events/s, %.0f raw round trips/s = %.3f; p50 %.2f ms, "
                                    + "p99 %.2f ms; CPU of the calling thread %.0f µs an event, %.1f µs a raw round trip; %.1f KiB allocated an event%n",
                            threads, run + 1, engine.perSecond(), raw, ratio, engine.p50(), engine.p99(), engine.cpuMicros(), rawCpu[0],
                            engine.allocatedKib());
                    rows.add(new String[] {Integer.toString(threads), String.format(Locale.ROOT, "%.0f", engine.perSecond()),
                            String.format(Locale.ROOT, "%.0f", raw), String.format(Locale.ROOT, "%.3f", ratio),
                            String.format(Locale.ROOT, "%.2f", engine.p50()), String.format(Locale.ROOT, "%.2f", engine.p99())});
                }
            }
            OUT.println();
            OUT.println("| threads | engine events/s | raw Redis round trips/s | ratio (target ≥ 0.35) | p50 | p99 (target ≤ 2 ms) |");
            OUT.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
            for (String[] row : rows) {
                OUT.printf(Locale.ROOT, "| %s | %s | %s | %s | %s ms | %s ms |%n", (Object[]) row);
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** One member's pass through the mix, each step timed; the member is new to the bot (distinct per index). */
    private static final class Mix {
        private final BotTester bot;
        private final String prefix;

        Mix(BotTester bot, String prefix) {
            this.bot = bot;
            this.prefix = prefix;
        }

        /** Runs every step for member {@code i}; {@code step} sees each step's name and its duration in ns. */
        void member(int i, StepSink step) {
            BotTester.Person person = bot.as(prefix + "-" + i);
            BotTester.Talk direct = person.inDirect();
            BotTester.Talk group = person.inGroup();
            long t = System.nanoTime();
            direct.send(i % 2 == 0 ? "/timezone Europe/Berlin" : "/timezone America/Bogota");
            t = step.done("settings", t);
            BotTester.Replies checkin = direct.send("/checkin");
            t = step.done("checkin", t);
            checkin.press("Okay");
            t = step.done("mood press", t);
            group.send("/next");
            t = step.done("next", t);
            direct.send(i % 3 == 0 ? "/resource sleep" : i % 3 == 1 ? "/resource anxiety" : "/resource breathing");
            t = step.done("resource", t);
            direct.send("/help");
            step.done("help", t);
        }

        void member(int i) {
            member(i, (name, since) -> System.nanoTime());
        }
    }

    @FunctionalInterface
    private interface StepSink {
        /** Records a step that began at {@code since}; returns now, when the next step begins. */
        long done(String step, long since);
    }

    /** Per event type, alone on Redis: round trips (reads Redis processed) and commands (calls) per event. */
    private static void counted(BotTester bot, RedisConnection counter, int members) {
        Mix mix = new Mix(bot, "counted");
        Map<String, long[]> perStep = new LinkedHashMap<>();
        MIX.forEach(step -> perStep.put(step, new long[4]));
        long[] before = stats(counter);
        for (int i = 0; i < members; i++) {
            mix.member(i, new StepSink() {
                @Override
                public long done(String step, long since) {
                    long took = System.nanoTime() - since;
                    long[] now = stats(counter);
                    long[] sum = perStep.get(step);
                    // the INFO between two readings is one read and one command of their difference
                    sum[0] += now[0] - before[0] - 1;
                    sum[1] += now[1] - before[1] - 1;
                    sum[2]++;
                    sum[3] += took;
                    long[] after = stats(counter);
                    before[0] = after[0];
                    before[1] = after[1];
                    return System.nanoTime();
                }
            });
        }
        OUT.printf(Locale.ROOT, "%nRedis' own count, %d members through the mix one at a time (INFO stats total_reads_processed and "
                + "total_commands_processed deltas):%n", members);
        OUT.println("| event | round trips per event | commands per event | mean time, one thread |");
        OUT.println("| --- | ---: | ---: | ---: |");
        long reads = 0;
        long commands = 0;
        long events = 0;
        for (Map.Entry<String, long[]> e : perStep.entrySet()) {
            long[] s = e.getValue();
            OUT.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.3f ms |%n", e.getKey(), (double) s[0] / s[2], (double) s[1] / s[2],
                    s[3] / 1e6 / s[2]);
            Summary.figure("engine", "Redis round trips per event: " + e.getKey() + " (Redis' own count)",
                    Summary.f("%.2f", (double) s[0] / s[2]), Summary.f("%.2f commands", (double) s[1] / s[2]), "", "", null);
            reads += s[0];
            commands += s[1];
            events += s[2];
        }
        OUT.printf(Locale.ROOT, "| **the mix, on average** (target ≤ 2.5 round trips) | **%.2f** | **%.2f** | |%n%n", (double) reads / events,
                (double) commands / events);
        Summary.figure("engine", "Redis round trips per event, the mix on average (Redis' own count)",
                Summary.f("%.2f", (double) reads / events), Summary.f("%.2f commands", (double) commands / events), "",
                Summary.f("≤ %.1f", TARGET_ROUND_TRIPS), (double) reads / events <= TARGET_ROUND_TRIPS);
        // a search never asked before (a new misspelt word each time) builds its fuzzy automata; one asked before does not
        BotTester.Talk searcher = bot.as("searcher").inDirect();
        long fresh = 0;
        long again = 0;
        for (int i = 0; i < members; i++) {
            String word = "sleep" + (char) ('a' + i % 26) + (char) ('a' + i / 26 % 26) + (char) ('a' + i / 676 % 26);
            long t = System.nanoTime();
            searcher.send("/resource " + word);
            fresh += System.nanoTime() - t;
            t = System.nanoTime();
            searcher.send("/resource " + word);
            again += System.nanoTime() - t;
        }
        OUT.printf(Locale.ROOT, "/resource, mean of %d: a search never asked before %.3f ms, the same search again %.3f ms, "
                + "/help %.3f ms%n%n", members, fresh / 1e6 / members, again / 1e6 / members, perStep.get("help")[3] / 1e6 / perStep.get("help")[2]);
    }

    /** Reads (round trips: one request, or one pipeline, read at once) and commands Redis processed so far. */
    /** Prints every command Redis received while one new member went through the mix (MONITOR), step by step. */
    private static void trace(BotTester bot, EmbeddedRedis server) throws InterruptedException {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch listening = new CountDownLatch(1);
        Thread monitor = new Thread(() -> {
            try (Jedis jedis = new Jedis(server.url().host(), server.url().port())) {
                if (server.url().password() != null) {
                    jedis.auth(server.url().password());
                }
                jedis.monitor(new JedisMonitor() {
                    @Override
                    public void onCommand(String command) {
                        listening.countDown();
                        seen.add(command.replaceFirst("^[0-9.]+ \\[[^]]*\\] ", ""));
                    }
                });
            } catch (RuntimeException e) {
                listening.countDown();
            }
        }, "bench-monitor");
        monitor.setDaemon(true);
        monitor.start();
        Mix mix = new Mix(bot, "traced");
        while (listening.getCount() > 0) {
            mix.member(-1);
            Thread.sleep(50);
        }
        Thread.sleep(200);
        seen.clear();
        mix.member(0, (step, since) -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (seen) {
                OUT.println("== " + step);
                seen.forEach(command -> OUT.println("   " + (command.length() > 160 ? command.substring(0, 160) + "…" : command)));
                seen.clear();
            }
            return System.nanoTime();
        });
    }

    private static long[] stats(RedisConnection counter) {
        String info = counter.call(jedis -> jedis.info("stats"));
        long[] out = {-1, -1};
        for (String line : info.split("\r\n")) {
            if (line.startsWith("total_reads_processed:")) {
                out[0] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("total_commands_processed:")) {
                out[1] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        if (out[0] < 0 || out[1] < 0) {
            throw new IllegalStateException("this Redis reports no total_reads_processed or total_commands_processed");
        }
        return out;
    }

    /** Bare round trips: each thread one GET at a time through the pool the stores use, for {@code seconds}. */
    private static double rawRoundTrips(RedisConnection redis, int threads, int seconds, double[] cpuMicros) throws InterruptedException {
        redis.run(jedis -> jedis.set("bench:raw", "x"));
        FlatOut.Throughput raw = FlatOut.run(threads, seconds, thread -> latencies -> redis.call(jedis -> jedis.get("bench:raw")));
        cpuMicros[0] = raw.cpuMicros();
        return raw.perSecond();
    }

    private static FlatOut.Throughput engine(BotTester bot, int threads, int seconds, String run) throws InterruptedException {
        // per event type too, so that the tail shows where it lies: one Latencies per thread and step, merged after
        List<Map<String, FlatOut.Latencies>> perThread = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Map<String, FlatOut.Latencies> steps = new HashMap<>();
            MIX.forEach(step -> steps.put(step, new FlatOut.Latencies()));
            perThread.add(steps);
        }
        FlatOut.Throughput all = FlatOut.run(threads, seconds, thread -> {
            Mix mix = new Mix(bot, run + "-" + thread);
            Map<String, FlatOut.Latencies> steps = perThread.get(thread);
            int[] next = {0};
            return latencies -> {
                mix.member(next[0]++, (step, since) -> {
                    long now = System.nanoTime();
                    latencies.add(now - since);
                    steps.get(step).add(now - since);
                    return now;
                });
                return null;
            };
        });
        StringBuilder line = new StringBuilder("    per event type, p50 / p99 / max in ms:");
        for (String step : MIX) {
            long[] merged = perThread.stream().flatMapToLong(m -> Arrays.stream(m.get(step).values(), 0, m.get(step).size())).sorted()
                    .toArray();
            if (merged.length > 0) {
                line.append(String.format(Locale.ROOT, " %s %.2f / %.2f / %.1f;", step, merged[merged.length / 2] / 1e6,
                        merged[(int) (merged.length * 0.99)] / 1e6, merged[merged.length - 1] / 1e6));
            }
        }
        OUT.println(line);
        return all;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
