package org.circlekeeper.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.utils.TimeUtil;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.redis.RealRedis;
import org.circlekeeper.redis.RedisStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Item 13 of issue #13 on Discord, the whole bot on Redis with the real JDA: a member edits or deletes a message the
 * safety check answered. Discord sends {@code MESSAGE_UPDATE}, {@code MESSAGE_DELETE} and {@code MESSAGE_DELETE_BULK}
 * to a bot with the Guild Messages intent whether it wants them or not (the bot cannot leave them out as it does
 * Telegram's {@code edited_message}); the adapter does not read them, so the private offer stays where it went (the
 * member's direct messages), nothing is posted in the channel, nothing is taken back and nothing is stored.
 */
class DiscordEditsTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final Duration WAIT = Duration.ofSeconds(30); // generous: a loaded 2-core machine is slow
    private static final MemberRef OLIVIA = new MemberRef(Platform.DISCORD, "500000000000000002", "olivia");
    private static final String MIA = "500000000000000021";
    private static final String IVY = "500000000000000022";

    private long interactions;

    private FakeDiscord discord;
    private DiscordAdapter adapter;

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
    void editsAndDeletionsOfAMessageTheSafetyCheckAnsweredAreNotReadAndTheOfferStaysPrivate() throws Exception {
        discord = new FakeDiscord();
        adapter = new DiscordAdapter(new DiscordSettings(FakeDiscord.TOKEN, 0, List.of(), List.of(), Map.of(), true,
                discord.restBase(), 1), Clock.systemUTC());
        Bot.Assembly bot = Bot.builder().stores(RedisStores.create(REDIS.connection(), Clock.systemUTC())).clock(Clock.systemUTC())
                .messengers(new Messengers(List.of(adapter.messenger())))
                .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey()))).build();
        Engine engine = bot.engine();
        adapter.start(engine, Locale.ENGLISH);
        discord.awaitIdentify();
        long end = System.nanoTime() + WAIT.toNanos();
        while (!adapter.connected() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        safetyOn("the safety check turned on");

        Map<String, Object> said = channelMessage(discord.nextId(), MIA, "mia", "I want to die");
        discord.dispatch("MESSAGE_CREATE", said);
        Map<String, Object> harmless = channelMessage(discord.nextId(), IVY, "ivy", "I had a long day");
        discord.dispatch("MESSAGE_CREATE", harmless);
        String miaDm = "7" + MIA.substring(1);
        FakeDiscord.Request offer = awaitPost(miaDm, "the private offer to mia");
        // one handler thread: the gateway's events are handled in order, so once the answer to this command is out,
        // everything about the messages before it was done
        safetyOn("the answer before the edits");
        Set<String> before = stored();
        int requests = discord.requests().size();

        // mia edits hers into something harmless, then into a command; ivy edits hers into a risk phrase, which the
        // safety check would answer were it read; mia deletes hers, and a moderator clears the channel: none is read
        discord.dispatch("MESSAGE_UPDATE", edited(said, "I had a long day"));
        discord.dispatch("MESSAGE_UPDATE", edited(said, "/forgetme"));
        discord.dispatch("MESSAGE_UPDATE", edited(harmless, "I don't want to live anymore"));
        discord.dispatch("MESSAGE_DELETE", Map.of("id", said.get("id"), "channel_id", FakeDiscord.CHANNEL, "guild_id", FakeDiscord.GUILD));
        discord.dispatch("MESSAGE_DELETE_BULK", Map.of("ids", List.of(said.get("id"), harmless.get("id")), "channel_id",
                FakeDiscord.CHANNEL, "guild_id", FakeDiscord.GUILD));
        safetyOn("the answer after the edits");

        List<FakeDiscord.Request> after = discord.requests().subList(requests, discord.requests().size());
        assertThat(after).as("only the answer to the organiser went out: no offer to ivy, nothing to mia, nothing in the "
                + "channel, nothing edited or deleted").allMatch(r -> r.path().startsWith("/interactions/"));
        assertThat(stored()).as("nothing of the edits or deletions is stored").isEqualTo(before);
        assertThat(offer.body().path("content").asString()).as("the offer to mia was private, in her direct messages")
                .isNotBlank();
        assertThat(discord.requests()).as("the bot never posted in the channel, nor wrote to ivy")
                .noneMatch(r -> isPost(r, FakeDiscord.CHANNEL) || isPost(r, "7" + IVY.substring(1)));
    }

    /** An organiser's {@code /safety on} through the gateway, as an interaction; waits for its answer. */
    private void safetyOn(String what) throws InterruptedException {
        String token = "etoken" + discord.nextId();
        Map<String, Object> payload = new HashMap<>();
        payload.put("id", Long.toString(TimeUtil.getDiscordTimestamp(System.currentTimeMillis()) + interactions++));
        payload.put("application_id", FakeDiscord.APP);
        payload.put("type", 2);
        payload.put("token", token);
        payload.put("version", 1);
        payload.put("locale", "en-US");
        payload.put("guild_locale", "en-US");
        payload.put("guild_id", FakeDiscord.GUILD);
        payload.put("channel_id", FakeDiscord.CHANNEL);
        payload.put("guild", Map.of("id", FakeDiscord.GUILD, "locale", "en-US", "features", List.of()));
        payload.put("channel", Map.of("id", FakeDiscord.CHANNEL, "type", 0, "guild_id", FakeDiscord.GUILD, "name", "circle-room",
                "position", 0, "permission_overwrites", List.of(), "nsfw", false, "rate_limit_per_user", 0));
        Map<String, Object> member = new HashMap<>(FakeDiscord.member(OLIVIA.userId(), "olivia", List.of(FakeDiscord.ORGANISER_ROLE)));
        member.put("permissions", "68640");
        payload.put("member", member);
        payload.put("data", Map.of("id", "800000000000000002", "name", "safety", "type", 1,
                "options", List.of(Map.of("name", "on", "type", 1, "options", List.of()))));
        payload.put("authorizing_integration_owners", Map.of("0", FakeDiscord.GUILD));
        payload.put("context", 0);
        payload.put("entitlements", List.of());
        payload.put("app_permissions", Long.toString(FakeDiscord.BOT_PERMISSIONS));
        discord.dispatch("INTERACTION_CREATE", payload);
        JsonNode callback = discord.await("POST", "/interactions/\\d+/" + token + "/callback", WAIT).body();
        String answer = callback.path("type").asInt() == 4 ? callback.path("data").path("content").asString()
                : discord.await("PATCH", "/webhooks/\\d+/" + token + "/messages/@original", WAIT).body().path("content").asString();
        assertThat(answer).as(what).contains("The safety check is on");
    }

    private FakeDiscord.Request awaitPost(String channel, String what) throws InterruptedException {
        return discord.await(r -> isPost(r, channel), WAIT, what);
    }

    private static boolean isPost(FakeDiscord.Request request, String channel) {
        return request.method().equals("POST") && request.path().equals("/channels/" + channel + "/messages");
    }

    /** What Redis holds beside the adapter's own bookkeeping (the request pace, caches of settings). */
    private static Set<String> stored() {
        return REDIS.keys().stream().filter(key -> !key.startsWith("ck:{rate:")).collect(Collectors.toSet());
    }

    /**
     * A member's message in the server's text channel, as MESSAGE_CREATE carries it (API reference, Gateway Events,
     * "Message Create": a message object with the extra {@code guild_id} and {@code member} fields).
     */
    private static Map<String, Object> channelMessage(String id, String userId, String name, String content) {
        Map<String, Object> message = new HashMap<>();
        message.put("id", id);
        message.put("channel_id", FakeDiscord.CHANNEL);
        message.put("guild_id", FakeDiscord.GUILD);
        message.put("author", FakeDiscord.user(userId, name, false));
        message.put("member", Map.of("roles", List.of(), "joined_at", "2026-01-01T00:00:00.000000+00:00", "deaf", false,
                "mute", false, "flags", 0));
        message.put("content", content);
        message.put("timestamp", "2026-11-27T09:00:00.000000+00:00");
        message.put("edited_timestamp", null);
        message.put("tts", false);
        message.put("mention_everyone", false);
        message.put("mentions", List.of());
        message.put("mention_roles", List.of());
        message.put("attachments", List.of());
        message.put("embeds", List.of());
        message.put("pinned", false);
        message.put("type", 0);
        message.put("flags", 0);
        return message;
    }

    /**
     * The message edited, as MESSAGE_UPDATE carries it (API reference, Gateway Events, "Message Update": the whole
     * message object with the same extra fields as MESSAGE_CREATE, its new content and an {@code edited_timestamp}).
     */
    private static Map<String, Object> edited(Map<String, Object> message, String content) {
        Map<String, Object> update = new HashMap<>(message);
        update.put("content", content);
        update.put("edited_timestamp", "2026-11-27T09:05:00.000000+00:00");
        return update;
    }
}
