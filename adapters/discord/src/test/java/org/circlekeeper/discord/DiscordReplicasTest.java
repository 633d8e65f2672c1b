package org.circlekeeper.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.redis.RealRedis;
import org.circlekeeper.redis.RedisJobQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas of the bot, each running one of the bot's two shards against one fake gateway, share one Redis (job
 * queue, delivery log, global pace), as in production. Either replica claims any reminder, and every reminder reaches
 * its server's channel whichever replica's shard carries that server: sending needs only REST.
 */
class DiscordReplicasTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final int SERVERS = 200;
    private static final int REMINDERS = 1_000;
    private static final Pattern REMINDER = Pattern.compile("Reminder (r\\d+):");

    @Test
    void twoReplicasOnDisjointShardsDeliverAThousandRemindersForServersOnBothShardsEachExactlyOnce() throws Exception {
        List<String> servers = IntStream.range(0, SERVERS).mapToObj(i -> Long.toString((5_000L + i) << 22)).toList();
        try (FakeDiscord discord = new FakeDiscord(servers)) {
            RequestPace pace = ReminderReplica.sharedPace(REDIS.connection(), RequestPace.PER_SECOND);
            try (ReminderReplica zero = new ReminderReplica(discord, REDIS.connection(), 2, List.of(0), pace,
                    DiscordMessenger.MAX_WAIT, Duration.ofSeconds(60));
                 ReminderReplica one = new ReminderReplica(discord, REDIS.connection(), 2, List.of(1), pace,
                         DiscordMessenger.MAX_WAIT, Duration.ofSeconds(60))) {
                String onZero = servers.stream().filter(s -> FakeDiscord.shardOf(s, 2) == 0).findFirst().orElseThrow();
                String onOne = servers.stream().filter(s -> FakeDiscord.shardOf(s, 2) == 1).findFirst().orElseThrow();
                assertThat(zero.adapter().shardManager().getGuildById(onZero)).as("replica 0 sees its own shard's server").isNotNull();
                assertThat(zero.adapter().shardManager().getGuildById(onOne)).as("replica 0 never sees shard 1's servers").isNull();
                assertThat(one.adapter().shardManager().getGuildById(onOne)).isNotNull();
                assertThat(one.adapter().shardManager().getGuildById(onZero)).isNull();

                Map<String, String> serverOf = new HashMap<>();
                List<Job> jobs = new ArrayList<>();
                for (int i = 0; i < REMINDERS; i++) {
                    String server = servers.get(i % SERVERS);
                    String id = "r" + i;
                    serverOf.put(id, server);
                    jobs.add(ReminderReplica.reminder(id, "channel:" + FakeDiscord.textChannelOf(server)));
                }
                RedisJobQueue queue = new RedisJobQueue(REDIS.connection());
                assertThat(queue.scheduleAll(jobs)).isEqualTo(REMINDERS);

                long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                BooleanSupplier unfinished = () -> System.nanoTime() < end
                        && (discord.createdMessages().size() < REMINDERS || queue.waiting() > 0 || queue.claimed() > 0);
                ExecutorService replicas = Executors.newFixedThreadPool(2);
                try {
                    List<Future<?>> loops = List.of(replicas.submit(() -> {
                        zero.runWhile(unfinished);
                        return null;
                    }), replicas.submit(() -> {
                        one.runWhile(unfinished);
                        return null;
                    }));
                    for (Future<?> loop : loops) {
                        loop.get(4, TimeUnit.MINUTES);
                    }
                } finally {
                    replicas.shutdownNow();
                }

                Map<String, Long> delivered = discord.createdMessages().stream()
                        .map(m -> {
                            Matcher matcher = REMINDER.matcher(m.body().path("content").asString());
                            assertThat(matcher.find()).as("a reminder's text: " + m.body()).isTrue();
                            assertThat(m.path()).isEqualTo("/channels/" + FakeDiscord.textChannelOf(serverOf.get(matcher.group(1))) + "/messages");
                            return matcher.group(1);
                        })
                        .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
                assertThat(delivered).as("every reminder delivered").hasSize(REMINDERS);
                assertThat(delivered.values()).as("no reminder delivered twice").containsOnly(1L);
                assertThat(queue.deadCount()).as("no reminder given up").isZero();
                assertThat(queue.waiting()).isZero();

                for (ReminderReplica replica : List.of(zero, one)) {
                    int shard = replica == zero ? 0 : 1;
                    long elsewhere = replica.sentHere().stream().filter(id -> FakeDiscord.shardOf(serverOf.get(id), 2) != shard).count();
                    assertThat(elsewhere).as("replica %d delivered reminders for servers on the other replica's shard", shard)
                            .isPositive();
                }
                assertThat(zero.sentHere().size() + one.sentHere().size()).isEqualTo(REMINDERS);
                assertThat(discord.limits().refusedGlobal()).as("requests refused for the global limit, both replicas sharing one pace")
                        .isZero();
            }
        }
    }
}
