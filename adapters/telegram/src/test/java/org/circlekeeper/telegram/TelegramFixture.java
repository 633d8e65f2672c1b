package org.circlekeeper.telegram;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.platform.AdapterState;
import org.circlekeeper.core.platform.SendBudget;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.redis.RedisAdapterState;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisHeldCommands;
import org.circlekeeper.redis.RedisOnceMarks;
import org.circlekeeper.redis.RedisStores;

/**
 * The whole bot on Telegram for a test: the real core assembled with Redis stores, the real TelegramBots
 * library through the adapter, and a {@link FakeBotApi} on 127.0.0.1 in Telegram's place.
 */
final class TelegramFixture implements AutoCloseable {

    static final String TOKEN = "123456789:AAE-fake_TOKEN-for-tests_only";
    static final long GROUP = -1001;
    static final long MIA = 101;
    static final long OLGA = 102;

    final FakeBotApi fake;
    final Stores stores;
    final TelegramConnection connection;
    final Bot.Assembly core;
    final TelegramBot bot;
    private final boolean ownsFake;

    private TelegramFixture(FakeBotApi fake, Stores stores, TelegramConnection connection, Bot.Assembly core, TelegramBot bot,
                            boolean ownsFake) {
        this.ownsFake = ownsFake;
        this.fake = fake;
        this.stores = stores;
        this.connection = connection;
        this.core = core;
        this.bot = bot;
    }

    /** Long polling, with limits loose enough that a conversation runs at test speed. */
    static TelegramFixture longPolling(RedisConnection redis) throws IOException {
        return start(redis, null, new TelegramSettings.Limits(1_000, 100, 1_000));
    }

    /**
     * Long polling whose core (its stores, scheduler and engine) reads {@code clock}, for a test whose jobs depend on the
     * time of day; the adapter's pacing keeps the real clock.
     */
    static TelegramFixture longPolling(RedisConnection redis, Clock clock) throws IOException {
        return start(redis, redis, null, new TelegramSettings.Limits(1_000, 100, 1_000), UnaryOperator.identity(), Metrics.NONE,
                UnaryOperator.identity(), null, clock);
    }

    static TelegramFixture webhook(RedisConnection redis, String secret) throws IOException {
        return start(redis, secret, new TelegramSettings.Limits(1_000, 100, 1_000));
    }

    static TelegramFixture withTelegramLimits(RedisConnection redis) throws IOException {
        return start(redis, null, TelegramSettings.Limits.TELEGRAM);
    }

    /**
     * Long polling with the core's member settings passed through {@code members} (to make them fail where the
     * adapter asks the engine for a member's home group), counting into {@code metrics}.
     */
    static TelegramFixture withMembers(RedisConnection redis, UnaryOperator<MemberSettingsStore> members,
                                       Metrics metrics) throws IOException {
        return start(redis, null, new TelegramSettings.Limits(1_000, 100, 1_000), members, metrics,
                UnaryOperator.identity());
    }

    /** Long polling with the shared send budget passed through {@code budgets} (to make it fail). */
    static TelegramFixture withBudget(RedisConnection redis, UnaryOperator<SendBudget> budgets) throws IOException {
        return start(redis, null, new TelegramSettings.Limits(1_000, 100, 1_000), UnaryOperator.identity(),
                Metrics.NONE, budgets);
    }

    /**
     * Another replica of the bot: its own core and adapter on the same Redis and the same fake Telegram, in webhook mode
     * (the test hands it updates with {@link TelegramBot#receiveWebhook}); closing it leaves the fake running.
     */
    static TelegramFixture replica(RedisConnection redis, FakeBotApi fake, String webhookSecret) throws IOException {
        return start(redis, webhookSecret, new TelegramSettings.Limits(1_000, 100, 1_000), UnaryOperator.identity(), Metrics.NONE,
                UnaryOperator.identity(), fake);
    }

    /** {@link #replica(RedisConnection, FakeBotApi, String)} whose core reads {@code clock}. */
    static TelegramFixture replica(RedisConnection redis, FakeBotApi fake, String webhookSecret, Clock clock) throws IOException {
        return start(redis, redis, webhookSecret, new TelegramSettings.Limits(1_000, 100, 1_000), UnaryOperator.identity(),
                Metrics.NONE, UnaryOperator.identity(), fake, clock);
    }

    private static TelegramFixture start(RedisConnection redis, String webhookSecret, TelegramSettings.Limits limits) throws IOException {
        return start(redis, webhookSecret, limits, UnaryOperator.identity(), Metrics.NONE,
                UnaryOperator.identity());
    }

    private static TelegramFixture start(RedisConnection redis, String webhookSecret, TelegramSettings.Limits limits,
                                         UnaryOperator<MemberSettingsStore> members, Metrics metrics,
                                         UnaryOperator<SendBudget> budgets) throws IOException {
        return start(redis, webhookSecret, limits, members, metrics, budgets, null);
    }

