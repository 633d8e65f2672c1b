package org.circlekeeper.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circlekeeper.telegram.TelegramFixture.GROUP;
import static org.circlekeeper.telegram.TelegramFixture.MIA;
import static org.circlekeeper.telegram.TelegramFixture.OLGA;
import static org.circlekeeper.telegram.TelegramFixture.person;
import static org.circlekeeper.telegram.TelegramFixture.press;
import static org.circlekeeper.telegram.TelegramFixture.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.redis.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who is in a Telegram group, as Telegram tells it, with the real TelegramBots library against the fake Bot API and a
 * real Redis: the bot removed from a group and added back ({@code my_chat_member}), the bot muted there, and a member
 * who leaves ({@code chat_member}, sent only to a bot that is an administrator).
 */
class TelegramMembershipTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();
    @RegisterExtension
    final TokenWatch tokenWatch = new TokenWatch(TelegramFixture.TOKEN);

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectNode MIA_USER = person(MIA, "Mia", "en");
    private static final ObjectNode OLGA_USER = person(OLGA, "Olga", "en");
    private static final CommunityRef COMMUNITY = new CommunityRef(Platform.TELEGRAM, Long.toString(GROUP));
    private static final MemberRef MIA_MEMBER = new MemberRef(Platform.TELEGRAM, Long.toString(MIA), "Mia");
    private static final MemberRef OLGA_MEMBER = new MemberRef(Platform.TELEGRAM, Long.toString(OLGA), "Olga");

    private final TelegramRealGroupsTest.Counting metrics = new TelegramRealGroupsTest.Counting();
    private TelegramFixture telegram;

    @AfterEach
    void stop() {
        if (telegram != null) {
            telegram.close();
        }
    }

    private FakeBotApi start() throws Exception {
        telegram = TelegramFixture.withMembers(REDIS.connection(), UnaryOperator.identity(), metrics);
        telegram.fake.admins(GROUP, OLGA);
        return telegram.fake;
    }

    private FakeBotApi.Call awaitSend(long chat, String what, Predicate<FakeBotApi.Call> wanted) throws InterruptedException {
        return telegram.fake.await(c -> !c.rejected() && c.chatId() == chat && c.method().startsWith("send") && wanted.test(c),
                WAIT, what);
    }

    /** Waits until the bot polled past the update, so that it was handled (the updates of one chat keep their order). */
    private void awaitHandled(int updateId) throws InterruptedException {
        telegram.fake.await(c -> c.method().equals("getUpdates") && c.params().path("offset").asInt() > updateId, WAIT,
                "the poll after update " + updateId);
    }

    /** Waits for what the handler threads write to Redis (the engine hears a membership change after the poll). */
    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + WAIT + " for " + what);
            }
            Thread.sleep(20);
        }
    }

    private FakeBotApi.Call createCircle(String name) throws InterruptedException {
        telegram.fake.push(text(OLGA_USER, GROUP, "/circle create \"" + name + "\" every tuesday 19:00"));
        return awaitSend(GROUP, "the new circle " + name, c -> c.text().contains(name) && c.params().has("reply_markup"));
    }

    private static String coming(FakeBotApi.Call announcement) {
        return announcement.params().path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText();
    }

    @Test
    void theBotRemovedFromAGroupKeepsItsDataForTheGracePeriodAndCarriesOnWhenAddedBack() throws Exception {
        FakeBotApi fake = start();
        createCircle("Tuesday circle");

        int removed = fake.botRemoved(GROUP, OLGA_USER, true);
        awaitHandled(removed);
        waitFor(() -> telegram.stores.departures().departedAt(COMMUNITY).isPresent(), "the removal noted");
        assertThat(telegram.stores.circles().circles().all(COMMUNITY)).as("the group's data is kept").hasSize(1);

        int added = fake.botAdded(GROUP, OLGA_USER, false);
        awaitHandled(added);
        waitFor(() -> telegram.stores.departures().departedAt(COMMUNITY).isEmpty(), "the bot back");
        assertThat(telegram.stores.circles().circles().all(COMMUNITY)).as("everything carries on").hasSize(1);
        createCircle("Wednesday circle");
        assertThat(telegram.stores.circles().circles().all(COMMUNITY)).hasSize(2);
    }

    @Test
    void aBotLeftOrRestrictedOutOfTheGroupIsRemovedButAMutedBotStaysAndWhoAsksIsToldPrivately() throws Exception {
        FakeBotApi fake = start();
        createCircle("Tuesday circle");

        int muted = fake.botRestricted(GROUP, OLGA_USER);
        awaitHandled(muted);
        fake.push(text(OLGA_USER, GROUP, "/circle create \"Muted circle\" every friday 18:00"));
        awaitSend(OLGA, "the private note that the group lets the bot send nothing",
                c -> c.text().contains("doesn't let me send messages"));
        assertThat(metrics.errors("refused-no-rights")).as("the group's refusal counted").isPositive();
        assertThat(telegram.stores.departures().departedAt(COMMUNITY)).as("a muted bot is still in the group").isEmpty();

        int left = fake.botRemoved(GROUP, OLGA_USER, false);
        awaitHandled(left);
        waitFor(() -> telegram.stores.departures().departedAt(COMMUNITY).isPresent(), "the bot's leaving noted");
        assertThat(telegram.stores.circles().circles().all(COMMUNITY)).as("the group's data is kept").isNotEmpty();
    }

    @Test
    void aMemberWhoLeavesLosesTheirAnswersThereWhenTheBotIsAnAdministrator() throws Exception {
        FakeBotApi fake = start();
        FakeBotApi.Call announcement = createCircle("Tuesday circle");
        fake.push(press(MIA_USER, GROUP, announcement.messageId(), coming(announcement)));
        awaitSend(MIA, "Mia's answer", c -> c.text().contains("Tuesday circle"));
        fake.push(press(OLGA_USER, GROUP, announcement.messageId(), coming(announcement)));
        awaitSend(OLGA, "Olga's answer", c -> c.text().contains("Tuesday circle"));
        waitFor(() -> telegram.stores.circles().rsvps().ofMember(OLGA_MEMBER).size() == 1, "Olga's answer kept");
        assertThat(telegram.stores.circles().rsvps().ofMember(MIA_MEMBER)).hasSize(1);
        assertThat(fake.calls("getUpdates").get(0).params().path("allowed_updates").toString())
                .as("chat_member is sent only to a bot that names it").contains("chat_member", "my_chat_member");

        // a plain member bot is not told who leaves: Telegram sends chat_member only to administrators
        assertThat(fake.memberLeft(GROUP, MIA_USER, null)).isEqualTo(-1);

        int promoted = fake.botAdded(GROUP, OLGA_USER, true);
        awaitHandled(promoted);
        int left = fake.memberLeft(GROUP, MIA_USER, null);
        assertThat(left).isPositive();
        awaitHandled(left);
        waitFor(() -> telegram.stores.circles().rsvps().ofMember(MIA_MEMBER).isEmpty(), "Mia's answers erased");
        assertThat(telegram.stores.circles().rsvps().ofMember(OLGA_MEMBER)).as("nobody else's answers").hasSize(1);
        assertThat(telegram.stores.departures().departedAt(COMMUNITY)).as("the bot itself stays").isEmpty();
    }

    @Test
    void aMemberRemovedByAnAdministratorLosesTheirAnswersToo() throws Exception {
        FakeBotApi fake = start();
        awaitHandled(fake.botAdded(GROUP, OLGA_USER, true));
        FakeBotApi.Call announcement = createCircle("Tuesday circle");
        fake.push(press(MIA_USER, GROUP, announcement.messageId(), coming(announcement)));
        awaitSend(MIA, "Mia's answer", c -> c.text().contains("Tuesday circle"));
        waitFor(() -> telegram.stores.circles().rsvps().ofMember(MIA_MEMBER).size() == 1, "Mia's answer kept");

        awaitHandled(fake.memberLeft(GROUP, MIA_USER, OLGA_USER));
        waitFor(() -> telegram.stores.circles().rsvps().ofMember(MIA_MEMBER).isEmpty(), "Mia's answers erased");
    }
}
