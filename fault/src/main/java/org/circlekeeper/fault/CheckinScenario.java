package org.circlekeeper.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.circlekeeper.core.checkin.Checkin;
import org.circlekeeper.core.checkin.CheckinStore;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisStores;
import org.circlekeeper.telegram.FakeBotApi;

/**
 * Check-ins while Redis dies: members of one Telegram group check in as Telegram would carry it to two apps behind
 * a load balancer (webhook posts, alternating between the apps): {@code /checkin} in the group, the mood buttons
 * arrive in their private chat, they press one. A member whose press gets no answer presses again (up to three
 * times), as a person would. Meanwhile Redis is killed with SIGKILL and started again on its append-only file.
 * Afterwards every member the bot told "I saved ..." must have that check-in in Redis: one missing, or with another
 * mood, is acknowledged but lost.
 */
final class CheckinScenario {

    /** The words of {@code checkin.saved} and {@code checkin.mood-changed} (templates/messages/en/checkins.yml). */
    private static final List<String> ACKS = List.of("I saved", "check-in is now");
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(10);
    private static final int TRIES = 3;
    private static final long FIRST_MEMBER = 30_000_000L;
    private static final long ORGANISER = 29_999_999L;
    /** Check-ins acknowledged before Redis may be killed. */
    private static final int WARM = 20;

    private final Options options;
    private final Progress progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger updateIds = new AtomicInteger(1);

    /** Per member: the mood level pressed, whether the bot acknowledged it. */
    private final Map<Long, Integer> pressed = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger presses = new AtomicInteger();
    private final AtomicInteger otherAnswers = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger noButtons = new AtomicInteger();
    private final AtomicInteger refusedPosts = new AtomicInteger();

    CheckinScenario(Options options, Progress progress) {
        this.options = options;
        this.progress = progress;
    }

    Row run() throws Exception {
        List<String> notes = new ArrayList<>();
        try (Stage stage = Stage.open(options, "3-redis-kill")) {
            long group = Seeder.groupId(0);
            stage.telegram.admins(group, ORGANISER);
            List<AppProcess> apps = stage.startApps("3");
            stage.awaitReady();
            progress.say("both apps ready (pids %d, %d); %d members at a time check in; Redis is killed after %d s (and %d "
                    + "check-ins) for %d s, then the load goes on for %d s", apps.get(0).pid(), apps.get(1).pid(), options.workers(),
                    options.checkinSeconds() / 3, WARM, options.redisDown(), options.checkinSeconds() * 2 / 3);

            long began = System.nanoTime();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger next = new AtomicInteger();
            ExecutorService members = Executors.newFixedThreadPool(options.workers());
            for (int w = 0; w < options.workers(); w++) {
                members.submit(() -> {
                    int i;
                    while (!stop.get() && (i = next.getAndIncrement()) < options.members()) {
                        checkIn(stage.telegram, apps, group, i);
                    }
                    return null;
                });
            }
            // the fault comes once the load runs for real (a third of the time, and a few check-ins saved), not
            // while the apps' first requests are still slow
            long killNotBefore = began + Duration.ofSeconds(options.checkinSeconds() / 3).toNanos();
            long killAtLatest = began + Duration.ofSeconds(options.checkinSeconds()).toNanos();
            while (System.nanoTime() < killAtLatest && (System.nanoTime() < killNotBefore || acknowledgedCount() < WARM)) {
                Thread.sleep(100);
            }
            int ackedBefore = acknowledgedCount();
            int code = stage.redis.kill();
            progress.say("killed Redis with SIGKILL (exit %d) after %d acknowledged check-ins", code, ackedBefore);
            notes.add(String.format(Locale.ROOT, "Redis killed with SIGKILL (exit %d%s) %.0f s into the load, after %d acknowledged "
                    + "check-ins; restarted on its append-only file (appendfsync %s) after %d s", code,
                    code == 137 ? ", SIGKILL" : ", NOT SIGKILL", (System.nanoTime() - began) / 1e9, ackedBefore, RedisProcess.FSYNC,
                    options.redisDown()));
            Thread.sleep(options.redisDown() * 1000L);
            stage.redis.restart();
            int ackedAtRestart = acknowledgedCount();
            progress.say("Redis is back; the load goes on for %d s", options.checkinSeconds() * 2 / 3);
            Thread.sleep(options.checkinSeconds() * 2000L / 3);
            stop.set(true);
            members.shutdown();
            if (!members.awaitTermination(2L * TRIES * ANSWER_WAIT.toSeconds() + 60, TimeUnit.SECONDS)) {
                members.shutdownNow();
                notes.add("the members' load did not end in time and was stopped");
            }
            // answers still on their way
            Thread.sleep(3_000);

            int lost = 0;
            int stored = 0;
            try (RedisConnection connection = RedisConnection.open(stage.redis.url())) {
                CheckinStore store = RedisStores.create(connection, Clock.systemUTC()).checkins().checkins();
                CommunityRef community = new CommunityRef(Platform.TELEGRAM, Long.toString(group));
                LocalDate today = LocalDate.now(ZoneOffset.UTC);
                for (Map.Entry<Long, Integer> member : pressed.entrySet()) {
                    MemberRef ref = new MemberRef(Platform.TELEGRAM, Long.toString(member.getKey()), null);
                    Optional<Checkin> saved = store.between(community, ref, today.minusDays(1), today).stream().reduce((a, b) -> b);
                    if (saved.isPresent()) {
                        stored++;
                    }
                    boolean ok = saved.isPresent() && saved.get().mood().level() == member.getValue();
                    if (acknowledged.getOrDefault(member.getKey(), false) && !ok) {
                        lost++;
                    }
                }
            }
            int acked = acknowledgedCount();
            notes.add(String.format(Locale.ROOT, "acknowledged check-ins: %d before the kill, %d while Redis was down or coming back, "
                    + "%d after", ackedBefore, ackedAtRestart - ackedBefore, acked - ackedAtRestart));
            notes.add(String.format(Locale.ROOT, "%d members pressed a mood (%d presses); %d were told it was saved, %d are in Redis",
                    pressed.size(), presses.get(), acked, stored));
            notes.add(String.format(Locale.ROOT, "answers other than a saved check-in: %d; presses with no answer within %d s: %d; "
                    + "/checkin with no mood buttons after %d tries: %d; webhook posts refused or failed: %d", otherAnswers.get(),
                    ANSWER_WAIT.toSeconds(), unanswered.get(), TRIES, noButtons.get(), refusedPosts.get()));
            if (acked == 0) {
                notes.add("NO check-in was acknowledged: the load did not work (see the app logs), so this row proves nothing");
                lost = Math.max(lost, 1);
            }
            return new Row("3 SIGKILL Redis under check-ins", pressed.size(), acked, null, null, lost, notes);
        }
    }

