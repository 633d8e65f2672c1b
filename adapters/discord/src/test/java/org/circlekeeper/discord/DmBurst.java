package org.circlekeeper.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisJobQueue;

/**
 * A reminder burst to many members' direct messages through one replica: each reminder first opens the member's DM
 * channel ({@code POST /users/@me/channels}), then creates its message there, both under the fake's Discord rate
 * limits. Shared by the rate-limit test (correctness) and the bench module's benchmark (the rate it reaches).
 */
public final class DmBurst {

    /** Discord's global limit as the fake keeps it, requests per second. */
    public static final int GLOBAL_LIMIT = FakeRateLimits.GLOBAL_PER_SECOND;

    /** The fake's limit on opening DM channels, per second for the whole bot. */
    public static final int DM_CHANNEL_LIMIT = FakeRateLimits.DM_CHANNELS;

    /** What one burst did. */
    public record Result(int members, int replicas, int delivered, int doubled, long dead, Duration took, double wirePerSecond,
                         int wireRequests, int refusedGlobal, int refusedRoute, int busiestSecond, Duration longestRun,
                         Duration lease) {

        /** The burst's requests per second as Discord saw them, over what its global limit allows. */
        public double ratio() {
            return wirePerSecond / FakeRateLimits.GLOBAL_PER_SECOND;
        }
    }

    private DmBurst() {
    }

    /** Member ids of a burst: distinct users, none with closed DMs. */
    static String member(int i) {
        return Long.toString(510_000_000_000_000_000L + i);
    }

    /**
     * Sends one reminder to each of {@code members} members through {@code replicas} fresh replicas on {@code discord}
     * (replica i runs shard i of as many, and its own scheduler thread; {@code paceOf} gives each its pace) and waits
     * until all went out (or {@code timeout}).
     */
    public static Result run(FakeDiscord discord, RedisConnection redis, int members, int replicas,
                             IntFunction<RequestPace> paceOf, Duration maxWait, Duration lease, Duration timeout) throws Exception {
        List<ReminderReplica> running = new ArrayList<>();
        ExecutorService loops = Executors.newFixedThreadPool(replicas);
        try {
            for (int i = 0; i < replicas; i++) {
                running.add(new ReminderReplica(discord, redis, replicas == 1 ? 0 : replicas, replicas == 1 ? List.of() : List.of(i),
                        paceOf.apply(i), maxWait, lease));
            }
            RedisJobQueue queue = new RedisJobQueue(redis);
            List<Job> jobs = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                jobs.add(ReminderReplica.reminder("dm" + i, "member:" + member(i)));
            }
            int before = discord.createdMessages().size();
            long firstRequest = discord.limits().admitted().size();
            long start = System.nanoTime();
            queue.scheduleAll(jobs);
            long end = start + timeout.toNanos();
            BooleanSupplier unfinished = () -> System.nanoTime() < end
                    && (discord.createdMessages().size() - before < members || queue.waiting() > 0 || queue.claimed() > 0);
            List<Future<?>> done = new ArrayList<>();
            for (ReminderReplica replica : running) {
                done.add(loops.submit(() -> {
                    replica.runWhile(unfinished);
                    return null;
                }));
            }
            for (Future<?> loop : done) {
                loop.get();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            Map<String, Long> perChannel = discord.createdMessages().stream().skip(before)
                    .collect(Collectors.groupingBy(FakeDiscord.Request::path, Collectors.counting()));
            int delivered = 0;
            int doubled = 0;
            for (int i = 0; i < members; i++) {
                long count = perChannel.getOrDefault("/channels/7" + member(i).substring(1) + "/messages", 0L);
                delivered += count > 0 ? 1 : 0;
                doubled += count > 1 ? 1 : 0;
            }
            List<FakeRateLimits.Admitted> wire = discord.limits().admitted().stream().skip(firstRequest)
                    .filter(FakeRateLimits.Admitted::global)
                    .filter(a -> a.path().equals("/users/@me/channels") || a.path().matches("/channels/\\d+/messages"))
                    .toList();
            double seconds = wire.size() < 2 ? 0 : (wire.get(wire.size() - 1).nanoTime() - wire.get(0).nanoTime()) / 1e9;
            double perSecond = seconds == 0 ? 0 : (wire.size() - 1) / seconds;
            Duration longest = running.stream().flatMap(r -> r.runs().stream()).max(Duration::compareTo).orElse(Duration.ZERO);
            return new Result(members, replicas, delivered, doubled, queue.deadCount(), took, perSecond, wire.size(),
                    discord.limits().refusedGlobal(), discord.limits().refusedRoute(), discord.limits().busiestSecond(),
                    longest, lease);
        } finally {
            loops.shutdownNow();
            running.forEach(ReminderReplica::close);
        }
    }

    /** Seconds as a figure for people. */
    public static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
