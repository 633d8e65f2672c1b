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
import java.util.stream.Stream;
import org.circlekeeper.discord.DmBurst;
import org.circlekeeper.discord.FakeDiscord;
import org.circlekeeper.discord.ReminderReplica;
import org.circlekeeper.discord.RequestPace;
import org.circlekeeper.redis.EmbeddedRedis;
import org.circlekeeper.redis.RedisConnection;

/**
 * A reminder burst to members' direct messages on Discord: each reminder opens the member's DM channel and sends one
 * message, through the real JDA adapter, the core's scheduler, the Redis job queue, delivery log and shared global pace,
 * against the fake Discord of the adapter's tests, which keeps Discord's rate limits (50 requests a second per bot,
 * the DM-channel route's and each channel's buckets, 429s). Prints the request rate Discord saw beside its limit.
 * A program that prints figures, not a test; see bench/README.md.
 */
public final class DiscordBurstBenchmark {

    private static final PrintStream OUT = System.out;

    private DiscordBurstBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options look like --members=300 --replicas=1,2 --runs=2; got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int members = Integer.parseInt(options.getOrDefault("members", "300"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "2"));
        List<Integer> replicaCounts = Stream.of(options.getOrDefault("replicas", "1,2").split(",")).map(Integer::parseInt).toList();
        Duration lease = Duration.ofSeconds(60);
        Duration maxWait = Duration.ofSeconds(20);

        OUT.printf(Locale.ROOT, "circlekeeper Discord DM burst: %d members, each a DM channel opened and one reminder "
                        + "(%d requests); fake limits: %d requests/s per bot, %d DM channels/s; pace %d/s shared in Redis; "
                        + "%d CPU cores, Java %s%n", members, 2 * members, DmBurst.GLOBAL_LIMIT, DmBurst.DM_CHANNEL_LIMIT,
                RequestPace.PER_SECOND, Runtime.getRuntime().availableProcessors(), Runtime.version());
        Path dir = Files.createTempDirectory("circlekeeper-bench-redis");
        List<DmBurst.Result> results = new ArrayList<>();
        try (EmbeddedRedis server = EmbeddedRedis.start(0, dir); RedisConnection redis = new RedisConnection(server.url())) {
            for (int replicas : replicaCounts) {
                for (int run = 0; run < runs; run++) {
                    redis.call(jedis -> jedis.flushDB());
                    RequestPace pace = ReminderReplica.sharedPace(redis, RequestPace.PER_SECOND);
                    try (FakeDiscord discord = new FakeDiscord()) {
                        DmBurst.Result result = DmBurst.run(discord, redis, members, replicas, replica -> pace, maxWait, lease,
                                Duration.ofMinutes(5));
                        results.add(result);
                        Summary.figure("discord burst", Summary.f("%d DM reminders, %d replica(s), run %d: requests/s on the wire "
                                        + "(delivered %d, doubled %d, 429s %d)", members, replicas, run + 1, result.delivered(),
                                        result.doubled(), result.refusedGlobal() + result.refusedRoute()),
                                Summary.f("%.1f", result.wirePerSecond()), Summary.f("Discord's global limit %d/s", DmBurst.GLOBAL_LIMIT),
                                Summary.f("%.2f", result.ratio()), "near 1.0, no 429, each member once",
                                result.delivered() == members && result.doubled() == 0);
                        OUT.printf(Locale.ROOT, "  %d replica(s), run %d: %.1f s, %.1f requests/s on the wire (limit %d/s) = %.2f%n",
                                replicas, run + 1, DmBurst.seconds(result.took()), result.wirePerSecond(), DmBurst.GLOBAL_LIMIT,
                                result.ratio());
                    }
                }
            }
        } finally {
            deleteTree(dir);
        }
        OUT.println();
        OUT.println("| replicas | burst took | requests/s on the wire | limit | ratio | reminders/s | delivered | doubled | "
                + "429 global / route | busiest second | longest job run (lease) |");
        OUT.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (DmBurst.Result r : results) {
            OUT.printf(Locale.ROOT, "| %d | %.1f s | %.1f | %d/s | %.2f | %.1f | %d/%d | %d | %d / %d | %d | %.2f s (%d s) |%n",
                    r.replicas(), DmBurst.seconds(r.took()), r.wirePerSecond(), DmBurst.GLOBAL_LIMIT, r.ratio(),
                    r.members() / DmBurst.seconds(r.took()), r.delivered(), r.members(), r.doubled(), r.refusedGlobal(),
                    r.refusedRoute(), r.busiestSecond(), DmBurst.seconds(r.longestRun()), r.lease().toSeconds());
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
