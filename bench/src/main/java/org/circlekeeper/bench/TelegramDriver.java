package org.circlekeeper.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.circlekeeper.telegram.FakeBotApi;

/**
 * Sends members through the mix, {@code concurrency} at a time: each member's next update goes out when the bot has
 * answered the last one (its first answer: a message or edit in the chat, or the press answered).
 */
final class TelegramDriver {
    static final long ORGANISERS = 500_000;
    private static final long MEMBERS = 1_000_000;
    private final FakeBotApi fake;
    final int concurrency;
    final String run;
    private static final AtomicInteger UPDATE_IDS = new AtomicInteger();
    private final Map<String, LinkedBlockingQueue<FakeBotApi.Call>> replies = new ConcurrentHashMap<>();

    TelegramDriver(FakeBotApi fake, int concurrency, String run) {
        this.fake = fake;
        this.concurrency = concurrency;
        this.run = run;
        fake.listen(call -> {
            if (call.rejected()) {
                return;
            }
            String key = switch (call.method()) {
                case "answerCallbackQuery" -> "press:" + call.params().path("callback_query_id").asText();
                case "sendMessage", "editMessageText", "sendPhoto", "sendDocument" -> "chat:" + call.chatId();
                default -> null;
            };
            if (key != null) {
                replies.computeIfAbsent(key, k -> new LinkedBlockingQueue<>()).add(call);
            }
        });
    }

    /** A group per slot and run, so that each slot's {@code /next} answer is its own. */
    static long group(String run, int slot) {
        return -1_000_000_000L - Math.floorMod(run.hashCode(), 1_000) * 1_000L - slot;
    }

    void members(int members, List<Long> latencies) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(concurrency);
        List<List<Long>> perSlot = new ArrayList<>();
        for (int slot = 0; slot < concurrency; slot++) {
            int mine = slot;
            List<Long> own = new ArrayList<>();
            perSlot.add(own);
            Thread thread = new Thread(() -> {
                try {
                    for (long member = next.getAndIncrement(); member < members && failure.get() == null; member = next.getAndIncrement()) {
                        member(mine, MEMBERS + Math.floorMod(run.hashCode(), 1_000) * 100_000L + member, own);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }, "bench-telegram-member-" + slot);
            thread.setDaemon(true);
            thread.start();
        }
        finished.await();
        if (failure.get() != null) {
            throw new IllegalStateException("a member's pass failed", failure.get());
        }
        perSlot.forEach(latencies::addAll);
    }

    private void member(int slot, long id, List<Long> latencies) throws InterruptedException {
        long group = group(run, slot);
        String chat = "chat:" + id;
        long t = System.nanoTime();
        ask(slot, text(id, id, id % 2 == 0 ? "/timezone Europe/Berlin" : "/timezone America/Bogota"), chat);
        latencies.add(System.nanoTime() - t);
        t = System.nanoTime();
        FakeBotApi.Call prompt = ask(slot, text(id, id, "/checkin"), chat);
        latencies.add(System.nanoTime() - t);
        t = System.nanoTime();
        ObjectNode press = press(id, prompt.messageId(), moodButton(prompt));
        ask(slot, press, "press:" + press.get("callback_query").get("id").asText());
        latencies.add(System.nanoTime() - t);
        t = System.nanoTime();
        ask(slot, text(id, group, "/next"), "chat:" + group, chat);
        latencies.add(System.nanoTime() - t);
        t = System.nanoTime();
        ask(slot, text(id, id, id % 3 == 0 ? "/resource sleep" : id % 3 == 1 ? "/resource anxiety" : "/resource breathing"), chat);
        latencies.add(System.nanoTime() - t);
        t = System.nanoTime();
        ask(slot, text(id, id, "/help"), chat);
        latencies.add(System.nanoTime() - t);
    }

    /**
     * Pushes one update and waits for the first answer after it under any of {@code keys} (a member's {@code /next} in
     * the group is answered in their private chat by the bot, in the group by the bare consumer).
     */
    FakeBotApi.Call ask(int slot, ObjectNode update, String... keys) throws InterruptedException {
        List<LinkedBlockingQueue<FakeBotApi.Call>> queues = new ArrayList<>();
        for (String key : keys) {
            LinkedBlockingQueue<FakeBotApi.Call> queue = replies.computeIfAbsent(key, k -> new LinkedBlockingQueue<>());
            queue.clear();
            queues.add(queue);
        }
        // one bot's update ids keep growing across runs (Bot API, "Update": update_id), so the adapter's log of handled
        // updates, kept in Redis across the runs, never takes a new update for a repeat; numbered and queued at once,
        // so that no update is queued behind a later one the bot has already confirmed
        synchronized (UPDATE_IDS) {
            update.put("update_id", UPDATE_IDS.incrementAndGet());
            if (update.has("message")) {
                ((ObjectNode) update.get("message")).put("message_id", UPDATE_IDS.get());
            }
            fake.push(update);
        }
        long deadline = System.nanoTime() + TelegramBenchmark.REPLY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (LinkedBlockingQueue<FakeBotApi.Call> queue : queues) {
                FakeBotApi.Call reply = queues.size() == 1 ? queue.poll(10, TimeUnit.MILLISECONDS) : queue.poll();
                if (reply != null) {
                    return reply;
                }
            }
            if (queues.size() > 1) {
                Thread.sleep(0, 200_000);
            }
        }
        List<FakeBotApi.Call> calls = fake.calls();
        throw new IllegalStateException("no answer under " + List.of(keys) + " within " + TelegramBenchmark.REPLY_WAIT.toSeconds() + " s to "
                + update + "; the fake's last calls: " + calls.subList(Math.max(0, calls.size() - 8), calls.size()).stream()
                .map(c -> c.method() + (c.rejected() ? " (rejected) " : " ") + c.params()).toList());
    }

