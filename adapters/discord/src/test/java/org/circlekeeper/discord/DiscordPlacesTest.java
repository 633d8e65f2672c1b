package org.circlekeeper.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.TimeUtil;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.message.EventMirrors;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.share.ShareRoom;
import org.circlekeeper.core.testing.InMemoryStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Real groups on Discord, the whole bot with the real JDA against {@link FakeDiscord}: the bot removed from the server
 * and added back, a member leaving, a circle's channel, thread or voice room deleted or out of the bot's reach, and
 * circles and commands in threads and forum posts. Events and refusals come as Discord's gateway and REST API send them.
 * Each test makes its own channels; the removal runs last, as it takes the server away.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiscordPlacesTest {

    private static final Duration WAIT = Duration.ofSeconds(30); // generous: a loaded 2-core machine is slow
    private static final CommunityRef SERVER = new CommunityRef(Platform.DISCORD, FakeDiscord.GUILD);
    private static final MemberRef OLIVIA = new MemberRef(Platform.DISCORD, "500000000000000002", "olivia");
    private static final MemberRef ALICE = new MemberRef(Platform.DISCORD, "500000000000000001", "alice");
    private static final MemberRef BEA = new MemberRef(Platform.DISCORD, "500000000000000007", "bea");
    /** The fake server's owner (its {@code owner_id}), and the direct-message channel the fake opens with them. */
    private static final String OWNER_DM = "799999999999999999";
    private static final String ALICE_DM = "700000000000000001";

    private final Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private final VirtualClock clock = new VirtualClock(base);
    private final LocalDate meetingDay = LocalDate.ofInstant(base, ZoneOffset.UTC).plusDays(3);
    private final Stores stores = InMemoryStores.create(clock);
    private final AtomicLong interactionIds = new AtomicLong(610000000000000000L);
    private FakeDiscord discord;
    private DiscordAdapter adapter;
    private Engine engine;
    private Scheduler scheduler;

    @BeforeAll
    void start() throws Exception {
        discord = new FakeDiscord();
        adapter = new DiscordAdapter(new DiscordSettings(FakeDiscord.TOKEN, 0, List.of(), List.of(), Map.of(), false,
                discord.restBase(), 2, true), clock);
        Bot.Assembly bot = Bot.builder().stores(stores).clock(clock)
                .messengers(new Messengers(List.of(adapter.messenger())))
                .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey())))
                .mirrors(new EventMirrors(List.of(adapter.events()))).build();
        engine = bot.engine();
        scheduler = bot.scheduler();
        adapter.start(engine, Locale.ENGLISH);
        discord.awaitIdentify();
        waitFor(adapter::connected, "the bot connected");
        say(OLIVIA, FakeDiscord.CHANNEL, Role.ORGANISER, "/circle reminders 1h");
    }

    @AfterAll
    void stop() throws Exception {
        if (adapter != null) {
            adapter.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    private List<Reply> say(MemberRef who, String channelId, Role role, String line) {
        String body = line.substring(1);
        int space = body.indexOf(' ');
        Context context = new Context(who, new ChannelRef(Platform.DISCORD, channelId, ChannelRef.Kind.GROUP), SERVER, role,
                Locale.ENGLISH);
        return engine.handle(Inbound.CommandInvoked.typed(context, space < 0 ? body : body.substring(0, space),
                space < 0 ? "" : body.substring(space + 1)));
    }

    private String weekday() {
        return meetingDay.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }

    /** A new text channel in the server, as CHANNEL_CREATE brings it. */
    private String newChannel(String name) {
        String id = discord.nextId();
        discord.dispatch("CHANNEL_CREATE", FakeDiscord.textChannel(id, name));
        waitFor(() -> adapter.shardManager().getTextChannelById(id) != null, "channel " + name + " known");
        return id;
    }

    /** Creates a circle in the channel (the meeting day at the given hour) and returns its id. */
    private String circleIn(String channelId, String name, int hour) {
        String created = say(OLIVIA, channelId, Role.ORGANISER, "/circle create \"" + name + "\" every " + weekday() + " "
                + hour + ":00").get(0).message().markup().toString();
        assertThat(created).contains(name);
        return stores.circles().circles().all(SERVER).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
    }

    /** Lives to {@code minutesBefore} the meeting at {@code hour} on the meeting day, running what falls due. */
    private void untilBefore(int hour, int minutesBefore) {
        clock.set(meetingDay.atTime(hour, 0).toInstant(ZoneOffset.UTC).minus(Duration.ofMinutes(minutesBefore)));
        scheduler.runDue();
    }

    private List<FakeDiscord.Request> postsTo(String channelId) {
        return discord.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/channels/" + channelId + "/messages"))
                .toList();
    }

    private List<FakeDiscord.Request> toldOrganisers(String circle) {
        return postsTo(OWNER_DM).stream().filter(r -> r.body().path("content").asString().contains("I can no longer post")
                && r.body().path("content").asString().contains(circle)).toList();
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    @Order(1)
    void asksForTheServerMembersIntentOnlyWhenMemberEventsAreWanted() throws Exception {
        assertThat(discord.awaitIdentify().path("intents").asInt() & GatewayIntent.GUILD_MEMBERS.getRawValue())
                .isEqualTo(GatewayIntent.GUILD_MEMBERS.getRawValue());
        assertThat(DiscordAdapter.intents(new DiscordSettings(FakeDiscord.TOKEN, 0, List.of(), List.of(), Map.of(), false,
                null, 1))).doesNotContain(GatewayIntent.GUILD_MEMBERS);
    }

    @Test
    @Order(2)
    void aDeletedChannelIsToldToTheOwnerOnceAndMembersStillGetTheirPrivateReminders() {
        String room = newChannel("monday-room");
        String circle = circleIn(room, "Deleted room circle", 10);
        say(ALICE, room, Role.MEMBER, "/remind " + circle + " 15m");

        discord.dispatch("CHANNEL_DELETE", FakeDiscord.textChannel(room, "monday-room"));
        waitFor(() -> !toldOrganisers("Deleted room circle").isEmpty(), "the owner told");
        discord.dispatch("CHANNEL_DELETE", FakeDiscord.textChannel(room, "monday-room"));

        untilBefore(10, 60);
        untilBefore(10, 15);
        // a replica may try the deleted channel by id over REST (it sends anywhere without its cache); Discord refuses it
        assertThat(discord.createdMessages()).as("nothing is posted into the deleted channel")
                .noneMatch(r -> r.path().equals("/channels/" + room + "/messages"));
        assertThat(postsTo(ALICE_DM)).as("alice's own reminder goes out")
                .anySatisfy(r -> assertThat(r.body().path("content").asString()).contains("A gentle reminder: **Deleted room circle**"));
        assertThat(toldOrganisers("Deleted room circle")).as("told once: deleted twice, a reminder failed since").hasSize(1);
        assertThat(stores.circles().circles().find(SERVER, circle)).as("the circle keeps its data").isPresent();
    }

    @Test
    @Order(3)
    void losingAccessToAChannelIsToldOnceWhenItsReminderIsRefused() {
        String hidden = newChannel("hidden-room");
        String gone = newChannel("gone-room");
        circleIn(hidden, "Hidden circle", 11);
        circleIn(gone, "Vanished circle", 12);
        discord.refuseMessagesIn(hidden, FakeDiscord.MISSING_ACCESS);
        discord.refuseMessagesIn(gone, FakeDiscord.UNKNOWN_CHANNEL);

        untilBefore(11, 60);
        untilBefore(12, 60);

        assertThat(postsTo(hidden)).as("the reminder was tried").isNotEmpty();
        assertThat(postsTo(gone)).isNotEmpty();
        assertThat(toldOrganisers("Hidden circle")).hasSize(1);
        assertThat(toldOrganisers("Vanished circle")).hasSize(1);
        untilBefore(12, 30);
        assertThat(postsTo(hidden)).as("a refused reminder is not retried as if the refusal would pass").hasSize(1);
        assertThat(postsTo(gone)).hasSize(1);
    }

    @Test
    @Order(4)
    void aDeletedVoiceRoomTheCircleMeetsInIsToldByItsName() {
        String voice = discord.nextId();
        discord.dispatch("CHANNEL_CREATE", FakeDiscord.voiceChannel(voice, "Quiet room"));
        waitFor(() -> adapter.shardManager().getVoiceChannelById(voice) != null, "the voice room known");
        String circle = circleIn(FakeDiscord.CHANNEL, "Voice circle", 13);
        say(OLIVIA, FakeDiscord.CHANNEL, Role.ORGANISER, "/circle edit " + circle + " place Quiet room");

        discord.dispatch("CHANNEL_DELETE", FakeDiscord.voiceChannel(voice, "Quiet room"));

        waitFor(() -> !toldOrganisers("Voice circle").isEmpty(), "the owner told of the voice room");
    }

    @Test
    @Order(5)
    void aCommandInAThreadIsAnsweredThereAndItsCircleRemindsInTheThread() throws Exception {
        String thread = discord.nextId();
        discord.dispatch("THREAD_CREATE", FakeDiscord.thread(thread, FakeDiscord.CHANNEL, "tuesday-thread"));
        waitFor(() -> adapter.shardManager().getThreadChannelById(thread) != null, "the thread known");

        String token = slash(thread, 11, FakeDiscord.CHANNEL, "circle", "create",
                Map.of("name", "Thread circle", "when", "every " + weekday() + " 14:00"));
        assertThat(answer(token)).contains("Thread circle");
        assertThat(stores.circles().circles().all(SERVER)).filteredOn(c -> c.name().equals("Thread circle"))
                .singleElement().satisfies(c -> assertThat(c.channel().channelId()).isEqualTo(thread));

        untilBefore(14, 60);

        assertThat(postsTo(thread)).as("the circle's reminder goes into its thread")
                .anySatisfy(r -> assertThat(r.body().path("content").asString()).contains("Reminder: **Thread circle**"));
        assertThat(postsTo(FakeDiscord.CHANNEL)).noneMatch(r -> r.body().path("content").asString().contains("Thread circle"));

        discord.dispatch("THREAD_DELETE", FakeDiscord.threadDelete(thread, FakeDiscord.CHANNEL));
        waitFor(() -> !toldOrganisers("Thread circle").isEmpty(), "the owner told of the deleted thread");
    }

    @Test
    @Order(7)
    void aThreadArchivedAndLockedIsToldOnceNotRetriedAndAnArchivedOneReopens() {
        String locked = discord.nextId();
        String archived = discord.nextId();
        discord.dispatch("THREAD_CREATE", FakeDiscord.thread(locked, FakeDiscord.CHANNEL, "locked-thread"));
        discord.dispatch("THREAD_CREATE", FakeDiscord.thread(archived, FakeDiscord.CHANNEL, "quiet-thread"));
        waitFor(() -> adapter.shardManager().getThreadChannelById(locked) != null
                && adapter.shardManager().getThreadChannelById(archived) != null, "the threads known");
        String circle = circleIn(locked, "Locked circle", 16);
        circleIn(archived, "Quiet circle", 16);
        say(ALICE, locked, Role.MEMBER, "/remind " + circle + " 15m");

        // a moderator archives and locks one thread; the other is archived only, as Discord does after inactivity
        discord.dispatch("THREAD_UPDATE", FakeDiscord.archivedThread(locked, FakeDiscord.CHANNEL, "locked-thread", true));
        discord.dispatch("THREAD_UPDATE", FakeDiscord.archivedThread(archived, FakeDiscord.CHANNEL, "quiet-thread", false));
        waitFor(() -> discord.archived(locked) && discord.archived(archived), "both threads archived");

        untilBefore(16, 60);
        untilBefore(16, 45);
        untilBefore(16, 15);

        assertThat(reminders(locked, "Locked circle")).as("tried once, refused with 50083, never retried").hasSize(1);
        assertThat(discord.createdMessages()).noneMatch(r -> r.path().equals("/channels/" + locked + "/messages"));
        assertThat(toldOrganisers("Locked circle")).as("the owner is told once, where they can read it").hasSize(1);
        assertThat(postsTo(ALICE_DM)).as("alice's own reminder still goes out")
                .anySatisfy(r -> assertThat(r.body().path("content").asString()).contains("A gentle reminder: **Locked circle**"));
        assertThat(stores.circles().circles().find(SERVER, circle)).as("the circle keeps its data").isPresent();

        assertThat(discord.createdMessages()).as("an archived thread that is not locked takes its reminder")
                .anySatisfy(r -> assertThat(r.path()).isEqualTo("/channels/" + archived + "/messages"));
        assertThat(discord.archived(archived)).as("and the message reopened it, as Discord does").isFalse();
        assertThat(toldOrganisers("Quiet circle")).isEmpty();
    }

    private List<FakeDiscord.Request> reminders(String channelId, String circle) {
        return postsTo(channelId).stream().filter(r -> r.body().path("content").asString().contains("Reminder: **" + circle + "**"))
                .toList();
    }

    @Test
    @Order(6)
    void aCircleLivesInAForumPostAndAShareCircleRunsInThatThread() throws Exception {
        String forum = discord.nextId();
        discord.dispatch("CHANNEL_CREATE", FakeDiscord.forumChannel(forum, "circles-forum"));
        waitFor(() -> adapter.shardManager().getForumChannelById(forum) != null, "the forum known");
        String post = discord.nextId();
        discord.dispatch("THREAD_CREATE", FakeDiscord.thread(post, forum, "Wednesday circle"));
        waitFor(() -> adapter.shardManager().getThreadChannelById(post) != null, "the forum post known");

        String token = slash(post, 11, forum, "circle", "create", Map.of("name", "Forum circle", "when", "every " + weekday() + " 15:00"));
        assertThat(answer(token)).contains("Forum circle");
        untilBefore(15, 60);
        assertThat(postsTo(post)).as("messages go into the post, never the forum itself")
                .anySatisfy(r -> assertThat(r.body().path("content").asString()).contains("Reminder: **Forum circle**"));
        assertThat(postsTo(forum)).isEmpty();

        String share = slash(post, 11, forum, "share", "start", Map.of());
        waitFor(() -> postsTo(post).stream().anyMatch(r -> r.body().path("content").asString().contains("Our circle is starting")),
                "the share circle opened in the post");
        assertThat(stores.share().live(new ShareRoom(SERVER,
                new ChannelRef(Platform.DISCORD, post, ChannelRef.Kind.GROUP)))).as("the share circle runs in the post").isPresent();
    }

    @Test
    @Order(7)
    void aMemberWhoLeavesTheServerLosesTheirAnswersThere() {
        List<Reply> created = say(OLIVIA, FakeDiscord.CHANNEL, Role.ORGANISER, "/circle create \"Leaving circle\" every "
                + weekday() + " 16:00");
        String circle = stores.circles().circles().all(SERVER).stream().filter(c -> c.name().equals("Leaving circle"))
                .findFirst().orElseThrow().id();
        String rsvp = created.get(0).message().buttonRows().get(0).get(0).actionId();
        Context bea = new Context(BEA, new ChannelRef(Platform.DISCORD, FakeDiscord.CHANNEL, ChannelRef.Kind.GROUP), SERVER,
                Role.MEMBER, Locale.ENGLISH);
        engine.handle(new Inbound.ButtonPressed(bea, rsvp, null));
        assertThat(stores.circles().rsvps().ofMember(BEA)).hasSize(1);

        discord.dispatch("GUILD_MEMBER_REMOVE", FakeDiscord.guildMemberRemove(BEA.userId(), "bea"));

        waitFor(() -> stores.circles().rsvps().ofMember(BEA).isEmpty(), "bea's answers erased");
        assertThat(say(OLIVIA, FakeDiscord.CHANNEL, Role.ORGANISER, "/circle attendees " + circle).get(0).message().markup()
                .toString()).doesNotContain("bea");
    }

    @Test
    @Order(7)
    void aShareCircleOpensAThreadForItsMeetingAndArchivesItWhenTheMeetingEnds() {
        String channel = newChannel("sharing-room");

        List<Reply> started = say(OLIVIA, channel, Role.ORGANISER, "/share start basic");
        assertThat(started).singleElement().satisfies(r -> assertThat(r.message().markup().toString())
                .contains("Our circle meets in a thread of its own today"));
        Matcher link = Pattern.compile("https://discord\\.com/channels/" + FakeDiscord.GUILD + "/(\\d+)")
                .matcher(started.get(0).message().markup().toString());
        assertThat(link.find()).as("a link to the thread").isTrue();
        String thread = link.group(1);
        JsonNode opened = discord.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/channels/" + channel + "/threads"))
                .findFirst().orElseThrow().body();
        assertThat(opened.path("type").asInt()).as("a public thread (Discord's default would be private)").isEqualTo(11);
        assertThat(opened.path("name").asString()).isEqualTo("Circle: Basic peer-support circle");
        assertThat(postsTo(thread)).as("the meeting runs in the thread")
                .anySatisfy(r -> assertThat(r.body().path("content").asString()).contains("Our circle is starting"));
        assertThat(postsTo(channel)).as("and not in the channel").isEmpty();
        assertThat(stores.share().live(new ShareRoom(SERVER, new ChannelRef(Platform.DISCORD, thread, ChannelRef.Kind.GROUP))))
                .isPresent();

        say(OLIVIA, thread, Role.ORGANISER, "/share end");
        assertThat(discord.archived(thread)).as("the thread is archived when the meeting ends").isTrue();
        assertThat(postsTo(channel)).as("the next chair is asked in the channel, where the next meeting starts")
                .singleElement().satisfies(r -> assertThat(r.body().path("content").asString()).contains("chair"));
    }

    @Test
    @Order(7)
    void withoutTheRightToOpenThreadsTheMeetingRunsInTheChannelAndTheOrganiserIsToldOnce() {
        String channel = discord.nextId();
        discord.dispatch("CHANNEL_CREATE", FakeDiscord.textChannelWithoutThreads(channel, "no-threads-room"));
        waitFor(() -> adapter.shardManager().getTextChannelById(channel) != null, "the channel known");
        List<Reply> started = say(OLIVIA, channel, Role.ORGANISER, "/share start basic");
        assertThat(started).singleElement().satisfies(r -> {
            assertThat(r.message().visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(r.message().markup().toString()).contains("I couldn't open a thread for today's circle");
        });
        assertThat(postsTo(channel)).as("the meeting runs in the channel")
                .anySatisfy(r -> assertThat(r.body().path("content").asString()).contains("Our circle is starting"));
        say(OLIVIA, channel, Role.ORGANISER, "/share end");
        assertThat(say(OLIVIA, channel, Role.ORGANISER, "/share start basic")).as("told once").isEmpty();
        say(OLIVIA, channel, Role.ORGANISER, "/share end");
        // JDA refuses it itself when it knows the bot's rights; else Discord answers 403 (50013): no thread either way
        assertThat(discord.threadsUnder(channel)).as("no thread was opened").isEmpty();
    }

    @Test
    @Order(8)
    void anOutageIsNotARemovalButARemovalStopsEverythingUntilTheBotIsAddedBack() {
        String circle = circleIn(FakeDiscord.CHANNEL, "Removal circle", 17);

        discord.dispatch("GUILD_DELETE", FakeDiscord.guildDelete(true));
        waitFor(() -> adapter.shardManager().getShardById(0).isUnavailable(Long.parseLong(FakeDiscord.GUILD)),
                "the server unavailable");
        discord.dispatch("GUILD_CREATE", FakeDiscord.guildCreate());
        waitFor(() -> adapter.shardManager().getGuildById(FakeDiscord.GUILD) != null, "the server back after the outage");
        assertThat(stores.departures().departedAt(SERVER)).as("an outage is not a removal").isEmpty();

        discord.dispatch("GUILD_DELETE", FakeDiscord.guildDelete(false));
        waitFor(() -> stores.departures().departedAt(SERVER).isPresent(), "the removal noted");
        int before = postsTo(FakeDiscord.CHANNEL).size();
        untilBefore(17, 60);
        assertThat(postsTo(FakeDiscord.CHANNEL)).as("nothing is sent in a server that removed the bot").hasSize(before);
        assertThat(toldOrganisers("Removal circle")).as("a removal is not a lost channel").isEmpty();

        discord.dispatch("GUILD_CREATE", FakeDiscord.guildCreate());
        waitFor(() -> stores.departures().departedAt(SERVER).isEmpty(), "the bot back");
        assertThat(stores.circles().circles().find(SERVER, circle)).as("everything carries on").isPresent();
        Instant nextWeek = meetingDay.plusDays(7).atTime(17, 0).toInstant(ZoneOffset.UTC);
        clock.set(nextWeek.minus(Duration.ofHours(3)));
        scheduler.runDue();
        clock.set(nextWeek.minus(Duration.ofHours(1)));
        scheduler.runDue();
        assertThat(postsTo(FakeDiscord.CHANNEL)).as("next week's reminder goes out again")
                .anySatisfy(r -> assertThat(r.body().path("content").asString()).contains("Reminder: **Removal circle**"));
    }

    /**
     * What the bot answered to an interaction: in its callback, or, when it deferred (the engine took a while), in the
     * edit of the original response that follows.
     */
    private String answer(String token) throws InterruptedException {
        JsonNode callback = discord.await("POST", "/interactions/\\d+/" + token + "/callback", WAIT).body();
        if (callback.path("type").asInt() == 4) {
            return callback.path("data").path("content").asString();
        }
        return discord.await("PATCH", "/webhooks/\\d+/" + token + "/messages/@original", WAIT).body().path("content").asString();
    }

    /** A slash command used in a thread: the interaction carries the thread as its channel (type 11, with its parent). */
    private String slash(String channelId, int type, String parentId, String name, String subcommand, Map<String, String> options) {
        List<Map<String, Object>> given = new ArrayList<>();
        options.forEach((k, v) -> given.add(Map.of("name", k, "type", 3, "value", v)));
        String token = "ptoken" + interactionIds.incrementAndGet();
        Map<String, Object> payload = new HashMap<>();
        payload.put("id", Long.toString(TimeUtil.getDiscordTimestamp(System.currentTimeMillis()) + interactionIds.get() % 4096));
        payload.put("application_id", FakeDiscord.APP);
        payload.put("type", 2);
        payload.put("token", token);
        payload.put("version", 1);
        payload.put("locale", "en-US");
        payload.put("guild_locale", "en-US");
        payload.put("guild_id", FakeDiscord.GUILD);
        payload.put("channel_id", channelId);
        payload.put("guild", Map.of("id", FakeDiscord.GUILD, "locale", "en-US", "features", List.of()));
        Map<String, Object> channel = new HashMap<>(FakeDiscord.thread(channelId, parentId, "thread"));
        channel.put("type", type);
        payload.put("channel", channel);
        Map<String, Object> member = new HashMap<>(FakeDiscord.member(OLIVIA.userId(), "olivia", List.of(FakeDiscord.ORGANISER_ROLE)));
        member.put("permissions", "68640");
        payload.put("member", member);
        payload.put("data", Map.of("id", "800000000000000001", "name", name, "type", 1,
                "options", List.of(Map.of("name", subcommand, "type", 1, "options", given))));
        payload.put("authorizing_integration_owners", Map.of("0", FakeDiscord.GUILD));
        payload.put("context", 0);
        payload.put("entitlements", List.of());
        payload.put("app_permissions", Long.toString(FakeDiscord.BOT_PERMISSIONS));
        discord.dispatch("INTERACTION_CREATE", payload);
        return token;
    }
}
