package org.circlekeeper.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.utils.TimeUtil;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.PlacePresences;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.share.Person;
import org.circlekeeper.core.share.SessionSummary;
import org.circlekeeper.core.share.ShareRoom;
import org.circlekeeper.core.share.ShareSession;
import org.circlekeeper.core.testing.InMemoryStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A share circle that meets in a Discord voice channel, the whole bot with the real JDA against {@link FakeDiscord}:
 * olivia is in the voice channel when the bot connects (GUILD_CREATE's {@code voice_states}), starts the circle with a
 * slash command in the channel's text chat, and alice, bob and carol come and go by voice (VOICE_STATE_UPDATE), as
 * Discord's gateway sends them.
 */
class DiscordVoiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30); // generous: a loaded 2-core machine is slow
    private static final CommunityRef SERVER = new CommunityRef(Platform.DISCORD, FakeDiscord.GUILD);
    private static final ShareRoom ROOM = new ShareRoom(SERVER,
            new ChannelRef(Platform.DISCORD, FakeDiscord.VOICE, ChannelRef.Kind.GROUP));
    private static final MemberRef OLIVIA = new MemberRef(Platform.DISCORD, "500000000000000002", "olivia");
    private static final MemberRef ALICE = new MemberRef(Platform.DISCORD, "500000000000000001", "alice");
    private static final MemberRef BOB = new MemberRef(Platform.DISCORD, "500000000000000003", "bob");
    private static final MemberRef CAROL = new MemberRef(Platform.DISCORD, "500000000000000004", "carol");

    private final VirtualClock clock = new VirtualClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
    private final Stores stores = InMemoryStores.create(clock);
    private FakeDiscord discord;
    private DiscordAdapter adapter;
    private Engine engine;

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord();
        discord.inVoiceAtStart(OLIVIA.userId(), "olivia", FakeDiscord.VOICE);
        adapter = new DiscordAdapter(new DiscordSettings(FakeDiscord.TOKEN, 0, List.of(), List.of(), Map.of(), false,
                discord.restBase(), 2), clock);
        engine = Bot.builder().stores(stores).clock(clock)
                .messengers(new Messengers(List.of(adapter.messenger())))
                .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey())))
                .with(PlacePresences.class, new PlacePresences(List.of(adapter.presence())))
                .build().engine();
        adapter.start(engine, Locale.ENGLISH);
        discord.awaitIdentify();
        waitFor(adapter::connected, "the bot connected");
    }

    @AfterEach
    void stop() throws Exception {
        if (adapter != null) {
            adapter.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    @Test
    void theRoundFollowsWhoIsInTheVoiceChannelAndAttendanceIsCountedFromPresence() {
        waitFor(() -> adapter.presence().present(ROOM.channel()).orElse(List.of()).contains(OLIVIA),
                "olivia in voice from the GUILD_CREATE");
        assertThat(adapter.presence().present(new ChannelRef(Platform.DISCORD, FakeDiscord.CHANNEL, ChannelRef.Kind.GROUP)))
                .as("a text channel is not a place one is in").isEmpty();

        slashInVoiceChannel("share", "start", Map.of("format", "basic"));
        waitFor(() -> posted().contains("This circle follows its voice room") && posted().contains("Here: olivia"),
                "the circle started in the voice channel's text chat, following it");

        for (MemberRef member : List.of(ALICE, BOB, CAROL)) {
            discord.dispatch("VOICE_STATE_UPDATE", FakeDiscord.voiceState(member.userId(), member.displayName(), FakeDiscord.VOICE));
        }
        waitFor(() -> names(live().present()).equals(List.of("olivia", "alice", "bob", "carol")), "three joined by voice");

        say(OLIVIA, "/share next");
        assertThat(live().speaker().name()).isEqualTo("olivia");
        say(OLIVIA, "/share done");
        assertThat(live().speaker().name()).isEqualTo("alice");

        long before = live().version();
        Map<String, Object> muted = new HashMap<>(FakeDiscord.voiceState(BOB.userId(), "bob", FakeDiscord.VOICE));
        muted.put("self_mute", true);
        discord.dispatch("VOICE_STATE_UPDATE", muted);
        discord.dispatch("VOICE_STATE_UPDATE", FakeDiscord.voiceState(ALICE.userId(), "alice", null));
        waitFor(() -> live().speaker() != null && live().speaker().name().equals("bob"), "alice left voice: the piece moved on");
        assertThat(live().version()).as("bob muting himself is no coming or going; alice leaving is one change")
                .isEqualTo(before + 1);
        waitFor(() -> posted().contains("The talking piece moves on."), "the channel told");
        assertThat(names(live().present())).containsExactly("olivia", "bob", "carol");

        String other = discord.nextId();
        discord.dispatch("CHANNEL_CREATE", FakeDiscord.voiceChannel(other, "Quiet room"));
        waitFor(() -> adapter.shardManager().getVoiceChannelById(other) != null, "the second voice channel known");
        discord.dispatch("VOICE_STATE_UPDATE", FakeDiscord.voiceState(CAROL.userId(), "carol", other));
        waitFor(() -> names(live().present()).equals(List.of("olivia", "bob")), "carol moved to another voice channel");
        assertThat(live().queue()).as("carol left the round before her turn").isEmpty();
        discord.dispatch("VOICE_STATE_UPDATE", FakeDiscord.voiceState(CAROL.userId(), "carol", FakeDiscord.VOICE));
        discord.dispatch("VOICE_STATE_UPDATE", FakeDiscord.voiceState(ALICE.userId(), "alice", FakeDiscord.VOICE));
        waitFor(() -> names(live().present()).equals(List.of("olivia", "bob", "carol", "alice")), "carol and alice came back");

        say(OLIVIA, "/share end");
        SessionSummary summary = stores.share().history(SERVER, 1).get(0);
        assertThat(summary.joined()).as("four people were in the voice channel, two of them twice; counts people, not arrivals")
                .isEqualTo(4);
        assertThat(summary.shares()).as("olivia's, and bob's, which the end closed").isEqualTo(2);
        assertThat(stores.share().live(ROOM)).isEmpty();
    }

    @Test
    void aStageChannelIsAPlaceOneIsInToo() {
        String stage = discord.nextId();
        discord.dispatch("CHANNEL_CREATE", FakeDiscord.stageChannel(stage, "Stage"));
        waitFor(() -> adapter.shardManager().getStageChannelById(stage) != null, "the stage channel known");
        ChannelRef place = new ChannelRef(Platform.DISCORD, stage, ChannelRef.Kind.GROUP);
        assertThat(adapter.presence().present(place)).contains(List.of());

        discord.dispatch("VOICE_STATE_UPDATE", FakeDiscord.voiceState(BOB.userId(), "bob", stage));
        waitFor(() -> adapter.presence().present(place).orElse(List.of()).contains(BOB), "bob on the stage");
        say(new ShareRoom(SERVER, place), OLIVIA, "/share start basic");
        discord.dispatch("VOICE_STATE_UPDATE", FakeDiscord.voiceState(CAROL.userId(), "carol", stage));
        waitFor(() -> stores.share().live(new ShareRoom(SERVER, place)).map(s -> names(s.present())).orElse(List.of())
                .equals(List.of("bob", "carol")), "carol joined the circle on the stage");
    }

    private ShareSession live() {
        Optional<ShareSession> live = stores.share().live(ROOM);
        assertThat(live).as("a circle runs in the voice channel").isPresent();
        return live.get();
    }

    private static List<String> names(List<Person> people) {
        return people.stream().map(Person::name).toList();
    }

    /** Everything the bot posted in the voice channel's text chat so far, as one text. */
    private String posted() {
        return String.join("\n", discord.createdMessages().stream()
                .filter(r -> r.path().equals("/channels/" + FakeDiscord.VOICE + "/messages"))
                .map(r -> r.body().path("content").asString()).toList());
    }

    private void say(MemberRef who, String line) {
        say(ROOM, who, line);
    }

    private void say(ShareRoom room, MemberRef who, String line) {
        String body = line.substring(1);
        int space = body.indexOf(' ');
        Context context = new Context(who, room.channel(), SERVER, Role.ORGANISER, Locale.ENGLISH);
        engine.handle(Inbound.CommandInvoked.typed(context, body.substring(0, space), body.substring(space + 1)));
    }

    /** olivia's slash command in the voice channel's text chat: the interaction's channel is the voice channel (type 2). */
    private void slashInVoiceChannel(String name, String subcommand, Map<String, String> options) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("id", Long.toString(TimeUtil.getDiscordTimestamp(System.currentTimeMillis())));
        payload.put("application_id", FakeDiscord.APP);
        payload.put("type", 2);
        payload.put("token", "vtoken");
        payload.put("version", 1);
        payload.put("locale", "en-US");
        payload.put("guild_locale", "en-US");
        payload.put("guild_id", FakeDiscord.GUILD);
        payload.put("channel_id", FakeDiscord.VOICE);
        payload.put("guild", Map.of("id", FakeDiscord.GUILD, "locale", "en-US", "features", List.of()));
        payload.put("channel", FakeDiscord.voiceChannel(FakeDiscord.VOICE, "Circle room"));
        Map<String, Object> member = new HashMap<>(FakeDiscord.member(OLIVIA.userId(), "olivia", List.of(FakeDiscord.ORGANISER_ROLE)));
        member.put("permissions", "68640");
        payload.put("member", member);
        payload.put("data", Map.of("id", "800000000000000001", "name", name, "type", 1, "options", List.of(Map.of("name", subcommand,
                "type", 1, "options", options.entrySet().stream()
                        .map(o -> Map.of("name", o.getKey(), "type", 3, "value", o.getValue())).toList()))));
        payload.put("authorizing_integration_owners", Map.of("0", FakeDiscord.GUILD));
        payload.put("context", 0);
        payload.put("entitlements", List.of());
        payload.put("app_permissions", Long.toString(FakeDiscord.BOT_PERMISSIONS));
        discord.dispatch("INTERACTION_CREATE", payload);
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
}
