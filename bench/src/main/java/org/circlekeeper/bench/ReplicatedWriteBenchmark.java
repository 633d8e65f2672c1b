package org.circlekeeper.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.circlekeeper.core.checkin.Checkin;
import org.circlekeeper.core.checkin.CheckinStore;
import org.circlekeeper.core.checkin.Mood;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.redis.EmbeddedRedis;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisStores;

/**
 * What a {@code WAIT 1} acknowledgement costs a check-in: a primary and a replica (both embedded redis-servers on
 * 127.0.0.1, append-only files on), the real check-in store writing one check-in after another, in alternating rounds
 * plain and inside {@link RedisConnection#acknowledged}; prints the median and p99 of each and their ratio, from the
 * same run. {@code ./bench/replicated-write.sh [--writes=2000] [--rounds=5]}.
 */
public final class ReplicatedWriteBenchmark {

    private static final PrintStream OUT = System.out;

    private ReplicatedWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int writes = option(args, "--writes", 2_000);
        int rounds = option(args, "--rounds", 5);
        Path dir = Files.createTempDirectory("circlekeeper-bench-wait");
        try (EmbeddedRedis primary = EmbeddedRedis.start(0, dir.resolve("primary"));
             EmbeddedRedis replica = EmbeddedRedis.start(0, dir.resolve("replica"));
             RedisConnection redis = new RedisConnection(primary.url(),
                     new RedisConnection.Acknowledgement(1, Duration.ofSeconds(1)));
             RedisConnection toReplica = new RedisConnection(replica.url())) {
            toReplica.run(jedis -> {
                jedis.configSet("masterauth", primary.url().password());
                jedis.replicaof(EmbeddedRedis.HOST, primary.port());
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!toReplica.call(jedis -> jedis.info("replication")).contains("master_link_status:up")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the replica did not connect to the primary within 30 s");
                }
                Thread.sleep(50);
            }
            CheckinStore checkins = RedisStores.create(redis, Clock.systemUTC()).checkins().checkins();
            CommunityRef community = new CommunityRef(Platform.CONSOLE, "bench");
            Instant at = Instant.now();
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            Instant expires = at.plus(Duration.ofDays(30));
            long[] plain = new long[writes * rounds];
            long[] waited = new long[writes * rounds];
            // warm-up, both ways, then alternate rounds so that both see the same machine
            for (int i = 0; i < writes; i++) {
                MemberRef member = new MemberRef(Platform.CONSOLE, "warm" + i, "w");
                checkins.put(community, member, new Checkin(day, Mood.OKAY, null, at), expires);
                redis.acknowledged(() -> {
                    checkins.put(community, member, new Checkin(day, Mood.GOOD, null, at), expires);
                    return null;
                });
            }
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < writes; i++) {
                    MemberRef member = new MemberRef(Platform.CONSOLE, "p" + round + "-" + i, "p");
                    long start = System.nanoTime();
                    checkins.put(community, member, new Checkin(day, Mood.OKAY, null, at), expires);
                    plain[round * writes + i] = System.nanoTime() - start;
                }
                for (int i = 0; i < writes; i++) {
                    MemberRef member = new MemberRef(Platform.CONSOLE, "w" + round + "-" + i, "w");
                    long start = System.nanoTime();
                    redis.acknowledged(() -> {
                        checkins.put(community, member, new Checkin(day, Mood.OKAY, null, at), expires);
                        return null;
                    });
                    waited[round * writes + i] = System.nanoTime() - start;
                }
            }
            Arrays.sort(plain);
            Arrays.sort(waited);
            OUT.printf("check-in write, %d × %d each way, primary + 1 replica on 127.0.0.1 (%d cores)%n", rounds, writes,
                    Runtime.getRuntime().availableProcessors());
            OUT.printf("  plain          p50 %7.1f µs   p99 %7.1f µs%n", micros(plain, 0.50), micros(plain, 0.99));
            OUT.printf("  with WAIT 1    p50 %7.1f µs   p99 %7.1f µs%n", micros(waited, 0.50), micros(waited, 0.99));
            OUT.printf("  ratio WAIT/plain  p50 %.2f   p99 %.2f   (writes the replica did not acknowledge within 1 s: %d)%n",
                    micros(waited, 0.50) / micros(plain, 0.50), micros(waited, 0.99) / micros(plain, 0.99),
                    redis.unacknowledged());
            Summary.figure("replicated write", "check-in write with WAIT 1: p50", Summary.f("%.0f µs", micros(waited, 0.50)),
                    Summary.f("plain write %.0f µs", micros(plain, 0.50)), Summary.f("%.2f", micros(waited, 0.50) / micros(plain, 0.50)),
                    "", null);
            Summary.figure("replicated write", "check-in write with WAIT 1: p99", Summary.f("%.0f µs", micros(waited, 0.99)),
                    Summary.f("plain write %.0f µs", micros(plain, 0.99)), Summary.f("%.2f", micros(waited, 0.99) / micros(plain, 0.99)),
                    "", null);
        }
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(quantile * sorted.length))] / 1_000.0;
    }

    private static int option(String[] args, String name, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 1));
            }
        }
        return fallback;
    }
}