    private int acknowledgedCount() {
        return (int) acknowledged.values().stream().filter(b -> b).count();
    }

    /** One member: /checkin in the group, the buttons in private, a press, pressed again while unanswered. */
    private void checkIn(FakeBotApi telegram, List<AppProcess> apps, long group, int index) throws InterruptedException {
        long member = FIRST_MEMBER + index;
        ObjectNode from = FakeBotApi.user(member, "Member" + index, null, false).put("language_code", "en");
        FakeBotApi.Call buttons = null;
        for (int attempt = 0; attempt < TRIES && buttons == null; attempt++) {
            int seen = telegram.sentTo(member).size();
            post(apps.get((index + attempt) % apps.size()), command(from, group, "/checkin"));
            buttons = await(telegram, member, seen, c -> moodData(c, 3).isPresent());
        }
        if (buttons == null) {
            noButtons.incrementAndGet();
            return;
        }
        int level = 3 + index % 3;
        String data = moodData(buttons, level).orElseThrow();
        pressed.put(member, level);
        acknowledged.put(member, false);
        for (int attempt = 0; attempt < TRIES; attempt++) {
            int seen = telegram.sentTo(member).size();
            presses.incrementAndGet();
            post(apps.get((index + attempt + 1) % apps.size()), press(from, member, buttons.messageId(), data));
            FakeBotApi.Call answer = await(telegram, member, seen, c -> true);
            if (answer == null) {
                unanswered.incrementAndGet();
                continue;
            }
            // a second answer (an error, then the saved text, say) may follow at once: read all that came
            Thread.sleep(200);
            List<FakeBotApi.Call> answers = telegram.sentTo(member);
            boolean saved = answers.subList(seen, answers.size()).stream().anyMatch(c -> ACKS.stream().anyMatch(c.text()::contains));
            if (saved) {
                acknowledged.put(member, true);
                return;
            }
            otherAnswers.incrementAndGet();
        }
    }

    /** The callback data of the mood button of that level, when the message carries the mood buttons. */
    private static Optional<String> moodData(FakeBotApi.Call call, int level) {
        for (JsonNode row : call.params().path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                String data = button.path("callback_data").asText("");
                if (data.startsWith("checkin.mood:" + level + ":")) {
                    return Optional.of(data);
                }
            }
        }
        return Optional.empty();
    }

    /** The first send to the chat after the first {@code seen} that matches, waiting up to {@link #ANSWER_WAIT}. */
    private static FakeBotApi.Call await(FakeBotApi telegram, long chat, int seen, Predicate<FakeBotApi.Call> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<FakeBotApi.Call> sent = telegram.sentTo(chat);
            for (FakeBotApi.Call call : sent.subList(Math.min(seen, sent.size()), sent.size())) {
                if (wanted.test(call)) {
                    return call;
                }
            }
            Thread.sleep(100);
        }
        return null;
    }

    /** Posts an update to an app's webhook as Telegram does: again after a failure, a few times. */
    private void post(AppProcess app, ObjectNode update) throws InterruptedException {
        update.put("update_id", updateIds.getAndIncrement());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.webPort() + AppProcess.WEBHOOK_PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", AppProcess.SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update.toString())).build();
        for (int attempt = 0; attempt < TRIES; attempt++) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // as Telegram: the endpoint did not answer; try again shortly
            }
            refusedPosts.incrementAndGet();
            Thread.sleep(1_000);
        }
    }

    private static ObjectNode command(ObjectNode from, long chat, String text) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("message_id", 1)
                .put("date", (int) (System.currentTimeMillis() / 1000)).put("text", text);
        message.set("from", from);
        message.set("chat", FakeBotApi.chat(chat));
        message.set("entities", JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode()
                .put("type", "bot_command").put("offset", 0).put("length", text.length())));
        ObjectNode update = JsonNodeFactory.instance.objectNode();
        update.set("message", message);
        return update;
    }

    private static ObjectNode press(ObjectNode from, long chat, int messageId, String data) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("message_id", messageId)
                .put("date", (int) (System.currentTimeMillis() / 1000)).put("text", "(the mood buttons)");
        message.set("chat", FakeBotApi.chat(chat));
        message.set("from", FakeBotApi.user(FakeBotApi.BOT_ID, "Circlekeeper", FakeBotApi.BOT_USERNAME, true));
        ObjectNode query = JsonNodeFactory.instance.objectNode().put("id", "cb-" + chat + "-" + System.nanoTime())
                .put("chat_instance", "ci" + chat).put("data", data);
        query.set("from", from);
        query.set("message", message);
        ObjectNode update = JsonNodeFactory.instance.objectNode();
        update.set("callback_query", query);
        return update;
    }
}
