package org.circlekeeper.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circlekeeper.telegram.TelegramFixture.GROUP;
import static org.circlekeeper.telegram.TelegramFixture.MIA;
import static org.circlekeeper.telegram.TelegramFixture.OLGA;
import static org.circlekeeper.telegram.TelegramFixture.inline;
import static org.circlekeeper.telegram.TelegramFixture.person;
import static org.circlekeeper.telegram.TelegramFixture.press;
import static org.circlekeeper.telegram.TelegramFixture.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.assertj.core.api.Assertions;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.circlekeeper.core.member.MemberSettings;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.message.Attachment;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.platform.SendBudget;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.RetryLater;
import org.circlekeeper.redis.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The real TelegramBots library, the adapter and the real core against a fake Bot API on 127.0.0.1,
 * with a real Redis: what a member and an organiser see in a group and in their private chats.
 */
class TelegramEndToEndTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();
    @RegisterExtension
    final TokenWatch tokenWatch = new TokenWatch(TelegramFixture.TOKEN);

    private static final Duration WAIT = Duration.ofSeconds(30); // generous: a loaded 2-core machine can take over 10 s for a first command
    private static final ObjectNode MIA_USER = person(MIA, "Mia <b>", "en");
    private static final ObjectNode OLGA_USER = person(OLGA, "Olga", "es");

    private TelegramFixture telegram;

    @AfterEach
    void stop() {
        if (telegram != null) {
            telegram.close();
        }
    }

    private FakeBotApi.Call awaitSend(long chat, String what, Predicate<FakeBotApi.Call> wanted) throws InterruptedException {
        return telegram.fake.await(c -> !c.rejected() && c.chatId() == chat
                && (c.method().startsWith("send") || c.method().equals("editMessageText")) && wanted.test(c), WAIT, what);
    }

    private static Predicate<FakeBotApi.Call> saying(String text) {
        return c -> c.text().contains(text);
    }

    @Test
    void aMemberAndAnOrganiserUseTheBotInTheGroupAndInPrivate() throws Exception {
        telegram = TelegramFixture.longPolling(REDIS.connection());
        FakeBotApi fake = telegram.fake;
        fake.admins(GROUP, 900L, OLGA);
        fake.neverStarted(MIA);

        // Mia asks for help in the group, addressed to the bot; help is private, and she never started a chat
        fake.push(text(MIA_USER, GROUP, "/help@" + FakeBotApi.BOT_USERNAME));
        FakeBotApi.Call note = awaitSend(GROUP, "the note about a waiting private answer", saying("?start=from-group"));
        assertThat(note.text()).contains("https://t.me/" + FakeBotApi.BOT_USERNAME + "?start=from-group")
                .contains("tg://user?id=" + MIA)
                .contains("Mia &lt;b&gt;")          // her name is escaped, not markup
                .doesNotContain("/timezone");         // and nothing of the answer is shown in the group
        assertThat(fake.calls("sendMessage").stream().filter(c -> c.chatId() == MIA && c.rejected())).hasSize(1);

        // she follows the deep link: /start with its payload is a welcome, not an error about arguments
        fake.started(MIA);
        fake.push(text(MIA_USER, MIA, "/start from-group"));
        awaitSend(MIA, "the welcome", saying("welcome"));

        // now /help in the group reaches her privately, and the group sees nothing
        int groupMessages = fake.sentTo(GROUP).size();
        fake.push(text(MIA_USER, GROUP, "/help"));
        FakeBotApi.Call help = awaitSend(MIA, "the help", saying("/timezone"));
        assertThat(help.params().path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
        assertThat(help.text()).contains("<b>").contains("/mydata").contains("/crisis").contains("/resource");
        assertThat(fake.sentTo(GROUP)).hasSize(groupMessages);

        // typed arguments reach the core as typed, so its own clear errors apply
        fake.push(text(MIA_USER, MIA, "/language fr"));
        awaitSend(MIA, "the core's error about a choice", saying("English, Spanish"));
        fake.push(text(MIA_USER, MIA, "/timezone Europe/Berlin"));
        awaitSend(MIA, "the time zone set", saying("Europe/Berlin"));

        // /mydata: the export arrives as a document in her private chat
        fake.push(text(MIA_USER, MIA, "/mydata"));
        FakeBotApi.Call document = telegram.fake.await(c -> c.method().equals("sendDocument") && c.chatId() == MIA, WAIT, "the data export");
        assertThat(document.fileNames().get("document")).isEqualTo("circlekeeper-my-data.json");
        String export = new String(document.files().get("document"), StandardCharsets.UTF_8);
        assertThat(export).contains("Europe/Berlin").contains("\"userId\" : \"101\"");

        // /forgetme: buttons whose callback data fits Telegram's 64 bytes; pressing one edits that message
        fake.push(text(MIA_USER, MIA, "/forgetme"));
        FakeBotApi.Call ask = awaitSend(MIA, "the erase question", c -> c.params().has("reply_markup"));
        JsonNode keyboard = ask.params().path("reply_markup").path("inline_keyboard");
        String erase = keyboard.get(0).get(0).path("callback_data").asText();
        assertThat(erase).startsWith("privacy.erase:");
        assertThat(erase.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        int askId = ask.messageId();
        fake.push(press(MIA_USER, MIA, askId, erase));
        FakeBotApi.Call edit = telegram.fake.await(c -> c.method().equals("editMessageText") && c.chatId() == MIA, WAIT, "the edit");
        assertThat(edit.params().path("message_id").asInt()).isEqualTo(askId);
        assertThat(edit.text()).contains("erased everything");
        // the press is answered while it is handled (Bot API, "answerCallbackQuery"), so the answer and the edit may
        // reach Telegram in either order; it is answered once
        telegram.fake.await(c -> c.method().equals("answerCallbackQuery"), WAIT, "the press answered");
        assertThat(fake.calls("answerCallbackQuery")).hasSize(1);
        assertThat(telegram.stores.memberSettings().get(new MemberRef(Platform.TELEGRAM, "101", null)).zoneSetting()).isEmpty();

        // /crisis and /resource in private
        fake.push(text(MIA_USER, MIA, "/crisis"));
        awaitSend(MIA, "the crisis lines", c -> c.text().contains("112") || c.text().contains("988") || c.text().contains("findahelpline"));
        fake.push(text(MIA_USER, MIA, "/resource breathing"));
        awaitSend(MIA, "resource results", saying("breathing"));

        // an organiser-only command: refused to Mia (privately), accepted from Olga, a group administrator
        fake.push(text(MIA_USER, GROUP, "/safety on"));
        awaitSend(MIA, "the refusal", saying("organisers"));
        fake.push(text(OLGA_USER, GROUP, "/safety on"));
        FakeBotApi.Call on = awaitSend(GROUP, "the safety check turned on", c -> c.text().toLowerCase().contains("safety")
                || c.text().toLowerCase().contains("seguridad"));
        assertThat(on.text()).doesNotContain("organisers only");
        // the administrators were asked once and then cached in Redis
        assertThat(fake.calls("getChatAdministrators")).hasSize(1);
        assertThat(REDIS.exists("ck:c:{telegram:-1001}:admins")).isTrue();

        // Olga in private is an organiser of her last group, in Spanish (her Telegram language)
        fake.push(text(OLGA_USER, OLGA, "/safety status"));
        awaitSend(OLGA, "the safety status", c -> !c.text().contains("organizadores"));

        // an unknown command in a private chat gets the core's suggestion; a stranger's /command in the group is ignored
        fake.push(text(MIA_USER, MIA, "/hepl"));
        awaitSend(MIA, "the suggestion", saying("/help"));
        int before = fake.sentTo(GROUP).size();
        fake.push(text(MIA_USER, GROUP, "/weather@some_other_bot"));
        fake.push(text(MIA_USER, GROUP, "/ban"));
        fake.push(text(MIA_USER, MIA, "/timezone"));
        awaitSend(MIA, "a reply after the ignored ones", saying("time zone"));
        assertThat(fake.sentTo(GROUP)).hasSize(before);
    }

    @Test
    void commandMenusFollowTheSpecsPerScopeAndLanguage() throws Exception {
        telegram = TelegramFixture.longPolling(REDIS.connection());
        List<FakeBotApi.Call> menus = telegram.fake.calls("setMyCommands");
        assertThat(menus).hasSize(9);
        for (CommandMenu.Scope scope : CommandMenu.Scope.values()) {
            String type = switch (scope) {
                case PRIVATE_CHATS -> "all_private_chats";
                case GROUP_CHATS -> "all_group_chats";
                case GROUP_ADMINISTRATORS -> "all_chat_administrators";
            };
            for (String language : new String[] {null, "en", "es"}) {
                FakeBotApi.Call call = menus.stream().filter(c -> c.params().path("scope").path("type").asText().equals(type)
                        && (language == null ? !c.params().has("language_code") : c.params().path("language_code").asText().equals(language)))
                        .findFirst().orElseThrow(() -> new AssertionError("no menu for " + type + " " + language));
                CommandMenu.Menu expected = CommandMenu.menu(telegram.core.engine(), scope, language,
                        Locale.forLanguageTag(language == null ? "en" : language));
                JsonNode commands = call.params().path("commands");
                assertThat(commands).hasSize(expected.commands().size());
                for (int i = 0; i < commands.size(); i++) {
                    assertThat(commands.get(i).path("command").asText()).isEqualTo(expected.commands().get(i).getCommand());
                    assertThat(commands.get(i).path("description").asText()).isEqualTo(expected.commands().get(i).getDescription());
                }
            }
        }
        List<String> privateMenu = names(menus, "all_private_chats");
        List<String> groupMenu = names(menus, "all_group_chats");
        List<String> adminMenu = names(menus, "all_chat_administrators");
        assertThat(privateMenu).contains("help", "timezone", "mydata", "forgetme", "crisis", "resource").doesNotContain("community", "safety");
        assertThat(groupMenu).contains("help", "crisis").doesNotContain("community", "wording", "safety");
        // a command with subcommands is one entry
        assertThat(adminMenu).contains("community", "wording", "safety").doesNotHaveDuplicates();
        String english = description(menus, "all_private_chats", "en", "timezone");
        String spanish = description(menus, "all_private_chats", "es", "timezone");
        assertThat(english).isNotBlank().isNotEqualTo(spanish);
    }

    @Test
    void a429IsWaitedOutAndTheMessageArrivesOnce() throws Exception {
        telegram = TelegramFixture.longPolling(REDIS.connection());
        FakeBotApi fake = telegram.fake;
        fake.failNext("sendMessage", 429, "Too Many Requests: retry after 1", 1);
        long start = System.nanoTime();
        fake.push(text(MIA_USER, MIA, "/timezone Europe/Madrid"));
        awaitSend(MIA, "the reply after a 429", saying("Europe/Madrid"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        Thread.sleep(300);
        assertThat(fake.calls("sendMessage").stream().filter(c -> c.chatId() == MIA)).hasSize(2);
        assertThat(fake.sentTo(MIA)).hasSize(1);
        assertThat(fake.rateLimited()).isEqualTo(1);
    }

    @Test
    void a429LongerThanALeaseAllowsIsNotWaitedButTurnedIntoARetryAtTheTimeTelegramNamed() throws Exception {
        telegram = TelegramFixture.longPolling(REDIS.connection());
        FakeBotApi fake = telegram.fake;
        fake.failNext("sendMessage", 429, "Too Many Requests: retry after 3600", 3600);
        Target group = new Target.Channel(new ChannelRef(Platform.TELEGRAM, Long.toString(GROUP), ChannelRef.Kind.GROUP));
        OutgoingMessage reminder = OutgoingMessage.text("Reminder: the circle meets soon").build();
        Instant before = Instant.now();

        ExecutorService sender = Executors.newSingleThreadExecutor();
        Throwable thrown;
        try {
            // on another thread, so that a send that did wait the hour fails this test instead of stalling it
            Future<Throwable> first = sender.submit(() -> thrownBy(group, reminder));
            thrown = first.get(30, TimeUnit.SECONDS);
        } finally {
            sender.shutdownNow();
        }

        assertThat(thrown).isInstanceOf(RetryLater.class);
        assertThat(((RetryLater) thrown).at()).isAfterOrEqualTo(before.plusSeconds(3600));
        // the chat's quota is closed for everyone until then: the next try gives up without calling Telegram
        int calls = fake.calls("sendMessage").size();
        assertThat(thrownBy(group, reminder)).isInstanceOf(RetryLater.class);
        assertThat(fake.calls("sendMessage")).hasSize(calls);
        assertThat(fake.sentTo(GROUP)).isEmpty();
    }

    private Throwable thrownBy(Target target, OutgoingMessage message) {
        try {
            telegram.connection.messenger().send(target, message);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void aMessageGoesOutUnpacedWhileTheSharedSendBudgetIsOutOfReach() throws Exception {
        telegram = TelegramFixture.withBudget(REDIS.connection(), real -> new SendBudget() {
            @Override
            public Duration reserve(List<Quota> quotas) {
                throw new StoreUnavailable("the budget's Redis is down", null);
            }

            @Override
            public void hold(Quota quota, Duration wait) {
                throw new StoreUnavailable("the budget's Redis is down", null);
            }
        });
        Target group = new Target.Channel(new ChannelRef(Platform.TELEGRAM, Long.toString(GROUP), ChannelRef.Kind.GROUP));

        telegram.connection.messenger().send(group, OutgoingMessage.text("I can't reach my memory right now").build());

        assertThat(telegram.fake.sentTo(GROUP)).hasSize(1);
    }

    @Test
    void anErrorWhileHandlingOneUpdateIsLoggedCountedAndTheNextUpdatesAreHandled() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        List<String> counted = new CopyOnWriteArrayList<>();
        Metrics metrics = new Metrics() {
            @Override
            public void unitFailed(Platform platform, String boundary) {
                counted.add(platform.id() + " " + boundary);
            }
        };
        // the settings the adapter reads itself for a private chat's role: the first read fails as a class
        // that could not start would
        telegram = TelegramFixture.withMembers(REDIS.connection(), real -> new MemberSettingsStore() {
            @Override
            public MemberSettings get(MemberRef member) {
                // only Mia's first read fails: Olga's update runs on another worker and may be read first
                if (member.userId().equals(Long.toString(MIA)) && failuresLeft.getAndDecrement() > 0) {
                    throw new NoClassDefFoundError("Could not initialize class a.Broken");
                }
                return real.get(member);
            }

            @Override
            public void save(MemberRef member, MemberSettings settings) {
                real.save(member, settings);
            }

            @Override
            public void delete(MemberRef member) {
                real.delete(member);
            }
        }, metrics);
        FakeBotApi fake = telegram.fake;

        fake.push(text(MIA_USER, MIA, "/timezone Asia/Tokyo"));
        fake.push(text(MIA_USER, MIA, "/timezone Europe/Madrid"));
        fake.push(text(OLGA_USER, OLGA, "/timezone"));

        awaitSend(MIA, "the update after the failed one, on the same worker", saying("Europe/Madrid"));
        awaitSend(OLGA, "another member's update", saying("zona horaria"));
        assertThat(fake.sentTo(MIA)).noneMatch(c -> c.text().contains("Asia/Tokyo"));
        assertThat(counted).containsExactly("telegram update");
    }

    @Test
    void anUpdateDeliveredTwiceIsHandledOnce() throws Exception {
        telegram = TelegramFixture.longPolling(REDIS.connection());
        FakeBotApi fake = telegram.fake;
        ObjectNode update = text(MIA_USER, MIA, "/timezone Asia/Tokyo");
        update.put("update_id", fake.nextUpdateId());
        fake.push(update.deepCopy());
        awaitSend(MIA, "the first handling", saying("Asia/Tokyo"));
        // the same update again, as a webhook retry or another replica's poll would bring it
        var repeat = new ObjectMapper().treeToValue(update, Update.class);
        assertThat(telegram.bot.accept(repeat)).isFalse();
        fake.push(text(MIA_USER, MIA, "/timezone"));
        awaitSend(MIA, "the next message", saying("time zone"));
        assertThat(fake.sentTo(MIA).stream().filter(c -> c.text().contains("is now")).count()).isEqualTo(1);
        assertThat(REDIS.exists("ck:update:telegram:" + update.get("update_id").asInt())).isTrue();
    }

    @Test
    void theWebhookRefusesRequestsWithoutTheSecretAndHandlesEachUpdateOnce() throws Exception {
        String secret = "s3cret_of-the-webhook";
        telegram = TelegramFixture.webhook(REDIS.connection(), secret);
        FakeBotApi fake = telegram.fake;
        FakeBotApi.Call registered = fake.await(c -> c.method().equals("setWebhook"), WAIT, "setWebhook");
        assertThat(registered.params().path("secret_token").asText()).isEqualTo(secret);
        assertThat(registered.params().path("url").asText()).isEqualTo("https://bot.example.org/telegram/webhook");
        assertThat(fake.calls("getUpdates")).isEmpty();

        ObjectNode update = text(MIA_USER, MIA, "/timezone America/Lima");
        update.put("update_id", 77);
        byte[] body = new ObjectMapper().writeValueAsBytes(update);
        assertThat(telegram.bot.receiveWebhook(null, body)).isEqualTo(TelegramBot.WebhookAnswer.WRONG_SECRET);
        assertThat(telegram.bot.receiveWebhook("s3cret_of-the-webhoo", body)).isEqualTo(TelegramBot.WebhookAnswer.WRONG_SECRET);
        assertThat(telegram.bot.receiveWebhook(secret + "x", body)).isEqualTo(TelegramBot.WebhookAnswer.WRONG_SECRET);
        assertThat(telegram.bot.admit(null)).isEqualTo(TelegramBot.WebhookAnswer.WRONG_SECRET);
        assertThat(telegram.bot.admit("")).isEqualTo(TelegramBot.WebhookAnswer.WRONG_SECRET);
        assertThat(telegram.bot.admit(secret.substring(1))).isEqualTo(TelegramBot.WebhookAnswer.WRONG_SECRET);
        assertThat(telegram.bot.admit(secret)).as("the secret alone admits a body to be read").isEqualTo(TelegramBot.WebhookAnswer.ACCEPTED);
        Thread.sleep(200);
        assertThat(fake.sentTo(MIA)).isEmpty();

        assertThat(telegram.bot.receiveWebhook(secret, "not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(TelegramBot.WebhookAnswer.MALFORMED);
        assertThat(telegram.bot.receiveWebhook(secret, body)).isEqualTo(TelegramBot.WebhookAnswer.ACCEPTED);
        awaitSend(MIA, "the reply to the webhook's update", saying("America/Lima"));
        assertThat(telegram.bot.receiveWebhook(secret, body)).isEqualTo(TelegramBot.WebhookAnswer.ACCEPTED);
        Thread.sleep(300);
        assertThat(fake.sentTo(MIA)).hasSize(1);
    }

    @Test
    void inlineQueriesSearchTheResources() throws Exception {
        telegram = TelegramFixture.longPolling(REDIS.connection());
        telegram.fake.push(inline(MIA_USER, "breathing"));
        FakeBotApi.Call answer = telegram.fake.await(c -> c.method().equals("answerInlineQuery"), WAIT, "the inline answer");
        JsonNode results = answer.params().path("results");
        assertThat(results.size()).isBetween(1, TelegramUpdates.INLINE_RESULTS);
        JsonNode first = results.get(0);
        assertThat(first.path("type").asText()).isEqualTo("article");
        assertThat(first.path("title").asText()).isNotBlank();
        assertThat(first.path("input_message_content").path("message_text").asText()).isNotBlank();
        assertThat(first.path("input_message_content").path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
        assertThat(answer.params().path("is_personal").asBoolean()).isTrue();
        assertThat(answer.params().path("button").path("start_parameter").asText()).isEqualTo(TelegramUpdates.START_FROM_INLINE);
    }

    @Test
    void inlineSearchShowsServicesOfOtherCountriesOnlyWhenTheSearchNamesThem() throws Exception {
        telegram = TelegramFixture.longPolling(REDIS.connection());
        telegram.fake.push(text(MIA_USER, MIA, "/country Spain"));
        awaitSend(MIA, "the country confirmation", saying("Spain"));

        telegram.fake.push(inline(MIA_USER, "anxiety"));
        FakeBotApi.Call plain = telegram.fake.await(c -> c.method().equals("answerInlineQuery"), WAIT, "the inline answer");
        List<String> titles = titles(plain);
        assertThat(titles).isNotEmpty().noneMatch(t -> t.contains("SADAG") || t.contains("Beyond Blue"));

        telegram.fake.push(inline(MIA_USER, "anxiety South Africa"));
        FakeBotApi.Call named = telegram.fake.await(c -> c.method().equals("answerInlineQuery") && c != plain, WAIT, "the second inline answer");
        assertThat(titles(named).get(0)).contains("SADAG");
    }

    private static List<String> titles(FakeBotApi.Call answer) {
        List<String> titles = new ArrayList<>();
        answer.params().path("results").forEach(r -> titles.add(r.path("title").asText()));
        return titles;
    }

    @Test
    void circlesCheckInsAndTheShareCircleWorkInAGroup() throws Exception {
        telegram = TelegramFixture.longPolling(REDIS.connection());
        FakeBotApi fake = telegram.fake;
        fake.admins(GROUP, 900L, OLGA);

        // an organiser schedules a circle; its announcement carries RSVP buttons that fit 64 bytes
        fake.push(text(OLGA_USER, GROUP, "/circle create \"Tuesday circle\" every tuesday 19:00"));
        FakeBotApi.Call created = awaitSend(GROUP, "the new circle", c -> c.text().contains("Tuesday circle") && c.params().has("reply_markup"));
        String coming = created.params().path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText();
        assertThat(coming).startsWith("circle.rsvp:");
        assertThat(coming.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);

        // a member answers in the group; the answer is private, so it comes in her private chat
        fake.push(press(MIA_USER, GROUP, created.messageId(), coming));
        awaitSend(MIA, "the private RSVP answer", c -> c.text().contains("Tuesday circle"));
        fake.push(text(MIA_USER, MIA, "/circles"));
        awaitSend(MIA, "the coming meetings", saying("Tuesday circle"));

        // a check-in in private: the mood buttons, then a press saves it
        fake.push(text(MIA_USER, MIA, "/checkin"));
        FakeBotApi.Call moods = awaitSend(MIA, "the mood buttons", c -> c.params().has("reply_markup"));
        String mood = moods.params().path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText();
        assertThat(mood).startsWith("checkin.");
        fake.push(press(MIA_USER, MIA, moods.messageId(), mood));
        awaitSend(MIA, "the saved check-in", c -> c.method().equals("editMessageText") || c.text().toLowerCase().contains("check"));

        // the chair opens a share circle in the group, and the member joins with /share join
        fake.push(text(OLGA_USER, GROUP, "/share start basic"));
        awaitSend(GROUP, "the opening", c -> c.text().contains("Olga") || c.text().toLowerCase().contains("circ"));
        fake.push(text(MIA_USER, GROUP, "/share join"));
        awaitSend(GROUP, "the circle's board with Mia", c -> c.text().contains("Mia"));
    }

    @Test
    void aMemberWhoCannotBeWrittenToIsMarkedAndNotTriedAgain() throws Exception {
        telegram = TelegramFixture.longPolling(REDIS.connection());
        FakeBotApi fake = telegram.fake;
        fake.neverStarted(MIA);
        Messenger messenger = telegram.connection.messenger();
        MemberRef mia = new MemberRef(Platform.TELEGRAM, Long.toString(MIA), null);
        OutgoingMessage reminder = OutgoingMessage.text("Your circle starts in *an hour*.").build();

        Messenger.DeliveryFailed first = Assertions.catchThrowableOfType(Messenger.DeliveryFailed.class,
                () -> messenger.send(new Target.Member(mia), reminder));
        assertThat(first.permanent()).isTrue();
        assertThat(REDIS.exists("ck:m:{telegram:101}:unreachable")).isTrue();
        int attempts = fake.calls("sendMessage").size();
        Messenger.DeliveryFailed second = Assertions.catchThrowableOfType(Messenger.DeliveryFailed.class,
                () -> messenger.send(new Target.Member(mia), reminder));
        assertThat(second.permanent()).isTrue();
        assertThat(fake.calls("sendMessage")).hasSize(attempts);

        // writing to the bot privately clears the mark, and the reminder gets through
        fake.started(MIA);
        fake.push(text(MIA_USER, MIA, "/start"));
        awaitSend(MIA, "the welcome", saying("welcome"));
        messenger.send(new Target.Member(mia), reminder);
        FakeBotApi.Call sent = awaitSend(MIA, "the reminder", saying("an hour"));
        assertThat(sent.text()).contains("<b>an hour</b>");
    }

    @Test
    void whenTheGroupsAdministratorsChangeTheOrganisersFollow() throws Exception {
        telegram = TelegramFixture.longPolling(REDIS.connection());
        FakeBotApi fake = telegram.fake;
        fake.admins(GROUP, 900L);
        fake.push(text(OLGA_USER, GROUP, "/safety on"));
        awaitSend(OLGA, "the refusal to a member", c -> c.text().contains("organiza") || c.text().contains("organis"));

        // Olga is promoted; Telegram tells the bot (it is an administrator), and the cached list is dropped
        fake.admins(GROUP, 900L, OLGA);
        ObjectNode change = JsonNodeFactory.instance.objectNode();
        ObjectNode updated = change.putObject("chat_member");
        updated.set("chat", FakeBotApi.chat(GROUP));
        updated.set("from", FakeBotApi.user(900, "Owner", null, false));
        updated.put("date", (int) (System.currentTimeMillis() / 1000));
        updated.putObject("old_chat_member").put("status", "member").set("user", OLGA_USER);
        ObjectNode promoted = updated.putObject("new_chat_member").put("status", "administrator").put("can_be_edited", false)
                .put("is_anonymous", false);
        promoted.set("user", OLGA_USER);
        fake.push(change);
        fake.await(c -> c.method().equals("getUpdates") && c.params().path("offset").asInt() > change.get("update_id").asInt(),
                WAIT, "the poll after the membership change");
        Thread.sleep(200);
        assertThat(REDIS.exists("ck:c:{telegram:-1001}:admins")).isFalse();

        fake.push(text(OLGA_USER, GROUP, "/safety on"));
        awaitSend(GROUP, "the safety check turned on by the new organiser", c -> true);
        assertThat(fake.calls("getChatAdministrators")).hasSize(2);
    }

    @Test
    void chartsGoAsPhotosAndLongTextsAsSeveralMessages() throws Exception {
        telegram = TelegramFixture.longPolling(REDIS.connection());
        FakeBotApi fake = telegram.fake;
        Messenger messenger = telegram.connection.messenger();
        Target group = new Target.Channel(new ChannelRef(Platform.TELEGRAM, Long.toString(GROUP),
                ChannelRef.Kind.GROUP));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        messenger.send(group, OutgoingMessage.text("This week's *check-ins*").attachment(
                new Attachment("pulse.png", "image/png", png)).build());
        FakeBotApi.Call photo = fake.await(c -> c.method().equals("sendPhoto"), WAIT, "the chart");
        assertThat(photo.files().get("photo")).isEqualTo(png);
        assertThat(photo.text()).isEqualTo("This week's <b>check-ins</b>");

        String paragraph = "A line of the circle's agenda. ".repeat(60).strip();
        String markup = String.join("\n\n", Collections.nCopies(4, paragraph));
        var sent = messenger.send(group, OutgoingMessage.text(markup).button("Join", "settings.tz:UTC").build());
        List<FakeBotApi.Call> parts = fake.sentTo(GROUP).stream().filter(c -> c.method().equals("sendMessage")).toList();
        assertThat(parts).hasSize(2);
        parts.forEach(part -> assertThat(part.text().length()).isLessThanOrEqualTo(TelegramHtml.MESSAGE_LIMIT));
        assertThat(parts.get(0).params().has("reply_markup")).isFalse();
        assertThat(parts.get(1).params().has("reply_markup")).isTrue();
        assertThat(sent.messageId()).isEqualTo(Integer.toString(parts.get(1).messageId()));
    }

    private static List<String> names(List<FakeBotApi.Call> menus, String type) {
        FakeBotApi.Call call = menus.stream().filter(c -> c.params().path("scope").path("type").asText().equals(type)
                && c.params().path("language_code").asText().equals("en")).findFirst().orElseThrow();
        List<String> names = new ArrayList<>();
        call.params().path("commands").forEach(c -> names.add(c.path("command").asText()));
        return names;
    }

    private static String description(List<FakeBotApi.Call> menus, String type, String language, String command) {
        FakeBotApi.Call call = menus.stream().filter(c -> c.params().path("scope").path("type").asText().equals(type)
                && c.params().path("language_code").asText().equals(language)).findFirst().orElseThrow();
        for (JsonNode entry : call.params().path("commands")) {
            if (entry.path("command").asText().equals(command)) {
                return entry.path("description").asText();
            }
        }
        throw new AssertionError("no /" + command + " in the " + language + " menu");
    }
}
