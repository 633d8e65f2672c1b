package org.circlekeeper.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * A Bot API server on 127.0.0.1 for tests, spoken to by the real TelegramBots library: it answers
 * {@code getMe}, {@code deleteWebhook}, {@code setWebhook}, {@code setMyCommands}, {@code getUpdates}
 * (held open until an update comes or its timeout passes), {@code sendMessage}, {@code editMessageText},
 * {@code answerCallbackQuery}, {@code answerInlineQuery}, {@code sendPhoto} and {@code sendDocument}
 * (multipart), and {@code getChatAdministrators}. It records every call, can be told to fail the next
 * call of a method (a 429 with {@code retry_after}, say), refuses private chats of people who never
 * started the bot with 403, and can enforce Telegram's send limits, answering 429 when one is exceeded.
 *
 * <p>It refuses what Telegram refuses, with Telegram's codes and descriptions (Bot API, "Making requests": an error is
 * {@code ok:false} with {@code error_code} and {@code description}): text that is not valid HTML or longer than 4,096
 * characters after entity parsing ("sendMessage", "Formatting options"), a button whose {@code callback_data} is over
 * 64 bytes ("InlineKeyboardButton"), a chat that is gone, a group the bot was removed from or may not write in, and a
 * forum topic that is closed or deleted ("sendMessage": {@code message_thread_id}, "Chat": {@code is_forum},
 * "closeForumTopic", "deleteForumTopic"). The descriptions are those the Bot API server sends.
 *
 * <p>The bot's own standing in a group changes as Telegram reports it, with a {@code my_chat_member} update ({@link
 * #botRemoved}, {@link #botAdded}, {@link #botRestricted}), and a person leaving a group is a {@code chat_member} update
 * ({@link #memberLeft}) sent only where the bot is an administrator and only to a bot that named {@code chat_member}
 * in {@code allowed_updates} (Bot API, "Update", "getUpdates", "ChatMemberUpdated", "ChatMember").
 */
public final class FakeBotApi implements AutoCloseable {

    public static final long BOT_ID = 999;
    public static final String BOT_USERNAME = "circlekeeper_test_bot";

    /** One call the fake received. */
    public record Call(String method, JsonNode params, Map<String, byte[]> files, Map<String, String> fileNames, long nanoTime,
                boolean rejected, int messageId) {
        public long chatId() {
            return params.path("chat_id").asLong();
        }

        public String text() {
            return params.has("text") ? params.get("text").asText() : params.path("caption").asText("");
        }
    }

    private record Failure(String method, int code, String description, int retryAfter) {
    }

    /**
     * One of Telegram's send limits as the fake keeps it: at most {@code limit} sends in any window of {@code period}
     * (a sliding window, so no burst is free, not at start nor at a period's edge). A send may arrive early by a twentieth
     * of the even spacing ({@code period / limit}), the jitter between a client's clock and ours; the rate it allows
     * stays within that twentieth of one send per period.
     */
    private static final class Window {
        final int limit;
        final long periodNanos;
        final long slackNanos;
        final Deque<Long> sent = new ArrayDeque<>();

        Window(int limit, Duration period) {
            this.limit = limit;
            this.periodNanos = period.toNanos();
            this.slackNanos = periodNanos / limit / 20;
        }

        /** Forgets sends that left the window by {@code now}; true when one more send fits. */
        boolean admits(long now) {
            while (!sent.isEmpty() && now - sent.peekFirst() >= periodNanos - slackNanos) {
                sent.pollFirst();
            }
            return sent.size() < limit;
        }

        /** Seconds until the oldest send in the window leaves it, rounded up (Telegram says at least 1). */
        int retryAfter(long now) {
            long wait = sent.isEmpty() ? 0 : sent.peekFirst() + periodNanos - slackNanos - now;
            return (int) Math.max(1, Math.ceil(wait / 1e9));
        }
    }

    private static final Set<String> SENDS = Set.of("sendMessage", "sendPhoto", "sendDocument", "editMessageText");

    private final ObjectMapper json = new ObjectMapper();
    private final String token;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Call> calls = new ArrayList<>();
    private final List<Consumer<Call>> listeners = new CopyOnWriteArrayList<>();
    private final Deque<ObjectNode> pendingUpdates = new ArrayDeque<>();
    private final List<Failure> failures = new ArrayList<>();
    private final Set<Long> neverStarted = new HashSet<>();
    private final Map<Long, List<Long>> admins = new HashMap<>();
    private final Map<String, Window> windows = new HashMap<>();
    /** Forum supergroups and their topics: thread id to whether it is open; a deleted topic is removed. */
    private final Map<Long, Map<Integer, Boolean>> forums = new HashMap<>();
    /** Chats whose sends are refused for good, with Telegram's code and description. */
    private final Map<Long, Failure> refusedChats = new HashMap<>();
    /** Basic groups upgraded to supergroups: old id to new id ({@link #upgradeToSupergroup}). */
    private final Map<Long, Long> upgraded = new HashMap<>();
    /** Groups where the bot is an administrator, the only ones whose {@code chat_member} updates it is sent. */
    private final Set<Long> botAdministrator = new HashSet<>();
    /**
     * The update types the bot last asked for (Bot API, "getUpdates": {@code allowed_updates}; not given, the previous
     * setting stays; never set or empty, every type but {@code chat_member}, {@code message_reaction} and {@code
     * message_reaction_count}); null until the bot names any.
     */
    private Set<String> allowedUpdates;
    private boolean enforceLimits;
    private int nextMessageId = 1;
    private int nextUpdateId = 1;
    private int rateLimited;
    private final Map<String, Integer> rateLimitedBy = new TreeMap<>();
    private volatile boolean closed;

    static {
        // the JDK server leaves Nagle's algorithm on unless told: every answer would wait ~40 ms for the client's
        // delayed ACK, and the fake, not the adapter, would set the pace (read once, when the server classes load)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public FakeBotApi(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    public TelegramUrl url() {
        return new TelegramUrl("http", "127.0.0.1", server.getAddress().getPort(), false);
    }

    // --- what tests set up ---

    /** The group's administrators (the first is its creator). */
    public synchronized void admins(long chatId, Long... userIds) {
        admins.put(chatId, List.of(userIds));
    }

    /** These people never opened a private chat with the bot: sends there get 403. */
    public synchronized void neverStarted(long userId) {
        neverStarted.add(userId);
    }

    public synchronized void started(long userId) {
        neverStarted.remove(userId);
    }

    /** The next call of {@code method} fails with this code (a 429 carries retry_after). */
    public synchronized void failNext(String method, int code, String description, int retryAfter) {
        failures.add(new Failure(method, code, description, retryAfter));
    }

    /**
     * The group has topics (Bot API, "Chat": {@code is_forum}); each topic id given is open ("createForumTopic":
     * its {@code message_thread_id}).
     */
    public synchronized void forum(long chatId, Integer... topics) {
        Map<Integer, Boolean> open = forums.computeIfAbsent(chatId, k -> new HashMap<>());
        for (Integer topic : topics) {
            open.put(topic, true);
        }
    }

    /** An administrator closed the topic ("closeForumTopic"): a bot without can_manage_topics gets 400 TOPIC_CLOSED. */
    public synchronized void closeTopic(long chatId, int topic) {
        forums.get(chatId).put(topic, false);
    }

    /** The topic was deleted ("deleteForumTopic"): sends to it get 400 "message thread not found". */
    public synchronized void deleteTopic(long chatId, int topic) {
        forums.get(chatId).remove(topic);
    }

    /** The chat was deleted (or never was): every send gets 400 "chat not found" (Bot API, "Making requests"). */
    public synchronized void chatGone(long chatId) {
        refusedChats.put(chatId, new Failure("*", 400, "Bad Request: chat not found", 0));
    }

    /**
     * The basic group {@code group} is upgraded to the supergroup {@code supergroup} by {@code by}. As Telegram does it:
     * the old group gets a service message whose {@code migrate_to_chat_id} names the new id, the new supergroup one
     * whose {@code migrate_from_chat_id} names the old id (Bot API, "Message"), and from now on every send to the old id
     * is refused with 400 "Bad Request: group chat was upgraded to a supergroup chat" and
     * {@code parameters.migrate_to_chat_id} (Bot API, "ResponseParameters": "The group has been migrated to a
     * supergroup with the specified identifier"). The two service messages are returned as updates, the old group's
     * first, each with its update_id, for the test to deliver in the order and to the replica it wants ({@link #push}
     * for the polling one).
     */
    public synchronized List<ObjectNode> upgradeToSupergroup(long group, long supergroup, ObjectNode by) {
        upgraded.put(group, supergroup);
        ObjectNode inOld = serviceMessage(basicGroupChat(group), by);
        inOld.put("migrate_to_chat_id", supergroup);
        ObjectNode inNew = serviceMessage(chat(supergroup), by);
        inNew.put("migrate_from_chat_id", group);
        List<ObjectNode> updates = new ArrayList<>();
        for (ObjectNode message : List.of(inOld, inNew)) {
            ObjectNode update = JsonNodeFactory.instance.objectNode().put("update_id", nextUpdateId++);
            update.set("message", message);
            updates.add(update);
        }
        return updates;
    }

    /** A service message: an id, a date and who did it, no text (Bot API, "Message"). */
    private ObjectNode serviceMessage(ObjectNode chat, ObjectNode from) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("message_id", nextMessageId++)
                .put("date", (int) (System.currentTimeMillis() / 1000));
        message.set("chat", chat);
        message.set("from", from);
        return message;
    }

    /**
     * The bot was removed from the group: every send gets 403 with the description the Bot API server gives for a
     * supergroup (Bot API, "Making requests"; the removal itself is a {@code my_chat_member} update, "ChatMemberUpdated").
     */
    public synchronized void kicked(long chatId) {
        refusedChats.put(chatId, new Failure("*", 403, "Forbidden: bot was kicked from the supergroup chat", 0));
    }

    /**
     * The group took the bot's right to send messages (Bot API, "restrictChatMember", "ChatPermissions":
     * can_send_messages): every send gets 400 "not enough rights to send text messages to the chat".
     */
    public synchronized void mutedBot(long chatId) {
        refusedChats.put(chatId, new Failure("*", 400, "Bad Request: not enough rights to send text messages to the chat", 0));
    }

    /**
     * Someone removed the bot from the group ({@code kicked}) or it was made to leave ({@code left}): every send gets 403
     * as in {@link #kicked}, and the bot is sent a {@code my_chat_member} update (Bot API, "Update": "The bot's chat member
     * status was updated in a chat"; "ChatMemberUpdated", "ChatMemberBanned", "ChatMemberLeft"). Returns its update_id.
     */
    public synchronized int botRemoved(long chatId, ObjectNode by, boolean kicked) {
        ObjectNode old = standing(botAdministrator.contains(chatId) ? "administrator" : "member", bot());
        botAdministrator.remove(chatId);
        refusedChats.put(chatId, new Failure("*", 403, kicked ? "Forbidden: bot was kicked from the supergroup chat"
                : "Forbidden: bot is not a member of the supergroup chat", 0));
        ObjectNode now = standing(kicked ? "kicked" : "left", bot());
        if (kicked) {
            now.put("until_date", 0);
        }
        return push(chatMemberUpdate("my_chat_member", chatId, by, old, now));
    }

    /**
     * The bot added to the group (again), as a plain member or as an administrator: its sends go through, and it is sent
     * a {@code my_chat_member} update ("ChatMemberMember", "ChatMemberAdministrator"). Returns its update_id.
     */
    public synchronized int botAdded(long chatId, ObjectNode by, boolean administrator) {
        Failure refused = refusedChats.get(chatId);
        ObjectNode old = refused != null && refused.code() == 403 ? standing("left", bot())
                : standing(botAdministrator.contains(chatId) ? "administrator" : "member", bot());
        refusedChats.remove(chatId);
        ObjectNode now;
        if (administrator) {
            botAdministrator.add(chatId);
            now = administratorStanding(bot());
        } else {
            botAdministrator.remove(chatId);
            now = standing("member", bot());
        }
        return push(chatMemberUpdate("my_chat_member", chatId, by, old, now));
    }

    /**
     * An administrator restricted the bot so that it cannot send ("restrictChatMember", "ChatPermissions":
     * {@code can_send_messages} false): it stays a member ({@code is_member} true), every send gets 400 as in {@link
     * #mutedBot}, and it is sent a {@code my_chat_member} update ("ChatMemberRestricted"). Returns its update_id.
     */
    public synchronized int botRestricted(long chatId, ObjectNode by) {
        ObjectNode old = standing(botAdministrator.contains(chatId) ? "administrator" : "member", bot());
        botAdministrator.remove(chatId);
        mutedBot(chatId);
        ObjectNode now = standing("restricted", bot()).put("is_member", true);
        for (String right : List.of("can_send_messages", "can_send_audios", "can_send_documents", "can_send_photos",
                "can_send_videos", "can_send_video_notes", "can_send_voice_notes", "can_send_polls", "can_send_other_messages",
                "can_add_web_page_previews", "can_change_info", "can_invite_users", "can_pin_messages", "can_manage_topics")) {
            now.put(right, false);
        }
        now.put("until_date", 0);
        return push(chatMemberUpdate("my_chat_member", chatId, by, old, now));
    }

    /**
     * A person left the group ({@code by} null: they left themselves) or was removed from it by {@code by}. Telegram tells
     * the bot only when it is an administrator there, with a {@code chat_member} update (Bot API, "Update": "The bot must
     * be an administrator in the chat and must explicitly specify chat_member in the list of allowed_updates to receive
     * these updates"); elsewhere nothing is sent. Returns the update_id, or -1 when no update was sent.
     */
    public synchronized int memberLeft(long chatId, ObjectNode person, ObjectNode by) {
        if (!botAdministrator.contains(chatId)) {
            return -1;
        }
        ObjectNode now = standing(by == null ? "left" : "kicked", person);
        if (by != null) {
            now.put("until_date", 0);
        }
        return push(chatMemberUpdate("chat_member", chatId, by == null ? person : by, standing("member", person), now));
    }

    private static ObjectNode bot() {
        return user(BOT_ID, "Circlekeeper", BOT_USERNAME, true);
    }

    /** A ChatMember of the given status (Bot API, "ChatMember"): its {@code status} and {@code user}. */
    private static ObjectNode standing(String status, ObjectNode user) {
        ObjectNode member = JsonNodeFactory.instance.objectNode().put("status", status);
        member.set("user", user);
        return member;
    }

    /** "ChatMemberAdministrator" with the rights README asks for: none beyond the required ones. */
    private static ObjectNode administratorStanding(ObjectNode user) {
        return standing("administrator", user).put("can_be_edited", false).put("is_anonymous", false)
                .put("can_manage_chat", true).put("can_delete_messages", false).put("can_manage_video_chats", false)
                .put("can_restrict_members", false).put("can_promote_members", false).put("can_change_info", false)
                .put("can_invite_users", false).put("can_post_stories", false).put("can_edit_stories", false)
                .put("can_delete_stories", false);
    }

    /** An update carrying a "ChatMemberUpdated": {@code chat}, {@code from}, {@code date}, the old and new standing. */
    private static ObjectNode chatMemberUpdate(String field, long chatId, ObjectNode from, ObjectNode old, ObjectNode now) {
        ObjectNode change = JsonNodeFactory.instance.objectNode();
        change.set("chat", chat(chatId));
        change.set("from", from);
        change.put("date", (int) (System.currentTimeMillis() / 1000));
        change.set("old_chat_member", old);
        change.set("new_chat_member", now);
        ObjectNode update = JsonNodeFactory.instance.objectNode();
        update.set(field, change);
        return update;
    }

    /**
     * Answers 429 whenever a send exceeds 30 in any second overall, 1 in any second per chat, 20 in any minute per group
     * (Bot API FAQ, "My bot is hitting limits, how do I avoid this?"), counted over sliding windows from the first send.
     */
    public synchronized void enforceLimits() {
        enforceLimits = true;
    }

    /** Queues an update (its update_id is assigned here unless it has one) for getUpdates; returns its id. */
    public synchronized int push(ObjectNode update) {
        if (!update.has("update_id")) {
            update.put("update_id", nextUpdateId++);
        }
        pendingUpdates.add(update);
        notifyAll();
        return update.get("update_id").asInt();
    }

    public synchronized int nextUpdateId() {
        return nextUpdateId++;
    }

    // --- what tests read ---

    /**
     * Calls {@code listener} with every answered call but {@code getUpdates}, as it is recorded (on the server's thread,
     * holding the fake's lock: it must be quick), so that a benchmark can follow replies without scanning {@link #calls()}.
     */
    public void listen(Consumer<Call> listener) {
        listeners.add(listener);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The accepted sends (messages, files, edits) to one chat. */
    public synchronized List<Call> sentTo(long chatId) {
        return calls.stream().filter(c -> SENDS.contains(c.method()) && !c.rejected() && c.chatId() == chatId).toList();
    }

    public synchronized int rateLimited() {
        return rateLimited;
    }

    /** The sends refused for being over a limit, by limit ({@code global}, {@code chat}, {@code group}). */
    public synchronized Map<String, Integer> rateLimitedBy() {
        return Map.copyOf(rateLimitedBy);
    }

    /** Waits until a call matches, failing after the timeout. */
    public Call await(Predicate<Call> wanted, Duration timeout, String what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                for (Call call : calls) {
                    if (wanted.test(call)) {
                        return call;
                    }
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the fake Bot API never received " + what + "; it received: " + summary());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    public synchronized String summary() {
        StringBuilder out = new StringBuilder();
        for (Call call : calls) {
            out.append("\n  ").append(call.method()).append(call.rejected() ? " (rejected) " : " ").append(call.params());
        }
        return out.toString();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    // --- the server ---

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + token + "/";
            if (!path.startsWith(prefix)) {
                respond(exchange, 401, error(401, "Unauthorized", 0));
                return;
            }
            // the library writes method names in lower case (getme); Telegram takes any case
            String method = canonical(path.substring(prefix.length()));
            byte[] body = exchange.getRequestBody().readAllBytes();
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            ObjectNode params = JsonNodeFactory.instance.objectNode();
            Map<String, byte[]> files = new LinkedHashMap<>();
            Map<String, String> fileNames = new LinkedHashMap<>();
            if (contentType != null && contentType.startsWith("multipart/form-data")) {
                parseMultipart(body, contentType, params, files, fileNames);
            } else if (body.length > 0) {
                params = (ObjectNode) json.readTree(body);
            }
            if (method.equals("getUpdates")) {
                respond(exchange, 200, ok(getUpdates(params)));
                return;
            }
            ObjectNode answer = answer(method, params, files, fileNames);
            respond(exchange, answer.path("ok").asBoolean() ? 200 : answer.path("error_code").asInt(500), answer);
        }
    }

    private synchronized ObjectNode answer(String method, ObjectNode params, Map<String, byte[]> files, Map<String, String> fileNames) {
        long now = System.nanoTime();
        ObjectNode refusal = refusal(method, params, now);
        ObjectNode answer = refusal != null ? refusal : result(method, params, fileNames);
        Call call = new Call(method, params, files, fileNames, now, refusal != null,
                answer.path("result").path("message_id").asInt(0));
        calls.add(call);
        listeners.forEach(listener -> listener.accept(call));
        notifyAll();
        return answer;
    }

    private ObjectNode result(String method, ObjectNode params, Map<String, String> fileNames) {
        return switch (method) {
            case "getMe" -> ok(user(BOT_ID, "Circlekeeper", BOT_USERNAME, true));
            case "deleteWebhook", "setWebhook", "setMyCommands", "answerCallbackQuery", "answerInlineQuery" ->
                    ok(JsonNodeFactory.instance.booleanNode(true));
            case "sendMessage" -> {
                ObjectNode sent = message(params.path("chat_id").asLong(), params.path("text").asText());
                inTopic(sent, params);
                yield ok(sent);
            }
            case "editMessageText" -> {
                ObjectNode edited = message(params.path("chat_id").asLong(), params.path("text").asText());
                edited.put("message_id", params.path("message_id").asInt());
                yield ok(edited);
            }
            case "sendPhoto", "sendDocument" -> {
                ObjectNode sent = message(params.path("chat_id").asLong(), null);
                inTopic(sent, params);
                if (params.has("caption")) {
                    sent.put("caption", params.get("caption").asText());
                }
                String field = method.equals("sendPhoto") ? "photo" : "document";
                ObjectNode file = JsonNodeFactory.instance.objectNode().put("file_id", "f" + sent.get("message_id").asInt())
                        .put("file_unique_id", "u" + sent.get("message_id").asInt());
                if (field.equals("document")) {
                    file.put("file_name", fileNames.getOrDefault("document", "file"));
                    sent.set("document", file);
                } else {
                    file.put("width", 100).put("height", 100);
                    sent.set("photo", JsonNodeFactory.instance.arrayNode().add(file));
                }
                yield ok(sent);
            }
            case "getChatAdministrators" -> {
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                List<Long> ids = admins.getOrDefault(params.path("chat_id").asLong(), List.of());
                for (int i = 0; i < ids.size(); i++) {
                    ObjectNode member = JsonNodeFactory.instance.objectNode();
                    member.put("status", i == 0 ? "creator" : "administrator");
                    member.set("user", user(ids.get(i), "Admin" + i, null, false));
                    member.put("is_anonymous", false);
                    if (i > 0) {
                        member.put("can_be_edited", false).put("can_manage_chat", true).put("can_delete_messages", true)
                                .put("can_manage_video_chats", false).put("can_restrict_members", true)
                                .put("can_promote_members", false).put("can_change_info", true).put("can_invite_users", true)
                                .put("can_post_stories", false).put("can_edit_stories", false).put("can_delete_stories", false);
                    }
                    list.add(member);
                }
                if (botAdministrator.contains(params.path("chat_id").asLong())) {
                    list.add(administratorStanding(bot()));
                }
                yield ok(list);
            }
            default -> error(404, "Not Found: method " + method + " is not faked", 0);
        };
    }

    /** A scripted failure, a private chat never started, or a send over the limits; null when the call goes through. */
    private ObjectNode refusal(String method, ObjectNode params, long now) {
        for (int i = 0; i < failures.size(); i++) {
            Failure failure = failures.get(i);
            if (failure.method().equals(method)) {
                failures.remove(i);
                if (failure.code() == 429) {
                    rateLimited++;
                }
                return error(failure.code(), failure.description(), failure.retryAfter());
            }
        }
        long chatId = params.path("chat_id").asLong();
        if (SENDS.contains(method) && chatId > 0 && neverStarted.contains(chatId)) {
            return error(403, "Forbidden: bot can't initiate conversation with a user", 0);
        }
        if (SENDS.contains(method) && upgraded.containsKey(chatId)) {
            // Bot API, "ResponseParameters": migrate_to_chat_id, the supergroup the group became
            ObjectNode error = error(400, "Bad Request: group chat was upgraded to a supergroup chat", 0);
            error.set("parameters", JsonNodeFactory.instance.objectNode().put("migrate_to_chat_id", upgraded.get(chatId)));
            return error;
        }
        if (SENDS.contains(method) && refusedChats.containsKey(chatId)) {
            Failure refused = refusedChats.get(chatId);
            return error(refused.code(), refused.description(), 0);
        }
        if (SENDS.contains(method) && !method.equals("editMessageText") && params.has("message_thread_id")) {
            ObjectNode gone = threadRefusal(chatId, params.path("message_thread_id").asInt());
            if (gone != null) {
                return gone;
            }
        }
        ObjectNode invalid = SENDS.contains(method) ? invalidContent(method, params) : null;
        if (invalid != null) {
            return invalid;
        }
        if (enforceLimits && SENDS.contains(method)) {
            // Bot API FAQ, "My bot is hitting limits, how do I avoid this?": no more than one message per second in a
            // chat, no more than 20 messages per minute in a group, about 30 messages per second for bulk notifications
            List<Window> applying = new ArrayList<>();
            applying.add(windows.computeIfAbsent("global", k -> new Window(30, Duration.ofSeconds(1))));
            applying.add(windows.computeIfAbsent("chat:" + chatId, k -> new Window(1, Duration.ofSeconds(1))));
            if (chatId < 0) {
                applying.add(windows.computeIfAbsent("group:" + chatId, k -> new Window(20, Duration.ofMinutes(1))));
            }
            for (Window window : applying) {
                if (!window.admits(now)) {
                    rateLimited++;
                    String which = applying.indexOf(window) == 0 ? "global" : applying.indexOf(window) == 1 ? "chat" : "group";
                    rateLimitedBy.merge(which, 1, Integer::sum);
                    return error(429, "Too Many Requests: retry after " + window.retryAfter(now), window.retryAfter(now));
                }
            }
            applying.forEach(window -> window.sent.addLast(now));
        }
        return null;
    }

    /**
     * A send into a topic: General (thread 1) and topics that do not exist are "message thread not found", as is any
     * thread of a chat without topics; a closed topic is TOPIC_CLOSED (Bot API, "closeForumTopic": only administrators
     * with can_manage_topics may still post, which this bot is not given).
     */
    private ObjectNode threadRefusal(long chatId, int thread) {
        Map<Integer, Boolean> topics = forums.get(chatId);
        if (topics == null || !topics.containsKey(thread)) {
            return error(400, "Bad Request: message thread not found", 0);
        }
        if (!topics.get(thread)) {
            return error(400, "Bad Request: TOPIC_CLOSED", 0);
        }
        return null;
    }

    /** The sent message as Telegram returns it in a topic: its thread and {@code is_topic_message} (Bot API, "Message"). */
    private void inTopic(ObjectNode sent, ObjectNode params) {
        long chatId = params.path("chat_id").asLong();
        if (forums.containsKey(chatId)) {
            ((ObjectNode) sent.get("chat")).put("is_forum", true);
        }
        if (params.has("message_thread_id")) {
            sent.put("message_thread_id", params.path("message_thread_id").asInt()).put("is_topic_message", true);
        }
    }

    /**
     * What Telegram refuses in a message itself: HTML it cannot parse, text over 4,096 characters after entity parsing
     * (a caption over 1,024), an empty text, and {@code callback_data} over 64 bytes.
     */
    private static ObjectNode invalidContent(String method, ObjectNode params) {
        for (JsonNode row : params.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.has("callback_data") && button.get("callback_data").asText().getBytes(StandardCharsets.UTF_8).length > 64) {
                    return error(400, "Bad Request: BUTTON_DATA_INVALID", 0);
                }
            }
        }
        boolean caption = !params.has("text");
        String field = caption ? "caption" : "text";
        if (!params.has(field)) {
            return method.equals("sendMessage") || method.equals("editMessageText")
                    ? error(400, "Bad Request: message text is empty", 0) : null;
        }
        String html = params.get(field).asText();
        if (!"HTML".equals(params.path("parse_mode").asText())) {
            return null;
        }
        int visible;
        try {
            visible = TelegramHtmlParser.visibleLength(html);
        } catch (IllegalArgumentException e) {
            return error(400, "Bad Request: can't parse entities: " + e.getMessage(), 0);
        }
        if (!caption && visible == 0) {
            return error(400, "Bad Request: message text is empty", 0);
        }
        if (visible > (caption ? 1_024 : 4_096)) {
            return error(400, caption ? "Bad Request: message caption is too long" : "Bad Request: message is too long", 0);
        }
        return null;
    }

    private synchronized ArrayNode getUpdates(ObjectNode params) {
        long offset = params.path("offset").asLong(0);
        int timeout = params.path("timeout").asInt(0);
        long end = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
        calls.add(new Call("getUpdates", params, Map.of(), Map.of(), System.nanoTime(), false, 0));
        if (params.has("allowed_updates")) {
            allowedUpdates = updateTypes(params.get("allowed_updates"));
        }
        notifyAll();
        while (true) {
            pendingUpdates.removeIf(u -> u.get("update_id").asLong() < offset);
            // an update of a type the bot did not ask for is never sent (chat_member must be named explicitly)
            pendingUpdates.removeIf(u -> u.has("chat_member") && (allowedUpdates == null || !allowedUpdates.contains("chat_member")));
            if (!pendingUpdates.isEmpty() || closed) {
                // Bot API, "getUpdates": limit, "Limits the number of updates to be retrieved. Values between 1-100 are
                // accepted. Defaults to 100."
                int limit = Math.max(1, Math.min(100, params.path("limit").asInt(100)));
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                pendingUpdates.stream().limit(limit).forEach(out::add);
                return out;
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return JsonNodeFactory.instance.arrayNode();
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return JsonNodeFactory.instance.arrayNode();
            }
        }
    }

    /** {@code allowed_updates}: a JSON array, sent as one or as its JSON text. */
    private Set<String> updateTypes(JsonNode given) {
        JsonNode list = given;
        if (given.isTextual()) {
            try {
                list = json.readTree(given.asText());
            } catch (IOException e) {
                throw new IllegalArgumentException("allowed_updates is not a JSON array: " + given.asText(), e);
            }
        }
        Set<String> types = new HashSet<>();
        list.forEach(type -> types.add(type.asText()));
        return types;
    }

    private static final List<String> METHODS = List.of("getMe", "getUpdates", "deleteWebhook", "setWebhook", "setMyCommands",
            "sendMessage", "editMessageText", "answerCallbackQuery", "answerInlineQuery", "sendPhoto", "sendDocument",
            "getChatAdministrators");

    private static String canonical(String method) {
        return METHODS.stream().filter(m -> m.equalsIgnoreCase(method)).findFirst().orElse(method);
    }

    // --- JSON ---

    public static ObjectNode user(long id, String firstName, String username, boolean bot) {
        ObjectNode user = JsonNodeFactory.instance.objectNode().put("id", id).put("is_bot", bot).put("first_name", firstName);
        if (username != null) {
            user.put("username", username);
        }
        return user;
    }

    /** A forum supergroup (Bot API, "Chat": {@code is_forum}). */
    public static ObjectNode forumChat(long id) {
        return chat(id).put("is_forum", true);
    }

    /** A basic group (Bot API, "Chat": type {@code group}), the kind that is upgraded to a supergroup. */
    public static ObjectNode basicGroupChat(long id) {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("type", "group").put("title", "Circle");
    }

    public static ObjectNode chat(long id) {
        ObjectNode chat = JsonNodeFactory.instance.objectNode().put("id", id).put("type", id < 0 ? "supergroup" : "private");
        if (id < 0) {
            chat.put("title", "Circle");
        } else {
            chat.put("first_name", "Someone");
        }
        return chat;
    }

    private ObjectNode message(long chatId, String text) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("message_id", nextMessageId++)
                .put("date", (int) (System.currentTimeMillis() / 1000));
        message.set("chat", chat(chatId));
        message.set("from", user(BOT_ID, "Circlekeeper", BOT_USERNAME, true));
        if (text != null) {
            message.put("text", text);
        }
        return message;
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("ok", true);
        answer.set("result", result);
        return answer;
    }

    private static ObjectNode error(int code, String description, int retryAfter) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("ok", false).put("error_code", code).put("description", description);
        if (retryAfter > 0) {
            answer.set("parameters", JsonNodeFactory.instance.objectNode().put("retry_after", retryAfter));
        }
        return answer;
    }

    private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Just enough multipart/form-data for the library's uploads: text fields and files by field name. */
    private static void parseMultipart(byte[] body, String contentType, ObjectNode params, Map<String, byte[]> files,
                                       Map<String, String> fileNames) throws IOException {
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "").strip();
        byte[] marker = boundary.getBytes(StandardCharsets.ISO_8859_1);
        int position = indexOf(body, marker, 0);
        while (position >= 0) {
            int headersStart = position + marker.length + 2;
            if (headersStart > body.length || body[position + marker.length] == '-') {
                break;
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            int next = indexOf(body, marker, headersEnd);
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next - 2);
            String name = attribute(headers, "name");
            String fileName = attribute(headers, "filename");
            if (fileName != null) {
                files.put(name, content);
                fileNames.put(name, fileName);
            } else if (name != null) {
                String value = new String(content, StandardCharsets.UTF_8);
                if (value.startsWith("{") || value.startsWith("[")) {
                    params.set(name, new ObjectMapper().readTree(value));
                } else {
                    params.put(name, value);
                }
            }
            position = next;
        }
        // the library uploads a file as its own part and names it in the field: document=attach://<part>
        params.fields().forEachRemaining(field -> {
            String value = field.getValue().asText();
            if (value.startsWith("attach://") && files.containsKey(value.substring(9))) {
                files.put(field.getKey(), files.get(value.substring(9)));
                fileNames.put(field.getKey(), fileNames.get(value.substring(9)));
            }
        });
    }

    private static String attribute(String headers, String attribute) {
        String key = "; " + attribute + "=\"";
        int at = headers.indexOf(key);
        if (at < 0) {
            return null;
        }
        int start = at + key.length();
        return headers.substring(start, headers.indexOf('"', start));
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