    /** The "Okay" mood button of a check-in prompt, or anything for the bare consumer, whose answer has no buttons. */
    private static String moodButton(FakeBotApi.Call prompt) {
        JsonNode rows = prompt.params().path("reply_markup").path("inline_keyboard");
        for (JsonNode row : rows) {
            for (JsonNode button : row) {
                if (button.path("text").asText().toLowerCase(Locale.ROOT).contains("okay")) {
                    return button.path("callback_data").asText();
                }
            }
        }
        return rows.path(0).path(0).path("callback_data").asText("mood:okay");
    }

    // --- updates as Telegram sends them (Bot API, "Update", "Message", "CallbackQuery") ---

    private static ObjectNode person(long id) {
        return FakeBotApi.user(id, "Member " + id, null, false).put("language_code", "en");
    }

    static ObjectNode text(long from, long chatId, String text) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("message_id", 5_000)
                .put("date", (int) (System.currentTimeMillis() / 1000)).put("text", text);
        message.set("from", person(from));
        message.set("chat", FakeBotApi.chat(chatId));
        int end = text.indexOf(' ');
        message.set("entities", JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode()
                .put("type", "bot_command").put("offset", 0).put("length", end < 0 ? text.length() : end)));
        ObjectNode update = JsonNodeFactory.instance.objectNode();
        update.set("message", message);
        return update;
    }

    static ObjectNode press(long from, int messageId, String data) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("message_id", messageId)
                .put("date", (int) (System.currentTimeMillis() / 1000)).put("text", "(the bot's message)");
        message.set("chat", FakeBotApi.chat(from));
        message.set("from", FakeBotApi.user(FakeBotApi.BOT_ID, "Circlekeeper", FakeBotApi.BOT_USERNAME, true));
        ObjectNode query = JsonNodeFactory.instance.objectNode().put("id", "cb" + from + "-" + messageId)
                .put("chat_instance", "ci" + from).put("data", data);
        query.set("from", person(from));
        query.set("message", message);
        ObjectNode update = JsonNodeFactory.instance.objectNode();
        update.set("callback_query", query);
        return update;
    }
}
