package org.circlekeeper.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circlekeeper.telegram.TelegramFixture.GROUP;
import static org.circlekeeper.telegram.TelegramFixture.MIA;
import static org.circlekeeper.telegram.TelegramFixture.OLGA;
import static org.circlekeeper.telegram.TelegramFixture.person;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.circlekeeper.core.platform.OrganiserCheck;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.redis.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Telegram adapter's {@link OrganiserCheck}, which the organisers' page asks before every change: it decides as chat
 * does, from {@code getChatAdministrators} through the shared cache, and a demotion Telegram reports ({@code chat_member})
 * takes the role away at once. The real TelegramBots library against the fake Bot API, with a real Redis.
 */
class TelegramOrganiserCheckTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final CommunityRef THE_GROUP = new CommunityRef(Platform.TELEGRAM, Long.toString(GROUP));
    private static final MemberRef OLGA_MEMBER = new MemberRef(Platform.TELEGRAM, Long.toString(OLGA), "Olga");
    private static final MemberRef MIA_MEMBER = new MemberRef(Platform.TELEGRAM, Long.toString(MIA), "Mia");

    private TelegramFixture telegram;

    @AfterEach
    void stop() {
        if (telegram != null) {
            telegram.close();
        }
    }

    @Test
    void aGroupsAdministratorsAreItsOrganisersAsInChatAndADemotionIsSeenAtOnce() throws Exception {
        telegram = TelegramFixture.longPolling(REDIS.connection());
        FakeBotApi fake = telegram.fake;
        fake.admins(GROUP, 900L, OLGA);
        OrganiserCheck check = telegram.bot.organiserCheck();

        assertThat(check.platform()).isEqualTo(Platform.TELEGRAM);
        assertThat(check.ask(THE_GROUP, OLGA_MEMBER)).isEqualTo(OrganiserCheck.Answer.ORGANISER);
        assertThat(check.ask(THE_GROUP, MIA_MEMBER)).isEqualTo(OrganiserCheck.Answer.NOT_ORGANISER);
        assertThat(fake.calls("getChatAdministrators")).as("asked once, then read from the shared cache").hasSize(1);
        assertThat(check.ask(new CommunityRef(Platform.DISCORD, Long.toString(GROUP)), OLGA_MEMBER))
                .as("another platform's community").isEqualTo(OrganiserCheck.Answer.NOT_ORGANISER);

        // Olga is demoted; Telegram tells the bot (an administrator gets chat_member updates) and the cached list is dropped
        fake.admins(GROUP, 900L);
        ObjectNode change = JsonNodeFactory.instance.objectNode();
        ObjectNode updated = change.putObject("chat_member");
        updated.set("chat", FakeBotApi.chat(GROUP));
        updated.set("from", FakeBotApi.user(900, "Owner", null, false));
        updated.put("date", (int) (System.currentTimeMillis() / 1000));
        ObjectNode olga = person(OLGA, "Olga", "es");
        updated.putObject("old_chat_member").put("status", "administrator").put("can_be_edited", true)
                .put("is_anonymous", false).set("user", olga);
        updated.putObject("new_chat_member").put("status", "member").set("user", olga);
        fake.push(change);
        fake.await(c -> c.method().equals("getUpdates") && c.params().path("offset").asInt() > change.get("update_id").asInt(),
                WAIT, "the poll after the membership change");
        long until = System.currentTimeMillis() + WAIT.toMillis();
        while (REDIS.exists("ck:c:{telegram:-1001}:admins") && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }

        assertThat(check.ask(THE_GROUP, OLGA_MEMBER)).isEqualTo(OrganiserCheck.Answer.NOT_ORGANISER);
        assertThat(fake.calls("getChatAdministrators")).hasSize(2);
    }

    @Test
    void whenTelegramCannotBeReachedTheAnswerIsUnknownAndNothingIsCached() throws Exception {
        telegram = TelegramFixture.longPolling(REDIS.connection());
        FakeBotApi fake = telegram.fake;
        fake.admins(GROUP, 900L, OLGA);
        for (int i = 0; i < TelegramApi.TRANSIENT_TRIES; i++) {
            fake.failNext("getChatAdministrators", 502, "Bad Gateway", 0);
        }
        OrganiserCheck check = telegram.bot.organiserCheck();

        assertThat(check.ask(THE_GROUP, OLGA_MEMBER)).isEqualTo(OrganiserCheck.Answer.UNKNOWN);
        assertThat(REDIS.exists("ck:c:{telegram:-1001}:admins")).isFalse();
        assertThat(check.ask(THE_GROUP, OLGA_MEMBER)).isEqualTo(OrganiserCheck.Answer.ORGANISER);
    }
}