    /**
     * Long polling with the features' stores on {@code redis} and the adapter's own state (update log, role cache,
     * reachability, send budget) on {@code stateRedis}, so that each Redis counts one side's round trips.
     */
    static TelegramFixture withStateOn(RedisConnection redis, RedisConnection stateRedis) throws IOException {
        return start(redis, stateRedis, null, new TelegramSettings.Limits(1_000, 100, 1_000), UnaryOperator.identity(),
                Metrics.NONE, UnaryOperator.identity(), null);
    }

    private static TelegramFixture start(RedisConnection redis, String webhookSecret, TelegramSettings.Limits limits,
                                         UnaryOperator<MemberSettingsStore> members, Metrics metrics,
                                         UnaryOperator<SendBudget> budgets, FakeBotApi shared) throws IOException {
        return start(redis, redis, webhookSecret, limits, members, metrics, budgets, shared);
    }

    private static TelegramFixture start(RedisConnection redis, RedisConnection stateRedis, String webhookSecret,
                                         TelegramSettings.Limits limits, UnaryOperator<MemberSettingsStore> members,
                                         Metrics metrics, UnaryOperator<SendBudget> budgets, FakeBotApi shared) throws IOException {
        return start(redis, stateRedis, webhookSecret, limits, members, metrics, budgets, shared, Clock.systemUTC());
    }

