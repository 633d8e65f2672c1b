package org.circlekeeper.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circlekeeper.telegram.TelegramFixture.MIA;
import static org.circlekeeper.telegram.TelegramFixture.OLGA;
import static org.circlekeeper.telegram.TelegramFixture.person;
import static org.circlekeeper.telegram.TelegramFixture.press;
import static org.circlekeeper.telegram.TelegramFixture.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.circlekeeper.core.platform.SendBudget;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.redis.RealRedis;
import org.circlekeeper.redis.RedisJobQueue;
import org.circlekeeper.redis.RedisKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A basic group upgraded to a supergroup, with two replicas of the bot (the real TelegramBots library, one polling and
 * one taking webhooks) on one Redis and one fake Bot API that acts as Telegram does: the two service messages
 * ({@code migrate_to_chat_id} in the old group, {@code migrate_from_chat_id} in the new one) and a reminder whose send
 * to the old id is refused with 400 and {@code parameters.migrate_to_chat_id} reach the replicas in interleaved
 * orders. Whatever the order, every key of the old group is under the new id once (Redis scanned), nothing else names
 * the old id but the move's marker and members' own records, and the reminder due during the move goes out once, to
 * the supergroup.
 */
class TelegramMigrationTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SECRET = "migration-secret";
    private static final long OLD = -4_001;
    private static final long NEW = -1_000_000_004_001L;
    private static final CommunityRef OLD_GROUP = new CommunityRef(Platform.TELEGRAM, Long.toString(OLD));
    private static final CommunityRef NEW_GROUP = new CommunityRef(Platform.TELEGRAM, Long.toString(NEW));
    private static final ObjectNode MIA_USER = person(MIA, "Mia", "en");
    private static final ObjectNode OLGA_USER = person(OLGA, "Olga", "en");
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * When the replicas' cores think it is, ticking on from there: a Thursday evening, 19:45 UTC, when the circle's daily
     * planning slot under the old id (19:59:42 UTC) is still ahead and under the new id (19:40:53) has passed. A moved
     * planning job that kept its old slot then made a second chain (4 jobs where 3 wait), so the test failed only between
     * those two times; pinned, the jobs it counts do not depend on when it runs.
     */
    private static final Instant THURSDAY_EVENING = Instant.parse("2026-12-03T19:45:00Z");

    /** In which order, and on which replica, Telegram's three reports arrive. */
    enum Order {
        /** The old group's service message on the polling replica, the new one's on the other, then the failed send. */
        SERVICE_MESSAGES_FIRST,
        /** The failed send first, then the new group's service message, then the old group's, each on another replica. */
        FAILED_SEND_FIRST,
        /** All three at once, on both replicas. */
        ALL_AT_ONCE
    }

    private final List<TelegramFixture> replicas = new ArrayList<>();

    @AfterEach
    void stop() {
        for (int i = replicas.size() - 1; i >= 0; i--) {
            replicas.get(i).close();
        }
    }

    private static ObjectNode inOldGroup(ObjectNode update) {
        ((ObjectNode) update.get("message")).set("chat", FakeBotApi.basicGroupChat(OLD));
        return update;
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + WAIT + " for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The suffixes of the community's keys (after its hash tag), sorted. */
    private static List<String> keysOf(CommunityRef community) {
        String probe = RedisKeys.communityKey(community, "x");
        String prefix = probe.substring(0, probe.length() - 1);
        return REDIS.keys().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length())).sorted().toList();
    }

    /** Keys that name the old group or its chat in their name or what they hold; members' home group aside. */
    private static List<String> tracesOfTheOldGroup() {
        String id = Long.toString(OLD);
        List<String> names = List.of("telegram:" + id, "telegram%3A" + id, "telegram " + id + " ", "\"id\":\"" + id + "\"",
                "GROUP " + id);
        List<String> found = new ArrayList<>();
        for (String key : REDIS.keys()) {
            if (key.startsWith("ck:m:") && key.endsWith(":home")) {
                continue;
            }
            String content = REDIS.connection().call(jedis -> switch (jedis.type(key)) {
                case "string" -> jedis.get(key);
                case "hash" -> jedis.hgetAll(key).toString();
                case "set" -> jedis.smembers(key).toString();
                case "zset" -> jedis.zrange(key, 0, -1).toString();
                default -> "";
            });
            if (names.stream().anyMatch(n -> key.contains(n) || content.contains(n))) {
                found.add(key);
            }
        }
        return found;
    }

    /** Hands an update to the webhook replica, as Telegram's POST would. */
    private static void webhook(TelegramFixture replica, ObjectNode update) {
        try {
            assertThat(replica.bot.receiveWebhook(SECRET, JSON.writeValueAsString(update).getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(TelegramBot.WebhookAnswer.ACCEPTED);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void everythingMovesOnceAndTheReminderDueDuringTheMoveGoesOutOnce(Order order) throws Exception {
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), THURSDAY_EVENING));
        TelegramFixture polling = TelegramFixture.longPolling(REDIS.connection(), clock);
        replicas.add(polling);
        FakeBotApi fake = polling.fake;
        TelegramFixture hooked = TelegramFixture.replica(REDIS.connection(), fake, SECRET, clock);
        replicas.add(hooked);
        fake.admins(OLD, OLGA);

        // the group in use: a circle, an answer, Mia's private reminders, the group's zone
        fake.push(inOldGroup(text(OLGA_USER, OLD, "/community timezone Europe/Berlin")));
        fake.push(inOldGroup(text(OLGA_USER, OLD, "/circle create \"Tuesday circle\" every tuesday 19:00")));
        FakeBotApi.Call announced = fake.await(c -> !c.rejected() && c.chatId() == OLD && c.params().has("reply_markup")
                && c.text().contains("Tuesday circle"), WAIT, "the new circle");
        String coming = announced.params().path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText();
        fake.push(press(MIA_USER, OLD, announced.messageId(), coming));
        // her answer makes the group her home for private chats, which /remind needs (another chat, another worker)
        waitFor(() -> keysOf(OLD_GROUP).stream().anyMatch(k -> k.startsWith("rsvp:")), "Mia's answer stored");
        // and its private confirmation sent, so that it is not counted among the sends of the move below
        fake.await(c -> !c.rejected() && c.chatId() == MIA && c.text().contains("you're coming"), WAIT, "Mia's answer confirmed");
        fake.push(text(MIA_USER, MIA, "/remind all 15m"));
        fake.await(c -> !c.rejected() && c.chatId() == MIA && c.text().contains("15"), WAIT, "Mia's reminders set");
        waitFor(() -> !keysOf(OLD_GROUP).isEmpty() && REDIS.hash(RedisKeys.reminderChoices(OLD_GROUP)).size() == 1,
                "the group's keys");

        // the group's next channel reminder falls due now, during the upgrade
        RedisJobQueue queue = new RedisJobQueue(REDIS.connection());
        Map<String, String> jobs = REDIS.hash(RedisKeys.jobsData());
        String reminderId = jobs.keySet().stream().filter(id -> id.startsWith("circle.remind:telegram:" + OLD + ":")).sorted()
                .findFirst().orElseThrow();
        // a job's value: "<claims> <epochSecond> <nano> <kind> <payload>" (RedisJobQueue)
        String[] value = jobs.get(reminderId).split(" ", 5);
        queue.reschedule(new Job(reminderId, value[3], clock.instant().minusSeconds(1), value[4]));
        List<String> keysBefore = keysOf(OLD_GROUP);
        int jobsBefore = REDIS.hash(RedisKeys.jobsData()).size();
        int callsBefore = fake.calls().size();

        List<ObjectNode> service = fake.upgradeToSupergroup(OLD, NEW, OLGA_USER);
        ObjectNode inOld = service.get(0);
        ObjectNode inNew = service.get(1);
        switch (order) {
            case SERVICE_MESSAGES_FIRST -> {
                fake.push(inOld);
                webhook(hooked, inNew);
                assertThat(hooked.core.scheduler().runDue()).isEqualTo(1);
            }
            case FAILED_SEND_FIRST -> {
                assertThat(hooked.core.scheduler().runDue()).isEqualTo(1);
                webhook(hooked, inNew);
                fake.push(inOld);
            }
            case ALL_AT_ONCE -> {
                CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(() -> hooked.core.scheduler().runDue());
                webhook(hooked, inOld);
                fake.push(inNew);
                assertThat(sending.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
            }
            default -> throw new IllegalStateException(order.name());
        }
        waitFor(() -> REDIS.exists("ck:c:{telegram:" + OLD + "}:moved") && !REDIS.exists("ck:c:{telegram:" + OLD + "}:moving"),
                "the move");
        // any replica may run what is due afterwards: nothing more is due
        assertThat(polling.core.scheduler().runDue() + hooked.core.scheduler().runDue()).isZero();

        assertThat(keysOf(OLD_GROUP)).as("only the move's marker stays under the old id").containsExactly("moved");
        assertThat(keysOf(NEW_GROUP)).as("every key of the old group, under the new id once").isEqualTo(keysBefore);
        assertThat(tracesOfTheOldGroup()).containsExactly("ck:c:{telegram:" + OLD + "}:moved");
        assertThat(REDIS.hash(RedisKeys.jobsData())).as("the sent reminder is done; every other job waits, re-keyed")
                .hasSize(jobsBefore - 1);

        List<FakeBotApi.Call> after = fake.calls().subList(callsBefore, fake.calls().size());
        List<FakeBotApi.Call> delivered = after.stream().filter(c -> c.method().equals("sendMessage") && !c.rejected()).toList();
        assertThat(delivered).as("the reminder, once, in the supergroup").singleElement()
                .satisfies(c -> assertThat(c.chatId()).isEqualTo(NEW))
                .satisfies(c -> assertThat(c.text()).contains("Tuesday circle"));
        // a reminder sent before the move goes to the old id; Telegram's refusal moves the group and it goes to the new one
        List<FakeBotApi.Call> refused = after.stream().filter(c -> c.method().equals("sendMessage") && c.rejected()).toList();
        assertThat(refused).as("the old id refused, as Telegram does").allSatisfy(c -> assertThat(c.chatId()).isEqualTo(OLD))
                .hasSizeLessThanOrEqualTo(1);
        if (order == Order.FAILED_SEND_FIRST) {
            assertThat(refused).hasSize(1);
        }

        assertThat(REDIS.hash(RedisKeys.circles(NEW_GROUP)).values()).as("the circle's place is the supergroup's chat")
                .singleElement().satisfies(circle -> assertThat(circle).contains("\"id\":\"" + NEW + "\""));

        // the group carries on under its new id, on either replica
        fake.push(text(OLGA_USER, NEW, "/circles"));
        fake.await(c -> !c.rejected() && c.chatId() == NEW && c.text().contains("Tuesday circle"), WAIT, "the circles in the supergroup");
    }

    /** A send-rate bucket's next slot in the shared budget (epoch microseconds), 0 when it has none. */
    private static long nextSlot(String bucket) {
        String stored = REDIS.connection().call(jedis -> jedis.get(RedisKeys.rateBucket(Platform.TELEGRAM, bucket)));
        return stored == null ? 0 : Long.parseLong(stored);
    }

    @Test
    void anUpgradedGroupKeepsItsSendPacing() throws Exception {
        TelegramFixture telegram = TelegramFixture.withTelegramLimits(REDIS.connection());
        replicas.add(telegram);
        // Telegram told the old group's sender to wait five minutes (a 429 with retry_after): the group is held shut
        SendBudget.Quota oldGroup = telegram.connection.settings().limits().quotasFor(OLD).get(2);
        assertThat(oldGroup.bucket()).isEqualTo("group:" + OLD);
        telegram.connection.state().budget().hold(oldGroup, Duration.ofMinutes(5));
        long heldUntil = nextSlot("group:" + OLD);

        List<ObjectNode> service = telegram.fake.upgradeToSupergroup(OLD, NEW, OLGA_USER);
        telegram.fake.push(service.get(0));
        waitFor(() -> REDIS.exists("ck:c:{telegram:" + OLD + "}:moved"), "the move");

        assertThat(nextSlot("group:" + NEW)).as("the supergroup waits as long as the group would have").isGreaterThanOrEqualTo(heldUntil);
    }
}
