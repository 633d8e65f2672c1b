package org.circlekeeper.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.circlekeeper.core.community.SettingsPreferences;
import org.circlekeeper.core.engine.ChairPolicy;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.FeatureRegistry;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.template.TemplateSource;
import org.circlekeeper.core.testing.InMemoryCommunitySettingsStore;
import org.circlekeeper.core.testing.InMemoryMemberSettingsStore;
import org.circlekeeper.core.testing.InMemoryPendingForms;
import org.circlekeeper.core.testing.InMemoryWordingStore;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisDeliveryLog;
import org.circlekeeper.redis.RedisJobQueue;
import org.circlekeeper.redis.RedisRateLimiter;

/**
 * One replica of the bot as far as reminders go: a real {@link DiscordAdapter} (its own shards) against
 * {@link FakeDiscord}, the core's {@link Scheduler} on the shared {@link RedisJobQueue}, and reminders sent through the
 * core's {@link Outbox} with the shared {@link RedisDeliveryLog}, as in production. A reminder job's payload names its
 * target ({@code channel:<id>} or {@code member:<id>}); the replica notes how long each run took. Used by the replica
 * and rate-limit tests and by the bench module's Discord burst benchmark.
 */
public final class ReminderReplica implements AutoCloseable {

    /** The job kind of the reminders these replicas send. */
    public static final String KIND = "discord.reminder";

    private final DiscordAdapter adapter;
    private final Scheduler scheduler;
    private final Map<String, Integer> runsByJob = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Duration> runs = new ConcurrentLinkedQueue<>();
    private final Map<String, Boolean> sentHere = new ConcurrentHashMap<>();

    /**
     * @param shardIds this replica's shards of {@code shardsTotal} (empty: all of them, one replica)
     * @param pace     the bot's global request pace, shared by the replicas as in production
     * @param maxWait  the longest one message may wait for Discord
     * @param lease    the scheduler's lease on a claimed job
     */
    public ReminderReplica(FakeDiscord discord, RedisConnection redis, int shardsTotal, List<Integer> shardIds,
                           RequestPace pace, Duration maxWait, Duration lease) throws InterruptedException {
        DiscordSettings settings = new DiscordSettings(FakeDiscord.TOKEN, shardsTotal, shardIds, List.of(FakeDiscord.GUILD),
                Map.of(), false, discord.restBase(), 2);
        Clock clock = Clock.systemUTC();
        adapter = new DiscordAdapter(settings, pace, clock);
        InMemoryMemberSettingsStore members = new InMemoryMemberSettingsStore();
        InMemoryCommunitySettingsStore communities = new InMemoryCommunitySettingsStore();
        InMemoryWordingStore wording = new InMemoryWordingStore();
        TemplateRenderer renderer = new TemplateRenderer(TemplateSource.shipped(List.of("core")));
        SettingsPreferences preferences = new SettingsPreferences(members, communities, Locale.ENGLISH, ZoneId.of("UTC"));
        Engine engine = new Engine(new FeatureRegistry(), renderer, wording, preferences, ChairPolicy.NOBODY,
                new InMemoryPendingForms(clock), clock);
        adapter.start(engine, Locale.ENGLISH);
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!adapter.connected() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        if (!adapter.connected()) {
            throw new IllegalStateException("the replica's shards " + shardIds + " did not connect to the fake Discord");
        }
        DiscordMessenger messenger = adapter.messenger().waitingAtMost(maxWait);
        Outbox outbox = new Outbox(renderer, wording, preferences, new Messengers(List.of(messenger)),
                new RedisDeliveryLog(redis), clock);
        JobHandler reminders = new JobHandler() {
            @Override
            public String kind() {
                return KIND;
            }

            @Override
            public void run(Job job, Instant now, Duration lateness) {
                long start = System.nanoTime();
                runsByJob.merge(job.id(), 1, Integer::sum);
                try {
                    CommunityRef community = new CommunityRef(Platform.DISCORD, FakeDiscord.GUILD);
                    Target target = target(job.payload());
                    outbox.forCommunity(community).sendOnce(job.id(), target,
                            OutgoingMessage.text("Reminder " + job.id() + ": our circle meets *tonight*.").build())
                            .ifPresent(sent -> sentHere.put(job.id(), Boolean.TRUE));
                } finally {
                    runs.add(Duration.ofNanos(System.nanoTime() - start));
                }
            }
        };
        scheduler = new Scheduler(new RedisJobQueue(redis), clock, List.of(reminders), lease);
    }

    /** A reminder job due now for a target: {@code channel:<id>} or {@code member:<id>}. */
    public static Job reminder(String id, String target) {
        return new Job(id, KIND, Instant.now(), target);
    }

    private static Target target(String payload) {
        String id = payload.substring(payload.indexOf(':') + 1);
        if (payload.startsWith("member:")) {
            return new Target.Member(new MemberRef(Platform.DISCORD, id, null));
        }
        return new Target.Channel(new ChannelRef(Platform.DISCORD, id, ChannelRef.Kind.GROUP));
    }

    /** The global pace every replica shares through Redis, as the app wires it. */
    public static RequestPace sharedPace(RedisConnection redis, int perSecond) {
        return RequestPace.shared(new RedisRateLimiter(redis, Platform.DISCORD), perSecond);
    }

    /** Runs due jobs, as the app's scheduler loop does (a short sleep when nothing is due), while {@code keepGoing}. */
    public void runWhile(BooleanSupplier keepGoing) throws InterruptedException {
        while (keepGoing.getAsBoolean()) {
            if (scheduler.runDue(keepGoing) == 0) {
                Thread.sleep(20);
            }
        }
    }

    public DiscordAdapter adapter() {
        return adapter;
    }

    /** How long each run of a reminder job took on this replica. */
    public List<Duration> runs() {
        return List.copyOf(runs);
    }

    /** The jobs whose message this replica sent itself. */
    public Set<String> sentHere() {
        return Set.copyOf(sentHere.keySet());
    }

    /** How often this replica ran each job. */
    public Map<String, Integer> runsByJob() {
        return Map.copyOf(runsByJob);
    }

    @Override
    public void close() {
        adapter.close();
    }
}
