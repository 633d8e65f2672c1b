package org.circlekeeper.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.testing.InMemoryStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Circles in the server's Events: the whole bot with the real JDA against {@link FakeDiscord}. Commands
 * go straight to the engine (the slash-command path has its own tests); what is checked is what reaches
 * Discord. The bot's clock starts at the real time, because JDA refuses events that start in the past by
 * the real clock. The server's zone is UTC; each circle meets on the weekday three days from now at 19:00.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30); // generous: a loaded 2-core machine is slow
    private static final CommunityRef SERVER = new CommunityRef(Platform.DISCORD, FakeDiscord.GUILD);
    private static final ChannelRef ROOM = new ChannelRef(Platform.DISCORD, FakeDiscord.CHANNEL, ChannelRef.Kind.GROUP);
    private static final MemberRef OLIVIA = new MemberRef(Platform.DISCORD, "500000000000000002", "olivia");
    private static final String EVENTS = "/guilds/" + FakeDiscord.GUILD + "/scheduled-events";

    private final Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private final VirtualClock clock = new VirtualClock(base);
    private final LocalDate meetingDay = LocalDate.ofInstant(base, ZoneOffset.UTC).plusDays(3);
    private final Instant first = meetingDay.atTime(19, 0).toInstant(ZoneOffset.UTC);
    private final Stores stores = InMemoryStores.create(clock);
    FakeDiscord discord;
    DiscordAdapter adapter;
    private Engine engine;
    private Scheduler scheduler;

    @BeforeAll
    void start() throws Exception {
        discord = new FakeDiscord();
        adapter = new DiscordAdapter(settings(discord), clock);
        Bot.Assembly bot = Bot.builder().stores(stores).clock(clock)
                .messengers(new Messengers(List.of(adapter.messenger())))
                .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey())))
                .mirrors(new EventMirrors(List.of(adapter.events()))).build();
        engine = bot.engine();
        scheduler = bot.scheduler();
        adapter.start(engine, Locale.ENGLISH);
        discord.awaitIdentify();
        long end = System.nanoTime() + WAIT.toNanos();
        while (!adapter.connected() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(adapter.connected()).isTrue();
        organiser("/circle reminders off");
    }

    /** This replica runs every shard, so the server is in its cache. */
    DiscordSettings settings(FakeDiscord discord) {
        return new DiscordSettings(FakeDiscord.TOKEN, 0, List.of(), List.of(), Map.of(), false, discord.restBase(), 2);
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

    @BeforeEach
    void atTheStart() {
        clock.set(base);
    }

    private List<Reply> organiser(String line) {
        String body = line.substring(1);
        int space = body.indexOf(' ');
        Context context = new Context(OLIVIA, ROOM, SERVER, Role.ORGANISER, Locale.ENGLISH);
        return engine.handle(Inbound.CommandInvoked.typed(context, space < 0 ? body : body.substring(0, space),
                space < 0 ? "" : body.substring(space + 1)));
    }

    private String weekday() {
        return meetingDay.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }

    /** Creates a weekly circle, runs its first sync and returns the id of the scheduled event it made. */
    String createCircle(String name) throws InterruptedException {
        organiser("/circle create \"" + name + "\" every " + weekday() + " 19:00");
        scheduler.runDue();
        String shown = DiscordEventMirror.name(name);
        discord.await(r -> r.method().equals("POST") && r.path().equals(EVENTS) && r.body().path("name").asString().equals(shown),
                WAIT, "the event of " + name);
        return eventNamed(shown);
    }

    private String eventNamed(String name) {
        return discord.scheduledEvents().entrySet().stream().filter(e -> e.getValue().path("name").asString().equals(name))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no event named " + name));
    }

    private static Instant time(JsonNode event, String field) {
        return OffsetDateTime.parse(event.path(field).asString()).toInstant();
    }

    @Test
    void creatingACircleListsItsFirstMeetingAsAnExternalEventInItsChannel() throws Exception {
        String id = createCircle("Creation circle");

        JsonNode sent = discord.await(r -> r.method().equals("POST") && r.path().equals(EVENTS)
                && r.body().path("name").asString().equals("Creation circle"), WAIT, "the event").body();
        JsonNode event = discord.scheduledEvents().get(id);
        assertThat(event.path("name").asString()).isEqualTo("Creation circle");
        assertThat(time(event, "scheduled_start_time")).isEqualTo(first);
        assertThat(time(event, "scheduled_end_time")).isEqualTo(first.plus(Duration.ofHours(1)));
        assertThat(event.path("entity_type").asInt()).as("external").isEqualTo(3);
        assertThat(event.path("entity_metadata").path("location").asString()).isEqualTo("#circle-room");
        assertThat(event.path("privacy_level").asInt()).isEqualTo(2);
        assertThat(sent.has("description")).as("no description yet").isFalse();
    }

    @Test
    void editingTheCircleUpdatesItsEventAndAVoiceChannelMakesAVoiceEvent() throws Exception {
        String id = createCircle("Edited circle");
        discord.forget();

        organiser("/circle edit edited-circle description Bring tea, *gently*");
        organiser("/circle edit edited-circle place voice: Circle room");
        scheduler.runDue();

        JsonNode patch = discord.await("PATCH", EVENTS + "/" + id, WAIT).body();
        assertThat(patch.path("description").asString()).isEqualTo("Bring tea, \\*gently\\*");
        assertThat(patch.path("entity_type").asInt()).as("a voice channel event").isEqualTo(2);
        assertThat(patch.path("channel_id").asString()).isEqualTo(FakeDiscord.VOICE);
        assertThat(discord.requests()).filteredOn(r -> r.method().equals("POST") && r.path().equals(EVENTS)).as("no second event").isEmpty();
        JsonNode event = discord.scheduledEvents().get(id);
        assertThat(event.path("name").asString()).isEqualTo("Edited circle");
        assertThat(time(event, "scheduled_start_time")).isEqualTo(first);
    }

    @Test
    void skippingTheNextMeetingMovesTheEventToTheFollowingOne() throws Exception {
        String id = createCircle("Skipped circle");

        organiser("/circle skip skipped-circle " + meetingDay);
        scheduler.runDue();

        discord.await("PATCH", EVENTS + "/" + id, WAIT);
        JsonNode event = discord.scheduledEvents().get(id);
        assertThat(time(event, "scheduled_start_time")).isEqualTo(first.plus(Duration.ofDays(7)));
        assertThat(time(event, "scheduled_end_time")).isEqualTo(first.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
    }

    @Test
    void cancellingTheCircleDeletesItsEvent() throws Exception {
        String id = createCircle("Cancelled circle");

        organiser("/circle cancel cancelled-circle");
        scheduler.runDue();

        discord.await("DELETE", EVENTS + "/" + id, WAIT);
        assertThat(discord.scheduledEvents()).doesNotContainKey(id);
    }

    @Test
    void anEventSomeoneDeletedInDiscordIsMadeAgain() throws Exception {
        String id = createCircle("Remade circle");
        discord.deleteScheduledEvent(id);

        organiser("/circle edit remade-circle duration 90m");
        scheduler.runDue();

        String again = eventNamed("Remade circle");
        assertThat(again).isNotEqualTo(id);
        assertThat(time(discord.scheduledEvents().get(again), "scheduled_end_time")).isEqualTo(first.plus(Duration.ofMinutes(90)));
    }

    @Test
    void aStoredIdThatIsNoDiscordIdIsReplacedByANewEvent() throws Exception {
        String id = createCircle("Relinked circle");
        assertThat(stores.circles().events().replace(SERVER, "relinked-circle", id, "not-a-snowflake")).isTrue();

        organiser("/circle edit relinked-circle duration 75m");
        scheduler.runDue();

        String again = discord.scheduledEvents().entrySet().stream()
                .filter(e -> e.getValue().path("name").asString().equals("Relinked circle") && !e.getKey().equals(id))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        assertThat(stores.circles().events().find(SERVER, "relinked-circle")).contains(again);
        assertThat(time(discord.scheduledEvents().get(again), "scheduled_end_time")).isEqualTo(first.plus(Duration.ofMinutes(75)));
    }

    @Test
    void memberTextInAnEventIsNeverAMention() throws Exception {
        String id = createCircle("@everyone circle");
        organiser("/circle edit everyone-circle description Hi @here and <@123>");
        scheduler.runDue();

        JsonNode created = discord.await(r -> r.method().equals("POST") && r.path().equals(EVENTS)
                && r.body().path("name").asString().contains("everyone"), WAIT, "the @everyone event").body();
        assertThat(created.path("name").asString()).isEqualTo("@\u200Beveryone circle").doesNotContain("@everyone");
        JsonNode patch = discord.await("PATCH", EVENTS + "/" + id, WAIT).body();
        assertThat(patch.path("description").asString()).isEqualTo("Hi \\@here and \\<\\@123\\>");
        assertThat(patch.path("name").asString()).isEqualTo("@\u200Beveryone circle");
    }

    @Test
    void aReminderShowsTheMeetingAsATimestampInEachViewersZone() throws Exception {
        organiser("/circle create \"Reminded circle\" every " + weekday() + " 19:00");
        organiser("/circle reminders 1d");
        try {
            clock.set(first.minus(Duration.ofDays(1)));
            scheduler.runDue();

            JsonNode reminder = discord.await(r -> r.method().equals("POST") && r.path().equals("/channels/" + FakeDiscord.CHANNEL + "/messages")
                    && r.body().path("content").asString().contains("Reminded circle"), WAIT, "the reminder").body();
            assertThat(reminder.path("content").asString()).contains("<t:" + first.getEpochSecond() + ":F>")
                    .doesNotContain("(UTC)");
        } finally {
            organiser("/circle reminders off");
        }
    }

}