    private static TelegramFixture start(RedisConnection redis, RedisConnection stateRedis, String webhookSecret,
                                         TelegramSettings.Limits limits, UnaryOperator<MemberSettingsStore> members,
                                         Metrics metrics, UnaryOperator<SendBudget> budgets, FakeBotApi shared, Clock clock)
            throws IOException {
        FakeBotApi fake = shared != null ? shared : new FakeBotApi(TOKEN);
        Stores stores = withMemberSettings(RedisStores.create(redis, clock), members);
        TelegramSettings settings = TelegramSettings.longPolling(TOKEN).withApiUrl(fake.url()).withLimits(limits);
        if (webhookSecret != null) {
            settings = settings.withWebhook(URI.create("https://bot.example.org/telegram/webhook"), webhookSecret);
        }
        AdapterState state = RedisAdapterState.create(stateRedis, Platform.TELEGRAM);
        state = new AdapterState(state.updates(), state.roles(), state.reachability(), budgets.apply(state.budget()));
        TelegramConnection connection = new TelegramConnection(settings, state, Clock.systemUTC());
        Bot.Assembly core = Bot.builder().stores(stores).clock(clock)
                .messengers(new Messengers(List.of(connection.messenger())))
                .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey()))).metrics(metrics).build();
        TelegramBot bot = new TelegramBot(connection, core.engine(), new RedisHeldCommands(redis), new RedisOnceMarks(redis),
                Locale.ENGLISH);
        bot.start();
        return new TelegramFixture(fake, stores, connection, core, bot, shared == null);
    }

    /** The same stores with the member settings passed through {@code members}. */
    private static Stores withMemberSettings(Stores real, UnaryOperator<MemberSettingsStore> members) {
        return real.toBuilder().put(MemberSettingsStore.KEY, members.apply(real.memberSettings())).build();
    }

    // --- updates as Telegram sends them ---

    static ObjectNode person(long id, String name, String language) {
        ObjectNode user = FakeBotApi.user(id, name, null, false);
        if (language != null) {
            user.put("language_code", language);
        }
        return user;
    }

    static ObjectNode text(ObjectNode from, long chatId, String text) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("message_id", 5_000 + (int) (Math.random() * 1_000))
                .put("date", (int) (System.currentTimeMillis() / 1000)).put("text", text);
        message.set("from", from);
        message.set("chat", FakeBotApi.chat(chatId));
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            message.set("entities", JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode()
                    .put("type", "bot_command").put("offset", 0).put("length", end < 0 ? text.length() : end)));
        }
        ObjectNode update = JsonNodeFactory.instance.objectNode();
        update.set("message", message);
        return update;
    }

    /**
     * A message in a forum topic (Bot API, "Message": {@code message_thread_id} and {@code is_topic_message}, in a chat
     * with {@code is_forum}).
     */
    static ObjectNode inTopic(ObjectNode update, int thread) {
        ObjectNode message = (ObjectNode) update.get("message");
        long chatId = message.get("chat").get("id").asLong();
        message.put("message_thread_id", thread).put("is_topic_message", true);
        message.set("chat", FakeBotApi.forumChat(chatId));
        // a message in a topic answers the topic's service message (Bot API, "Message": reply_to_message, forum_topic_created)
        ObjectNode created = JsonNodeFactory.instance.objectNode().put("message_id", thread)
                .put("date", (int) (System.currentTimeMillis() / 1000) - 3_600).put("message_thread_id", thread)
                .put("is_topic_message", true);
        created.set("chat", FakeBotApi.forumChat(chatId));
        created.set("from", FakeBotApi.user(900, "Owner", null, false));
        created.putObject("forum_topic_created").put("name", "Topic " + thread).put("icon_color", 7_322_096);
        message.set("reply_to_message", created);
        return update;
    }

    /**
     * A command from the group's anonymous administrator account (Bot API, "Message": {@code sender_chat} is the
     * supergroup itself, and {@code from} the service user GroupAnonymousBot, kept "for backward compatibility").
     */
    static ObjectNode fromAnonymousAdmin(long chatId, String text) {
        ObjectNode update = text(FakeBotApi.user(AnonymousAdmins.GROUP_ANONYMOUS_BOT, "Group", "GroupAnonymousBot", true), chatId, text);
        ObjectNode message = (ObjectNode) update.get("message");
        message.set("sender_chat", FakeBotApi.chat(chatId));
        message.put("author_signature", "Olga");
        return update;
    }

    /**
     * A message posted on behalf of a channel in the group (Bot API, "Message": {@code sender_chat} is the channel;
     * {@code from} is the service user Channel_Bot); {@code automatic} for the linked channel's posts that Telegram
     * forwards into its discussion group ({@code is_automatic_forward}).
     */
    static ObjectNode fromChannel(long chatId, long channelId, String text, boolean automatic) {
        ObjectNode update = text(FakeBotApi.user(136_817_688L, "Channel", "Channel_Bot", true), chatId, text);
        ObjectNode message = (ObjectNode) update.get("message");
        message.set("sender_chat", JsonNodeFactory.instance.objectNode().put("id", channelId).put("type", "channel").put("title", "News"));
        if (automatic) {
            message.put("is_automatic_forward", true);
        }
        return update;
    }

    /** A member edited a message (Bot API, "Update": {@code edited_message}, with {@code edit_date}). */
    static ObjectNode edited(ObjectNode from, long chatId, int messageId, String text) {
        ObjectNode message = (ObjectNode) text(from, chatId, text).get("message");
        message.put("message_id", messageId).put("edit_date", (int) (System.currentTimeMillis() / 1000));
        ObjectNode update = JsonNodeFactory.instance.objectNode();
        update.set("edited_message", message);
        return update;
    }

    /** A press on a button of a message the bot sent in a forum topic: the message carries its thread. */
    static ObjectNode pressInTopic(ObjectNode from, long chatId, int thread, int messageId, String data) {
        ObjectNode update = press(from, chatId, messageId, data);
        ObjectNode message = (ObjectNode) update.get("callback_query").get("message");
        message.put("message_thread_id", thread).put("is_topic_message", true);
        message.set("chat", FakeBotApi.forumChat(chatId));
        ObjectNode created = JsonNodeFactory.instance.objectNode().put("message_id", thread)
                .put("date", (int) (System.currentTimeMillis() / 1000) - 3_600).put("message_thread_id", thread)
                .put("is_topic_message", true);
        created.set("chat", FakeBotApi.forumChat(chatId));
        created.set("from", FakeBotApi.user(900, "Owner", null, false));
        created.putObject("forum_topic_created").put("name", "Topic " + thread).put("icon_color", 7_322_096);
        message.set("reply_to_message", created);
        return update;
    }

    static ObjectNode press(ObjectNode from, long chatId, int messageId, String data) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("message_id", messageId)
                .put("date", (int) (System.currentTimeMillis() / 1000)).put("text", "(the bot's message)");
        message.set("chat", FakeBotApi.chat(chatId));
        message.set("from", FakeBotApi.user(FakeBotApi.BOT_ID, "Circlekeeper", FakeBotApi.BOT_USERNAME, true));
        ObjectNode query = JsonNodeFactory.instance.objectNode().put("id", "cb" + messageId + "-" + data.hashCode())
                .put("chat_instance", "ci").put("data", data);
        query.set("from", from);
        query.set("message", message);
        ObjectNode update = JsonNodeFactory.instance.objectNode();
        update.set("callback_query", query);
        return update;
    }

    static ObjectNode inline(ObjectNode from, String query) {
        ObjectNode inline = JsonNodeFactory.instance.objectNode().put("id", "iq-" + query.hashCode()).put("query", query).put("offset", "");
        inline.set("from", from);
        ObjectNode update = JsonNodeFactory.instance.objectNode();
        update.set("inline_query", inline);
        return update;
    }

    @Override
    public void close() {
        bot.close();
        connection.close();
        if (ownsFake) {
            fake.close();
        }
    }
}
