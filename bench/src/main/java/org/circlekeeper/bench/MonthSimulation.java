package org.circlekeeper.bench;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circlekeeper.bench.People.Community;
import org.circlekeeper.bench.People.Member;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.template.Markup;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisStores;

/**
 * One simulated month (or fewer days) of many communities on the real bot: {@code Bot.builder()} with every shipped
 * feature, the Redis stores on a real Redis, the core's {@link Scheduler} driven by a {@link VirtualClock} that moves
 * in ticks, and a {@link CountingMessenger} as the platform. Members act only through {@link Inbound} events, as an
 * adapter hands them over: commands, button presses taken from the messages the bot sent, and plain text.
 *
 * <p>Each community: an organiser and {@code members} members; three weekly circles (Monday 19:00, Wednesday 12:30,
 * Saturday 10:00 UTC) with channel reminders 1 day and 1 hour before; daily check-in prompts at 09:00 for the members
 * who turn them on, three in four of whom answer with a mood button (one in five of those adds a note); RSVPs pressed
 * on the reminders; three resource searches and a {@code /next} a day; a share circle every Sunday at 18:00.
 */
final class MonthSimulation {

    /** The weekly circles every community has: name, day, start (UTC). */
    record CircleDef(String name, DayOfWeek day, LocalTime start) {
    }

    static final List<CircleDef> CIRCLES = List.of(
            new CircleDef("Monday circle", DayOfWeek.MONDAY, LocalTime.of(19, 0)),
            new CircleDef("Wednesday circle", DayOfWeek.WEDNESDAY, LocalTime.of(12, 30)),
            new CircleDef("Saturday circle", DayOfWeek.SATURDAY, LocalTime.of(10, 0)));
    static final List<Duration> LEADS = List.of(Duration.ofDays(1), Duration.ofHours(1));
    /** A Monday: the month starts with a whole week. */
    static final Instant START = Instant.parse("2027-03-01T00:00:00Z");
    private static final List<String> SEARCHES = List.of("sleep", "anxiety", "grief", "breathing", "loneliness", "stress",
            "panic", "walk");
    private static final List<String> NOTES = List.of("Slept badly, but the walk helped.", "A quiet day, grateful for tea.",
            "Work was a lot today.", "Called my sister, felt better.");
    private static final Pattern SPEAKER = Pattern.compile("The talking piece is with \\*?([^*.]+?)\\*?\\.");
    /** The last words of the basic format's closing, whether or not a next meeting is named. */
    private static final String CLOSING = "Thank you all for being here and for holding this space together.";

    /** The figures of one run. */
    record Result(int communities, int members, int days, Duration tick, long events, double eventSeconds, long jobs,
                  double jobSeconds, double wallSeconds, int remindersDue, int remindersDelivered, int lost, int doubled,
                  int unexpected, long sends, long edits, long baselineBytes, long day1Bytes, long lastDayBytes,
                  long keysDay1, long keysLastDay, long expiredKeys, Map<String, long[]> latencies,
                  Map<String, long[]> keyShapesDay1, Map<String, long[]> keyShapesLastDay, List<String> problems) {

        double eventsPerSecond() {
            return events / eventSeconds;
        }

        double bytesPerCommunity(long bytes) {
            return (bytes - baselineBytes) / (double) communities;
        }
    }

    private final RedisConnection redis;
    private final int communityCount;
    private final int memberCount;
    private final int days;
    private final Duration tick;
    private final VirtualClock clock = new VirtualClock(START);
    private final CountingMessenger messenger = new CountingMessenger(Platform.CONSOLE, clock);
    private final Engine engine;
    private final Scheduler scheduler;
    private final Random random = new Random(15);
    private final List<Community> communities = new ArrayList<>();
    private final Map<String, Community> byChannel = new HashMap<>();
    private final Map<String, Member> membersByKey = new HashMap<>();
    private final Map<String, List<Long>> latencies = new TreeMap<>();
    private final ReminderLedger ledger = new ReminderLedger();
    private final Set<String> meetingsAnswered = new HashSet<>();
    private final Deque<Runnable> reactions = new ArrayDeque<>();
    private final Map<String, String> speakers = new HashMap<>();
    private final Set<String> closed = new HashSet<>();
    private final Map<String, List<Member>> joined = new HashMap<>();
    private final Set<String> handsRaised = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    private final VirtualExpiry expiry;
    private long events;
    private long eventNanos;
    private long jobs;
    private long jobNanos;

