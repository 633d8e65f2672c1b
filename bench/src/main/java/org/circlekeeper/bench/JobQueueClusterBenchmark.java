package org.circlekeeper.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.circlekeeper.core.schedule.ClaimedJob;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.redis.ClusterSetup;
import org.circlekeeper.redis.EmbeddedRedis;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisJobQueue;
import org.circlekeeper.redis.RedisTarget;

/**
 * The job queue's claim+ack rate on one Redis node and on a three-primary Redis Cluster, same run: every key of the
 * queue shares the {@code {jobs}} hash tag, so on a cluster the queue is one slot, served by one primary. Schedules
 * {@code --jobs} jobs already due, then {@code --threads} workers (each with a connection of its own, as replicas)
 * claim batches of {@code --batch} and ack each batch in one script until none is left, as the app's scheduler does
 * flat out; rounds alternate the two topologies so both meet the same machine. Both append-only files are on
 * ({@code everysec}). {@code ./bench/job-queue-cluster.sh [--jobs=20000] [--rounds=3] [--threads=2] [--batch=20]}.
 */
public final class JobQueueClusterBenchmark {

    private static final PrintStream OUT = System.out;
    private static final Duration LEASE = Duration.ofSeconds(60);

    private JobQueueClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = option(args, "--jobs", 20_000);
        int rounds = option(args, "--rounds", 3);
        int threads = option(args, "--threads", 2);
        int batch = option(args, "--batch", 20);
        Path dir = Files.createTempDirectory("circlekeeper-bench-cluster");
        try (EmbeddedRedis single = EmbeddedRedis.start(0, dir.resolve("single"));
             ClusterSetup cluster = ClusterSetup.start(dir.resolve("cluster"), 3, true)) {
            double[] one = new double[rounds];
            double[] three = new double[rounds];
            drain(single.url(), Math.min(jobs, 5_000), threads, batch, "warm");
            drain(cluster.target(), Math.min(jobs, 5_000), threads, batch, "warm");
            for (int round = 0; round < rounds; round++) {
                one[round] = drain(single.url(), jobs, threads, batch, "r" + round);
                three[round] = drain(cluster.target(), jobs, threads, batch, "r" + round);
                OUT.printf("round %d: one node %,.0f jobs/s, cluster %,.0f jobs/s, cluster/one %.2f%n", round + 1, one[round],
                        three[round], three[round] / one[round]);
            }
            Arrays.sort(one);
            Arrays.sort(three);
            OUT.printf("%nclaim+ack, %,d jobs due, %d workers, batches of %d, %d rounds (median):%n", jobs, threads, batch, rounds);
            OUT.printf("| topology | jobs/s claimed and acked | ratio to one node |%n| --- | ---: | ---: |%n");
            OUT.printf("| one node | %,.0f | 1.00 |%n", one[rounds / 2]);
            OUT.printf("| cluster, 3 primaries (the {jobs} slot on one) | %,.0f | %.2f |%n", three[rounds / 2],
                    three[rounds / 2] / one[rounds / 2]);
        }
    }

    /** Schedules {@code jobs} due jobs, drains them with {@code threads} workers and returns jobs per second. */
    private static double drain(RedisTarget target, int jobs, int threads, int batch, String tag) throws Exception {
        Instant due = Instant.now().minusSeconds(1);
        try (RedisConnection scheduling = new RedisConnection(target); RedisJobQueue queue = new RedisJobQueue(scheduling)) {
            List<Job> all = new ArrayList<>(jobs);
            for (int i = 0; i < jobs; i++) {
                all.add(new Job("bench:" + tag + ":" + i, "bench", due, "{\"n\":" + i + "}"));
            }
            queue.scheduleAll(all);
        }
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<RedisConnection> connections = new ArrayList<>();
        try {
            List<Future<?>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                RedisConnection connection = new RedisConnection(target);
                connections.add(connection);
                RedisJobQueue queue = new RedisJobQueue(connection);
                workers.add(pool.submit(() -> {
                    while (true) {
                        List<ClaimedJob> claimed = queue.claimDue(Instant.now(), batch, LEASE);
                        if (claimed.isEmpty()) {
                            return null;
                        }
                        queue.ackAll(claimed);
                        done.addAndGet(claimed.size());
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            long elapsed = System.nanoTime() - start;
            if (done.get() != jobs) {
                throw new IllegalStateException("drained " + done.get() + " of " + jobs + " jobs");
            }
            return jobs / (elapsed / 1e9);
        } finally {
            pool.shutdownNow();
            connections.forEach(RedisConnection::close);
        }
    }

    private static int option(String[] args, String name, int fallback) {
        for (String arg : args) {
            for (String part : arg.split("\\s+")) {
                if (part.startsWith(name + "=")) {
                    return Integer.parseInt(part.substring(name.length() + 1));
                }
            }
        }
        return fallback;
    }
}
