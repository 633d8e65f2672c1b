package org.circlekeeper.fault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.circle.Circle;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisKeys;
import org.circlekeeper.redis.RedisStores;

/**
 * Seeds Telegram circles and members' private reminders through the bot's own engine, in the suite's JVM, on the
 * shared Redis: an organiser of each group creates weekly circles with {@code /circle create} (and turns the group's
 * own reminders off with {@code /circle reminders off}), and each member asks for one private reminder with
 * {@code /remind <circle> <lead>}. The reminders counted are those of the circles' next meeting, three hours ahead;
 * the next week's wait in the queue. The core plans the jobs exactly as in the app; only the Telegram update mapping is
 * skipped, which keeps 10,000 reminders to seconds. Each reminder goes to its own member, so a delivery is named by
 * its chat.
 */
final class Seeder implements AutoCloseable {

    /** One reminder the app should send once: to this member's private chat, about this circle. */
    record Reminder(long chatId, long groupId, String circleName) {
    }

    static final int CIRCLES_PER_GROUP = 1;
    static final int MEMBERS_PER_CIRCLE = 100;
    /** Groups seeded at once: each command waits mostly on Redis round trips. */
    private static final int SEEDING_THREADS = 8;
    /** Far enough ahead that no meeting starts during a run (a reminder after its meeting's start is dropped). */
    private static final long LEAD_BASE_MINUTES = 180;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("'every' EEEE HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    /** How a reminder job's id names its meeting's start (Reminders' UTC_KEY). */
    private static final DateTimeFormatter START_KEY = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final String REMINDER_JOB = "circle.remind-dm:";

    private final RedisConnection connection;
    private String startKey;
    private final Stores stores;
    private final Engine engine;

    Seeder(String redisUrl, String noteKey) {
        connection = RedisConnection.open(redisUrl);
        stores = RedisStores.create(connection, Clock.systemUTC());
        engine = Bot.builder().stores(stores).clock(Clock.systemUTC())
                .messengers(new Messengers(List.of()))
                .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(noteKey))).build().engine();
    }

    static long groupId(int group) {
        return -1_000_000_000_000L - group;
    }

    /**
     * Seeds {@code count} reminders due at whole minutes from {@code firstDue} (rounded up to a minute) over
     * {@code windowMinutes}, and checks that the queue holds exactly that many private reminder jobs.
     *
     * @param firstMember the first member's user id; members are numbered from it
     */
    List<Reminder> seed(int count, Instant firstDue, int windowMinutes, long firstMember) throws Exception {
        Instant due = firstDue.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant start = due.plus(Duration.ofMinutes(LEAD_BASE_MINUTES));
        startKey = ":" + START_KEY.format(start) + ":";
        int perGroup = CIRCLES_PER_GROUP * MEMBERS_PER_CIRCLE;
        int groups = (count + perGroup - 1) / perGroup;
        List<Reminder> reminders = new ArrayList<>(count);
        ExecutorService pool = Executors.newFixedThreadPool(SEEDING_THREADS);
        try {
            List<Future<List<Reminder>>> parts = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                int group = g;
                int from = g * perGroup;
                int to = Math.min(count, from + perGroup);
                parts.add(pool.submit(() -> seedGroup(group, from, to, start, windowMinutes, firstMember)));
            }
            for (Future<List<Reminder>> part : parts) {
                reminders.addAll(part.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long jobs = reminderJobs();
        if (jobs != count) {
            throw new IllegalStateException("seeding planned " + jobs + " private reminder jobs for the meeting instead of " + count
                    + ": the engine refused some commands");
        }
        return reminders;
    }

    private List<Reminder> seedGroup(int group, int from, int to, Instant start, int windowMinutes, long firstMember) {
        long groupId = groupId(group);
        CommunityRef community = new CommunityRef(Platform.TELEGRAM, Long.toString(groupId));
        ChannelRef channel = new ChannelRef(Platform.TELEGRAM, Long.toString(groupId), ChannelRef.Kind.GROUP);
        MemberRef organiser = new MemberRef(Platform.TELEGRAM, Long.toString(500_000 + group), null);
        Context asOrganiser = new Context(organiser, channel, community, Role.ORGANISER, null);
        engine.handle(Inbound.CommandInvoked.typed(asOrganiser, "circle", "reminders off"));
        int circles = (to - from + MEMBERS_PER_CIRCLE - 1) / MEMBERS_PER_CIRCLE;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < circles; c++) {
            String name = "Fault g" + group + " c" + c;
            engine.handle(Inbound.CommandInvoked.typed(asOrganiser, "circle", "create \"" + name + "\" " + WHEN.format(start)));
            names.add(name);
        }
        List<Circle> created = stores.circles().circles().all(community);
        List<Reminder> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            String name = names.get((i - from) / MEMBERS_PER_CIRCLE);
            Circle circle = created.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the circle " + name + " was not created"));
            long memberId = firstMember + i;
            MemberRef member = new MemberRef(Platform.TELEGRAM, Long.toString(memberId), null);
            long lead = LEAD_BASE_MINUTES - (i % windowMinutes);
            engine.handle(Inbound.CommandInvoked.typed(new Context(member, channel, community, Role.MEMBER, null), "remind",
                    circle.id() + " " + lead + "m"));
            out.add(new Reminder(memberId, groupId, name));
        }
        return out;
    }

    /** The seeded meeting's private reminder jobs still in the queue, waiting or claimed (not yet acked). */
    long reminderJobs() {
        return connection.call(jedis -> jedis.hkeys(RedisKeys.jobsData()).stream()
                .filter(id -> id.startsWith(REMINDER_JOB) && id.contains(startKey)).count());
    }

    Stores stores() {
        return stores;
    }

    @Override
    public void close() {
        connection.close();
    }
}