    MonthSimulation(RedisConnection redis, int communities, int members, int days, Duration tick) {
        this.redis = redis;
        this.communityCount = communities;
        this.memberCount = members;
        this.days = days;
        this.tick = tick;
        this.expiry = new VirtualExpiry(redis);
        Bot.Assembly bot = Bot.builder().stores(RedisStores.create(redis, clock)).clock(clock)
                .messengers(new Messengers(List.of(messenger)))
                .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey())))
                .build();
        this.engine = bot.engine();
        this.scheduler = bot.scheduler();
    }

    Result run() {
        long began = System.nanoTime();
        redis.run(jedis -> jedis.flushAll());
        long baseline = RedisFootprint.usedMemory(redis);
        for (int c = 0; c < communityCount; c++) {
            setUp(c);
        }
        long day1 = 0;
        long keys1 = 0;
        Map<String, long[]> shapes1 = Map.of();
        long ticksPerDay = Duration.ofDays(1).dividedBy(tick);
        for (int day = 1; day <= days; day++) {
            Map<Long, List<Runnable>> planned = plannedActions(day, ticksPerDay);
            for (long t = 1; t <= ticksPerDay; t++) {
                clock.advance(tick);
                long started = System.nanoTime();
                jobs += scheduler.runDue();
                jobNanos += System.nanoTime() - started;
                react();
                for (Runnable action : planned.getOrDefault(t, List.of())) {
                    action.run();
                    react();
                }
            }
            expiry.sweep(clock.instant());
            if (day == 1 || day == days) {
                List<String> keys = expiry.allKeys();
                long used = RedisFootprint.usedMemory(redis);
                Map<String, long[]> shapes = RedisFootprint.shapes(redis, keys);
                if (day == 1) {
                    day1 = used;
                    keys1 = keys.size();
                    shapes1 = shapes;
                }
                if (day == days) {
                    return result(began, baseline, day1, used, keys1, keys.size(), shapes1, shapes);
                }
            }
        }
        throw new IllegalStateException("a run has at least one day");
    }

    private Result result(long began, long baseline, long day1, long last, long keys1, long keysLast,
                          Map<String, long[]> shapes1, Map<String, long[]> shapesLast) {
        ReminderLedger.Tally reminders = ledger.tally(communityCount, clock.instant(), problems);
        Map<String, long[]> sorted = new TreeMap<>();
        latencies.forEach((type, list) -> sorted.put(type, list.stream().mapToLong(Long::longValue).sorted().toArray()));
        return new Result(communityCount, memberCount, days, tick, events, eventNanos / 1e9, jobs, jobNanos / 1e9,
                (System.nanoTime() - began) / 1e9, reminders.due(), reminders.delivered(), reminders.lost(), reminders.doubled(),
                reminders.unexpected(), messenger.sends(),
                messenger.edits(), baseline, day1, last, keys1, keysLast, expiry.expired(), sorted, shapes1, shapesLast,
                List.copyOf(problems));
    }

    // ---- the people ----

    private void setUp(int index) {
        String id = String.format(Locale.ROOT, "c%05d", index);
        CommunityRef ref = new CommunityRef(Platform.CONSOLE, id);
        ChannelRef group = new ChannelRef(Platform.CONSOLE, "#" + id, ChannelRef.Kind.GROUP);
        Member organiser = Member.of(ref, group, id + "o", "organiser", Role.ORGANISER);
        List<Member> members = new ArrayList<>();
        Map<String, Member> byName = new HashMap<>();
        byName.put(organiser.name(), organiser);
        for (int m = 0; m < memberCount; m++) {
            Member member = Member.of(ref, group, id + "m" + m, "m" + m, Role.MEMBER);
            members.add(member);
            byName.put(member.name(), member);
        }
        Community community = new Community(index, ref, group, organiser, List.copyOf(members), byName);
        communities.add(community);
        byChannel.put(group.channelId(), community);
        membersByKey.put(organiser.ref().key(), organiser);
        members.forEach(m -> membersByKey.put(m.ref().key(), m));

        for (CircleDef circle : CIRCLES) {
            command("/circle create", organiser.inGroup(), "circle", "create \"" + circle.name() + "\" every "
                    + circle.day().name().toLowerCase(Locale.ROOT) + " " + circle.start());
        }
        command("/circle reminders", organiser.inGroup(), "circle", "reminders 1d 1h");
        command("/checkin setup", organiser.inGroup(), "checkin", "setup days daily time 09:00");
        for (Member member : members) {
            if (random.nextInt(5) < 4) {
                command("/checkin prompts on", member.inDirect(), "checkin", "prompts on");
            }
        }
        react();
    }

    /** What members do on their own in a day, by tick: searches, {@code /next}, and Sunday's share circle. */
    private Map<Long, List<Runnable>> plannedActions(int day, long ticksPerDay) {
        Map<Long, List<Runnable>> planned = new HashMap<>();
        long ticksPerHour = Duration.ofHours(1).dividedBy(tick);
        boolean sunday = LocalDate.ofInstant(START, ZoneOffset.UTC).plusDays(day - 1L).getDayOfWeek() == DayOfWeek.SUNDAY;
        for (Community community : communities) {
            for (int i = 0; i < 3; i++) {
                Member who = pick(community);
                String query = SEARCHES.get(random.nextInt(SEARCHES.size()));
                planned.computeIfAbsent(1 + (long) random.nextInt((int) ticksPerDay), t -> new ArrayList<>())
                        .add(() -> command("/resource", who.inDirect(), "resource", query));
            }
            Member asker = pick(community);
            planned.computeIfAbsent(1 + (long) random.nextInt((int) ticksPerDay), t -> new ArrayList<>())
                    .add(() -> command("/next", asker.inGroup(), "next", ""));
            if (sunday) {
                planned.computeIfAbsent(18 * ticksPerHour, t -> new ArrayList<>()).add(() -> shareCircle(community));
            }
        }
        return planned;
    }

    private Member pick(Community community) {
        return community.members().get(random.nextInt(community.members().size()));
    }

    /**
     * A share circle: the organiser starts it, eight members join, each speaks or passes in turn, round after round;
     * in the open sharing two of them raise their hands.
     */
    private void shareCircle(Community community) {
        String channel = community.group().channelId();
        speakers.remove(channel);
        closed.remove(channel);
        Member chair = community.organiser();
        command("/share start", chair.inGroup(), "share", "start basic");
        List<Member> shuffled = new ArrayList<>(community.members());
        Collections.shuffle(shuffled, random);
        List<Member> circle = shuffled.subList(0, Math.min(8, shuffled.size()));
        joined.put(channel, List.copyOf(circle));
        for (Member member : circle) {
            command("/share join", member.inGroup(), "share", "join");
        }
        react();
        for (int step = 0; step < 60 && !closed.contains(channel); step++) {
            String speaker = speakers.remove(channel);
            Member who = speaker == null ? null : community.byName().get(speaker);
            if (who == null) {
                command("/share next", chair.inGroup(), "share", "next");
            } else if (random.nextInt(6) == 0) {
                command("/share pass", who.inGroup(), "share", "pass");
            } else {
                command("/share done", who.inGroup(), "share", "done");
            }
            react();
        }
        if (!closed.contains(channel)) {
            problems.add("the share circle of " + community.ref().communityId() + " did not close within 60 steps; ended by the chair");
            command("/share end", chair.inGroup(), "share", "end");
            react();
        }
    }

    // ---- events and reactions ----

    private List<Reply> command(String type, Context context, String command, String rest) {
        return handle(type, Inbound.CommandInvoked.typed(context, command, rest));
    }

    private List<Reply> handle(String type, Inbound event) {
        long started = System.nanoTime();
        List<Reply> replies = engine.handle(event);
        long took = System.nanoTime() - started;
        events++;
        eventNanos += took;
        latencies.computeIfAbsent(type, t -> new ArrayList<>()).add(took);
        return replies;
    }

    /** Handles what the bot sent until nothing is left: members answer prompts and reminders; share posts are read. */
    private void react() {
        while (true) {
            for (CountingMessenger.Sent sent : messenger.drain()) {
                read(sent);
            }
            Runnable next = reactions.poll();
            if (next == null) {
                return;
            }
            next.run();
        }
    }

    private void read(CountingMessenger.Sent sent) {
        List<Button> buttons = sent.message().buttons();
        if (sent.target() instanceof Target.Member to && !sent.edit()
                && buttons.stream().anyMatch(b -> b.actionId().startsWith("checkin.mood:"))) {
            Member member = membersByKey.get(to.member().key());
            if (member != null && random.nextInt(4) < 3) {
                Button mood = buttons.get(moodIndex(buttons.size()));
                reactions.add(() -> pressMood(member, mood, sent.messageId()));
            }
            return;
        }
        if (sent.target() instanceof Target.Channel to) {
            Community community = byChannel.get(to.channel().channelId());
            if (community == null) {
                return;
            }
            String text = Markup.plain(sent.message().markup());
            Button rsvp = buttons.stream().filter(b -> b.actionId().startsWith("circle.rsvp:")).findFirst().orElse(null);
            if (rsvp != null && !sent.edit()) {
                String circle = CIRCLES.stream().map(CircleDef::name).filter(text::contains).findFirst().orElse("?");
                ledger.delivered(community.index(), circle, sent.at());
                String meeting = community.index() + "|" + rsvp.actionId().substring(0, rsvp.actionId().lastIndexOf(':', rsvp.actionId().lastIndexOf(':') - 1));
                int answers = meetingsAnswered.add(meeting) ? 12 : 2;
                for (int i = 0; i < answers; i++) {
                    Member who = pick(community);
                    Button answer = buttons.get(random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(buttons.size() - 1));
                    reactions.add(() -> handle("rsvp press", new Inbound.ButtonPressed(who.inGroup(), answer.actionId(), sent.messageId())));
                }
                return;
            }
            Matcher speaker = SPEAKER.matcher(text);
            String last = null;
            while (speaker.find()) {
                last = speaker.group(1).trim();
            }
            if (last != null && !sent.edit()) {
                speakers.put(to.channel().channelId(), last);
            }
            buttons.stream().filter(b -> b.actionId().startsWith("share.raise:")).findFirst()
                    .filter(raise -> !sent.edit() && handsRaised.add(raise.actionId()))
                    .ifPresent(raise -> joined.getOrDefault(to.channel().channelId(), List.of()).stream().limit(2)
                            .forEach(who -> reactions.add(() -> handle("raise hand", new Inbound.ButtonPressed(who.inGroup(),
                                    raise.actionId(), sent.messageId())))));
            if (text.contains(CLOSING)) {
                closed.add(to.channel().channelId());
            }
        }
    }

    /** Mostly the middle moods, sometimes the ends. */
    private int moodIndex(int buttons) {
        int[] weights = {15, 35, 30, 15, 5};
        int roll = random.nextInt(100);
        for (int i = 0; i < Math.min(buttons, weights.length); i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return 0;
    }

    private void pressMood(Member member, Button mood, String messageId) {
        List<Reply> replies = handle("mood press", new Inbound.ButtonPressed(member.inDirect(), mood.actionId(), messageId));
        if (random.nextInt(5) != 0) {
            return;
        }
        replies.stream().flatMap(r -> r.message().buttons().stream()).filter(b -> b.label().equals("Add a note")).findFirst()
                .ifPresent(note -> {
                    handle("note button", new Inbound.ButtonPressed(member.inDirect(), note.actionId(), null));
                    handle("note text", new Inbound.TextReceived(member.inDirect(), NOTES.get(random.nextInt(NOTES.size()))));
                });
    }
}
