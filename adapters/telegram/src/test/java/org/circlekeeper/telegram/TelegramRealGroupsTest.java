package org.circlekeeper.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.circlekeeper.telegram.TelegramFixture.GROUP;
import static org.circlekeeper.telegram.TelegramFixture.MIA;
import static org.circlekeeper.telegram.TelegramFixture.OLGA;
import static org.circlekeeper.telegram.TelegramFixture.edited;
import static org.circlekeeper.telegram.TelegramFixture.fromAnonymousAdmin;
import static org.circlekeeper.telegram.TelegramFixture.fromChannel;
import static org.circlekeeper.telegram.TelegramFixture.inTopic;
import static org.circlekeeper.telegram.TelegramFixture.person;
import static org.circlekeeper.telegram.TelegramFixture.press;
import static org.circlekeeper.telegram.TelegramFixture.pressInTopic;
import static org.circlekeeper.telegram.TelegramFixture.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.circlekeeper.core.circle.Circle;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.redis.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What real Telegram groups do to the bot, with the real TelegramBots library against the fake Bot API: anonymous
 * administrators, messages of channels, forum topics, messages Telegram refuses for good, and edited messages.
 */
class TelegramRealGroupsTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();
    @RegisterExtension
    final TokenWatch tokenWatch = new TokenWatch(TelegramFixture.TOKEN);

    private static final Duration WAIT = Duration.ofSeconds(30); // generous: a loaded 2-core machine can take over 10 s for a first command
    private static final ObjectNode MIA_USER = person(MIA, "Mia", "en");
    private static final ObjectNode OLGA_USER = person(OLGA, "Olga", "en");
    private static final CommunityRef COMMUNITY = new CommunityRef(Platform.TELEGRAM, Long.toString(GROUP));

    private final Counting metrics = new Counting();
    private TelegramFixture telegram;

    @AfterEach
    void stop() {
        if (telegram != null) {
            telegram.close();
        }
    }

    /** The platform errors counted, by operation. */
    static final class Counting implements Metrics {
        final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

        @Override
        public void platformError(Platform platform, String operation) {
            errors.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        }

        int errors(String operation) {
            AtomicInteger count = errors.get(operation);
            return count == null ? 0 : count.get();
        }
    }

    private FakeBotApi start() throws Exception {
        telegram = TelegramFixture.withMembers(REDIS.connection(), UnaryOperator.identity(), metrics);
        return telegram.fake;
    }

    private FakeBotApi.Call awaitSend(long chat, String what, Predicate<FakeBotApi.Call> wanted) throws InterruptedException {
        return telegram.fake.await(c -> !c.rejected() && c.chatId() == chat
                && (c.method().startsWith("send") || c.method().equals("editMessageText")) && wanted.test(c), WAIT, what);
    }

    /** Waits until the bot polled past the update, so that it was handled (the updates of one chat keep their order). */
    private void awaitHandled(int updateId) throws InterruptedException {
        telegram.fake.await(c -> c.method().equals("getUpdates") && c.params().path("offset").asInt() > updateId, WAIT,
                "the poll after update " + updateId);
    }

    /** What Redis holds beside the adapter's own bookkeeping (updates seen, send budgets). */
    private static Set<String> stored() {
        return REDIS.keys().stream().filter(key -> !key.startsWith("ck:update:") && !key.startsWith("ck:{rate:"))
                .collect(Collectors.toSet());
    }

    private static String button(FakeBotApi.Call call) {
        return call.params().path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText();
    }

    /** The messages sent (or tried) to the group outside topic 43, where the share circle goes on by itself. */
    private static int toGroup(FakeBotApi fake) {
        return (int) fake.calls("sendMessage").stream()
                .filter(c -> c.chatId() == GROUP && c.params().path("message_thread_id").asInt() != 43).count();
    }

    private static Target.Channel channel(String id) {
        return new Target.Channel(new ChannelRef(Platform.TELEGRAM, id, ChannelRef.Kind.GROUP));
    }

    // --- item 2: anonymous administrators ---

    @Test
    void anAnonymousAdministratorsCommandRunsOnceAfterAnAdministratorConfirmsIt() throws Exception {
        FakeBotApi fake = start();
        fake.admins(GROUP, 900L, OLGA);

        fake.push(fromAnonymousAdmin(GROUP, "/safety on"));
        FakeBotApi.Call question = awaitSend(GROUP, "the question to confirm", c -> c.params().has("reply_markup"));
        assertThat(question.text()).contains("/safety").contains("anonymous").contains("10 minutes");
        String confirm = button(question);
        assertThat(confirm).startsWith(AnonymousAdmins.ACTION_PREFIX);
        assertThat(confirm.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        String held = "ck:held:" + confirm.substring(AnonymousAdmins.ACTION_PREFIX.length());
        assertThat(REDIS.exists(held)).isTrue();
        assertThat(REDIS.exists("ck:c:{telegram:-1001}:res:safety")).isFalse();

        // a member presses: told so, privately, and nothing changes
        int miaPress = fake.push(press(MIA_USER, GROUP, question.messageId(), confirm));
        FakeBotApi.Call refusal = fake.await(c -> c.method().equals("answerCallbackQuery") && c.params().has("text"), WAIT,
                "the word to a member who pressed");
        assertThat(refusal.params().path("text").asText()).contains("Only the group's administrators");
        assertThat(refusal.params().path("show_alert").asBoolean()).isTrue();
        awaitHandled(miaPress);
        assertThat(REDIS.exists(held)).isTrue();
        assertThat(REDIS.exists("ck:c:{telegram:-1001}:res:safety")).isFalse();

        // an administrator presses: the question says who confirmed, and the command runs as them
        fake.push(press(OLGA_USER, GROUP, question.messageId(), confirm));
        FakeBotApi.Call confirmed = awaitSend(GROUP, "the confirmation", c -> c.method().equals("editMessageText"));
        assertThat(confirmed.params().path("message_id").asInt()).isEqualTo(question.messageId());
        assertThat(confirmed.text()).contains("Olga confirmed /safety");
        assertThat(confirmed.params().has("reply_markup")).isFalse();
        awaitSend(GROUP, "the safety check turned on", c -> c.text().contains("The safety check is on"));
        assertThat(REDIS.exists("ck:c:{telegram:-1001}:res:safety")).isTrue();
        assertThat(REDIS.exists(held)).isFalse();

        // a second press, even by an administrator, changes nothing
        int sends = fake.sentTo(GROUP).size();
        int again = fake.push(press(OLGA_USER, GROUP, question.messageId(), confirm));
        FakeBotApi.Call gone = fake.await(c -> c.method().equals("answerCallbackQuery")
                && c.params().path("text").asText().contains("confirmed already"), WAIT, "the word about a used confirmation");
        assertThat(gone.params().path("show_alert").asBoolean()).isTrue();
        awaitHandled(again);
        assertThat(fake.sentTo(GROUP)).hasSize(sends);
        // the administrator list was asked for once: the cache answered the other presses
        assertThat(fake.calls("getChatAdministrators")).hasSize(1);
    }

    @Test
    void aCommandOfAChannelGetsAKindWordAndTheLinkedChannelsPostsAreNotRead() throws Exception {
        FakeBotApi fake = start();
        fake.admins(GROUP, 900L, OLGA);
        fake.push(text(OLGA_USER, GROUP, "/safety on"));
        awaitSend(GROUP, "the safety check turned on", c -> c.text().contains("The safety check is on"));
        Set<String> before = stored();

        // the linked channel's post, forwarded into the group, with a phrase the safety check would answer
        fake.push(fromChannel(GROUP, -100_777L, "I want to die", true));
        // someone writes as their channel: no person to answer, and no private offer to anyone
        fake.push(fromChannel(GROUP, -100_778L, "I want to die", false));
        // updates of one chat are handled in order: once the word to the next one is out, these were seen
        fake.push(fromChannel(GROUP, -100_778L, "/help@" + FakeBotApi.BOT_USERNAME, false));
        FakeBotApi.Call word = awaitSend(GROUP, "the word about commands of channels", c -> c.text().contains("posted as a channel"));
        assertThat(word.params().has("message_thread_id")).isFalse();
        assertThat(fake.calls().stream().filter(c -> c.method().startsWith("send"))
                .filter(c -> c.chatId() > 0)).isEmpty();
        assertThat(stored()).isEqualTo(before);
    }

    // --- item 3: forum topics ---

    @Test
    void inAForumAnswersCirclesAndTheShareCircleStayInTheirTopicAndAClosedTopicIsReportedOnce() throws Exception {
        FakeBotApi fake = start();
        fake.admins(GROUP, 900L, OLGA);
        fake.forum(GROUP, 42, 43);

        // a circle created in topic 42: the answer and its announcement go there, and it is stored as that topic
        fake.push(inTopic(text(OLGA_USER, GROUP, "/circle create \"Tuesday circle\" every tuesday 19:00"), 42));
        FakeBotApi.Call created = awaitSend(GROUP, "the new circle", c -> c.text().contains("Tuesday circle") && c.params().has("reply_markup"));
        assertThat(created.params().path("message_thread_id").asInt()).isEqualTo(42);
        Circle circle = telegram.stores.circles().circles().all(COMMUNITY).get(0);
        assertThat(circle.channel().channelId()).isEqualTo(GROUP + "/42");

        // a member's RSVP pressed in the topic; the private answer goes to her private chat
        fake.push(pressInTopic(MIA_USER, GROUP, 42, created.messageId(), button(created)));
        awaitSend(MIA, "the private RSVP answer", c -> c.text().contains("Tuesday circle"));

        // the circle's reminders go to its topic (as the scheduler sends them: to the stored channel)
        Messenger messenger = telegram.connection.messenger();
        messenger.send(new Target.Channel(circle.channel()), OutgoingMessage.text("Tuesday circle starts in an hour").build());
        FakeBotApi.Call reminder = awaitSend(GROUP, "the reminder", c -> c.text().contains("starts in an hour"));
        assertThat(reminder.params().path("message_thread_id").asInt()).isEqualTo(42);

        // a share circle runs in topic 43: its opening, the member joining and its board stay there
        fake.push(inTopic(text(OLGA_USER, GROUP, "/share start basic"), 43));
        FakeBotApi.Call opening = awaitSend(GROUP, "the opening", c -> c.params().path("message_thread_id").asInt() == 43);
        fake.push(inTopic(text(MIA_USER, GROUP, "/share join"), 43));
        FakeBotApi.Call board = awaitSend(GROUP, "the board with Mia", c -> c.text().contains("Mia") && c.nanoTime() > opening.nanoTime());
        assertThat(board.method().equals("editMessageText") || board.params().path("message_thread_id").asInt() == 43).isTrue();
        // the chair moves the circle on with a button in the topic: the next step is posted there too
        FakeBotApi.Call withStep = fake.sentTo(GROUP).stream()
                .filter(c -> c.params().path("reply_markup").toString().contains("share.step:")).findFirst().orElseThrow();
        String step = StreamSupport.stream(withStep.params().path("reply_markup").path("inline_keyboard").get(0)
                .spliterator(), false).map(b -> b.path("callback_data").asText()).filter(d -> d.startsWith("share.step:"))
                .findFirst().orElseThrow();
        long pressed = System.nanoTime();
        fake.push(pressInTopic(OLGA_USER, GROUP, 43, withStep.messageId(), step));
        FakeBotApi.Call next = awaitSend(GROUP, "the next step", c -> c.method().equals("sendMessage") && c.nanoTime() > pressed);
        assertThat(next.params().path("message_thread_id").asInt()).isEqualTo(43);
        assertThat(fake.sentTo(GROUP).stream().filter(c -> c.method().startsWith("send"))
                .allMatch(c -> c.params().has("message_thread_id"))).isTrue();

        // topic 42 is closed: the reminder is refused for good, not retried, and the organisers hear it once, in General
        fake.closeTopic(GROUP, 42);
        int attempts = toGroup(fake);
        Messenger.DeliveryFailed failed = catchThrowableOfType(Messenger.DeliveryFailed.class,
                () -> messenger.send(new Target.Channel(circle.channel()), OutgoingMessage.text("Tuesday circle starts in an hour").build()));
        assertThat(failed.permanent()).isTrue();
        FakeBotApi.Call notice = awaitSend(GROUP, "the notice to organisers", c -> c.text().contains("Organisers"));
        assertThat(notice.params().has("message_thread_id")).isFalse();
        assertThat(notice.text()).contains("https://t.me/c/1/42");
        assertThat(toGroup(fake)).isEqualTo(attempts + 2);
        catchThrowableOfType(Messenger.DeliveryFailed.class,
                () -> messenger.send(new Target.Channel(circle.channel()), OutgoingMessage.text("and again").build()));
        assertThat(toGroup(fake)).isEqualTo(attempts + 3);
        assertThat(metrics.errors("refused-topic-gone")).isEqualTo(2);

        // topic 43 deleted: "message thread not found", its own single notice
        fake.deleteTopic(GROUP, 43);
        catchThrowableOfType(Messenger.DeliveryFailed.class,
                () -> messenger.send(channel(GROUP + "/43"), OutgoingMessage.text("The next round begins").build()));
        awaitSend(GROUP, "the notice about the second topic", c -> c.text().contains("https://t.me/c/1/43"));
        assertThat(fake.sentTo(GROUP).stream().filter(c -> c.text().contains("Organisers"))).hasSize(2);
        assertThat(REDIS.keys()).contains("ck:once:telegram%20topic-gone%20-1001%2F42", "ck:once:telegram%20topic-gone%20-1001%2F43");
    }

    @Test
    void aCircleStoredBeforeTopicsStillPostsToItsChatAndGeneralIsNeverNamedAsAThread() throws Exception {
        FakeBotApi fake = start();
        fake.admins(GROUP, 900L, OLGA);
        fake.forum(GROUP, 42);
        Messenger messenger = telegram.connection.messenger();
        messenger.send(channel(Long.toString(GROUP)), OutgoingMessage.text("A reminder for a circle made before topics").build());
        FakeBotApi.Call sent = awaitSend(GROUP, "the reminder", c -> c.text().contains("before topics"));
        assertThat(sent.params().has("message_thread_id")).isFalse();

        // a command in General: a forum's General messages carry no topic (is_topic_message unset), nor does the answer
        ObjectNode general = text(OLGA_USER, GROUP, "/circle create \"General circle\" every monday 18:00");
        ((ObjectNode) general.get("message")).set("chat", FakeBotApi.forumChat(GROUP));
        fake.push(general);
        FakeBotApi.Call created = awaitSend(GROUP, "the circle made in General", c -> c.text().contains("General circle"));
        assertThat(created.params().has("message_thread_id")).isFalse();
        assertThat(telegram.stores.circles().circles().all(COMMUNITY).get(0).channel().channelId()).isEqualTo(Long.toString(GROUP));
    }

    // --- item 5: messages Telegram refuses ---

    @Test
    void aChatGoneARemovedBotAndMissingRightsFailForGoodOnceEachAndAreCounted() throws Exception {
        FakeBotApi fake = start();
        fake.chatGone(-2002);
        fake.kicked(-2003);
        fake.mutedBot(-2004);
        Messenger messenger = telegram.connection.messenger();
        OutgoingMessage reminder = OutgoingMessage.text("Your circle starts in an hour").build();
        for (long chat : List.of(-2002L, -2003L, -2004L)) {
            Messenger.DeliveryFailed failed = catchThrowableOfType(Messenger.DeliveryFailed.class,
                    () -> messenger.send(channel(Long.toString(chat)), reminder));
            assertThat(failed.permanent()).as("chat %s", chat).isTrue();
            assertThat(fake.calls("sendMessage").stream().filter(c -> c.chatId() == chat)).as("tries to %s", chat).hasSize(1);
        }
        assertThat(metrics.errors("refused-chat-not-found")).isEqualTo(1);
        assertThat(metrics.errors("refused-removed")).isEqualTo(1);
        assertThat(metrics.errors("refused-no-rights")).isEqualTo(1);
        // a group refusing the bot is no member who cannot be written to: nobody is marked unreachable
        assertThat(REDIS.keys()).noneMatch(key -> key.endsWith(":unreachable"));

        // a command in the group that took the bot's rights: its answer is refused and counted, the next update is handled
        fake.admins(-2004, 900L, OLGA);
        fake.push(text(OLGA_USER, -2004, "/safety on"));
        fake.await(c -> c.rejected() && c.chatId() == -2004 && c.text().contains("safety check is on"), WAIT, "the refused answer");
        fake.push(text(OLGA_USER, -2004, "/safety off"));
        fake.await(c -> c.rejected() && c.chatId() == -2004 && c.text().contains("safety check is off"), WAIT,
                "the next update's refused answer");
        assertThat(metrics.errors("refused-no-rights")).isGreaterThanOrEqualTo(2);
        assertThat(fake.calls("sendMessage").stream().filter(c -> c.chatId() == -2004 && c.text().contains("is on"))).hasSize(1);
        // the organiser who asked is told privately, once for each command, why the group got no answer
        awaitSend(OLGA, "the private word about the group's rights", c -> c.text().contains("doesn't let me send messages"));
        fake.await(c -> !c.rejected() && c.chatId() == OLGA && c.text().contains("doesn't let me send messages")
                && fake.calls().indexOf(c) > fake.calls().stream().filter(x -> x.text().contains("is off")).findFirst()
                .map(x -> fake.calls().indexOf(x)).orElse(Integer.MAX_VALUE), WAIT, "the second private word");
        assertThat(fake.sentTo(OLGA)).hasSize(2);
    }

    @Test
    void aTextLongAfterEscapingIsSplitBetweenEntitiesAndTagsAndEveryPartIsAccepted() throws Exception {
        FakeBotApi fake = start();
        Messenger messenger = telegram.connection.messenger();
        // 6,000 characters that each become an HTML entity, with bold text across the place where it must split
        String markup = "&<>\"".repeat(1_000) + "*" + "bold & <b> ".repeat(100) + "*" + "<&>".repeat(300);
        messenger.send(channel(Long.toString(GROUP)), OutgoingMessage.text(markup).button("Join", "settings.tz:UTC").build());
        List<FakeBotApi.Call> parts = fake.calls("sendMessage").stream().filter(c -> c.chatId() == GROUP).toList();
        assertThat(parts).hasSizeGreaterThan(1).noneMatch(FakeBotApi.Call::rejected);
        StringBuilder seen = new StringBuilder();
        for (FakeBotApi.Call part : parts) {
            String visible = TelegramHtmlParser.visibleText(part.text());
            assertThat(visible.length()).isLessThanOrEqualTo(TelegramHtml.MESSAGE_LIMIT);
            seen.append(visible);
        }
        assertThat(seen.toString().replaceAll("\\s", "")).isEqualTo(TelegramHtml.visibleText(markup).replaceAll("\\s", ""));
        assertThat(parts.get(parts.size() - 1).params().has("reply_markup")).isTrue();
        assertThat(metrics.errors).isEmpty();
    }

    @Test
    void whatTelegramStillRefusesInAMessageFailsForGoodAndIsCounted() throws Exception {
        FakeBotApi fake = start();
        Messenger messenger = telegram.connection.messenger();
        Target group = channel(Long.toString(GROUP));
        fake.failNext("sendMessage", 400, "Bad Request: message is too long", 0);
        Messenger.DeliveryFailed tooLong = catchThrowableOfType(Messenger.DeliveryFailed.class,
                () -> messenger.send(group, OutgoingMessage.text("short here, long to Telegram").build()));
        assertThat(tooLong.permanent()).isTrue();
        fake.failNext("sendMessage", 400, "Bad Request: BUTTON_DATA_INVALID", 0);
        Messenger.DeliveryFailed buttonData = catchThrowableOfType(Messenger.DeliveryFailed.class,
                () -> messenger.send(group, OutgoingMessage.text("with a button").button("Join", "settings.tz:UTC").build()));
        assertThat(buttonData.permanent()).isTrue();
        assertThat(fake.calls("sendMessage")).hasSize(2);
        assertThat(metrics.errors("refused-too-long")).isEqualTo(1);
        assertThat(metrics.errors("refused-button-data")).isEqualTo(1);
    }

    @Test
    void noButtonTheBotSendsCarriesMoreThan64BytesEvenForTheLongestNamesInATopic() throws Exception {
        FakeBotApi fake = start();
        long supergroup = -1_009_876_543_210L;
        fake.admins(supergroup, 900L, OLGA);
        fake.forum(supergroup, 2_000_000_000);
        String longest = "Ωμέγα circle of the longest name anyone would give it, with words in it ".strip();
        fake.push(inTopic(text(OLGA_USER, supergroup, "/circle create \"" + longest + "\" every tuesday 19:00"), 2_000_000_000));
        FakeBotApi.Call created = awaitSend(supergroup, "the new circle", c -> c.params().has("reply_markup"));
        fake.push(pressInTopic(MIA_USER, supergroup, 2_000_000_000, created.messageId(), button(created)));
        awaitSend(MIA, "the private RSVP answer", c -> c.params().has("reply_markup") || c.text().contains("circle"));
        fake.push(fromAnonymousAdmin(supergroup, "/circle cancel omega"));
        awaitSend(supergroup, "the anonymous admin's question", c -> c.text().contains("anonymous"));
        List<String> data = fake.calls().stream().flatMap(c -> {
            List<String> found = new ArrayList<>();
            c.params().path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> found.add(b.path("callback_data").asText())));
            return found.stream();
        }).toList();
        assertThat(data).isNotEmpty().allMatch(d -> d.getBytes(StandardCharsets.UTF_8).length <= 64);
        assertThat(fake.calls()).noneMatch(FakeBotApi.Call::rejected);
    }

    // --- item 13: edited messages ---

    @Test
    void anEditedMessageIsNotReadSoTheSafetyChecksOfferStaysAndNothingIsStored() throws Exception {
        FakeBotApi fake = start();
        fake.admins(GROUP, 900L, OLGA);
        fake.push(text(OLGA_USER, GROUP, "/safety on"));
        awaitSend(GROUP, "the safety check turned on", c -> c.text().contains("The safety check is on"));
        assertThat(fake.calls("getUpdates").get(0).params().path("allowed_updates").toString()).doesNotContain("edited_message");

        ObjectNode said = text(MIA_USER, GROUP, "I want to die");
        int messageId = said.get("message").get("message_id").asInt();
        fake.push(said);
        FakeBotApi.Call offer = awaitSend(MIA, "the private offer", c -> true);
        // updates of one chat are handled in order: once this answer is out, everything about her message was done
        fake.push(text(OLGA_USER, GROUP, "/safety on"));
        FakeBotApi.Call marker = awaitSend(GROUP, "the answer before the edits", c -> c.text().contains("The safety check is on")
                && fake.calls().indexOf(c) > fake.calls().indexOf(offer));
        Set<String> before = stored();
        int sends = fake.calls().stream().filter(c -> c.method().startsWith("send") || c.method().equals("editMessageText")).toList().size();

        // she edits it into something harmless, then into another risk phrase, then into a command: none is read
        fake.push(edited(MIA_USER, GROUP, messageId, "I had a long day"));
        fake.push(edited(MIA_USER, GROUP, messageId, "I don't want to live anymore"));
        fake.push(edited(MIA_USER, GROUP, messageId, "/forgetme"));
        // updates are handled in order: once the next message is answered, the edits before it were seen
        fake.push(text(OLGA_USER, GROUP, "/safety on"));
        awaitSend(GROUP, "the answer after the edits", c -> c.text().contains("The safety check is on")
                && fake.calls().indexOf(c) > fake.calls().indexOf(marker));
        assertThat(fake.calls().stream().filter(c -> c.method().startsWith("send") || c.method().equals("editMessageText"))).hasSize(sends + 1);
        assertThat(stored()).isEqualTo(before);
        assertThat(offer.chatId()).isEqualTo(MIA);
    }
}
