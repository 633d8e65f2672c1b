package org.circlekeeper.discord;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.zip.Deflater;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake Discord on 127.0.0.1 for the real JDA: the REST API on a JDK HttpServer and the gateway on
 * Java-WebSocket (zlib-stream compressed when JDA asks, as it does by default). It sends READY and
 * one GUILD_CREATE, dispatches the events a test gives it, answers every request JDA makes here and
 * records them so tests can check the payloads. It keeps the server's scheduled events as Discord does
 * (create, read, change, delete), so a test can also delete one as a member would.
 */
public final class FakeDiscord implements AutoCloseable {

    public static final String TOKEN = "fake-bot-token.for-tests-only";
    public static final String APP = "200000000000000002";
    public static final String GUILD = "100000000000000001";
    public static final String CHANNEL = "300000000000000003";
    /** A voice channel of the server, named "Circle room". */
    public static final String VOICE = "300000000000000013";
    static final String ORGANISER_ROLE = "400000000000000004";
    static final String HOST_ROLE = "400000000000000005";
    static final String DM_CLOSED_USER = "500000000000000666";
    /** The bot's own role in every server. */
    static final String BOT_ROLE = "400000000000000009";
    /** CREATE_PUBLIC_THREADS (bit 35). */
    static final long CREATE_PUBLIC_THREADS = 1L << 35;
    /**
     * VIEW_CHANNEL, SEND_MESSAGES, EMBED_LINKS, ATTACH_FILES, READ_MESSAGE_HISTORY, SEND_MESSAGES_IN_THREADS,
     * CREATE_EVENTS (bit 44) and CREATE_PUBLIC_THREADS (bit 35).
     */
    static final long BOT_PERMISSIONS = 274878024704L | 1L << 44 | CREATE_PUBLIC_THREADS;

    /** One REST request JDA made: method, path without the API prefix or query, and the JSON payload. */
    public record Request(String method, String path, JsonNode body, String raw) {
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // the JDK's HttpServer writes a response's headers and body as two segments; with Nagle's algorithm on, the
        // body waits for the client's delayed ACK (about 40 ms on Linux), which Discord's servers never add
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer http;
    private final Gateway gateway;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Double> rateLimits = new ConcurrentHashMap<>();
    private final Set<String> closedDmChannels = ConcurrentHashMap.newKeySet();
    private final Map<String, ObjectNode> scheduledEvents = new ConcurrentHashMap<>();
    /** The servers' members a test made known, by {@code guildId/userId}: their role ids. */
    private final Map<String, List<String>> memberRoles = new ConcurrentHashMap<>();
    private final FakeRateLimits limits = new FakeRateLimits();
    private final List<Request> created = new CopyOnWriteArrayList<>();
    private final List<String> guilds;
    private final Map<String, Refusal> refusedChannels = new ConcurrentHashMap<>();
    /** Channels and threads made after the start (gateway CHANNEL_CREATE / THREAD_CREATE, or opened through REST), by id. */
    private final Map<String, ObjectNode> channels = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(900000000000000000L);
    private final List<Map<String, Object>> voiceAtStart = new CopyOnWriteArrayList<>();
    private final CountDownLatch identified = new CountDownLatch(1);
    private volatile JsonNode identify;

    /** A Discord with one server, {@link #GUILD}. */
    public FakeDiscord() throws Exception {
        this(List.of());
    }

    /**
     * A Discord with {@link #GUILD} and more servers, each with one text channel ({@link #textChannelOf}). Each server
     * is sent only to the shard that carries it: {@code (guild_id >> 22) % num_shards} (Topics, Gateway, "Sharding").
     */
    public FakeDiscord(List<String> moreGuilds) throws Exception {
        List<String> all = new ArrayList<>();
        all.add(GUILD);
        all.addAll(moreGuilds);
        guilds = List.copyOf(all);
        gateway = new Gateway();
        gateway.setReuseAddr(true);
        gateway.start();
        if (!gateway.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the fake gateway did not start");
        }
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::rest);
        http.start();
    }

    public String restBase() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    /** The IDENTIFY payload JDA sent, once it did. */
    public JsonNode awaitIdentify() throws InterruptedException {
        if (!identified.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("JDA never identified on the fake gateway");
        }
        return identify;
    }

    /** Sends a gateway event (op 0) to JDA. */
    void dispatch(String type, Object data) {
        JsonNode event = JSON.valueToTree(data);
        if (type.equals("CHANNEL_CREATE") || type.equals("THREAD_CREATE") || type.equals("THREAD_UPDATE")) {
            channels.put(event.path("id").asString(), (ObjectNode) event.deepCopy());
        }
        if (type.equals("CHANNEL_DELETE") || type.equals("THREAD_DELETE")) {
            channels.remove(event.path("id").asString());
            // a deleted channel is gone for REST too: a message sent there by id is refused with 404, JSON error
            // 10003 "Unknown Channel" (Topics, Opcodes and Status Codes: "JSON Error Codes")
            refuseMessagesIn(event.path("id").asString(), UNKNOWN_CHANNEL);
        }
        gateway.send(type, event);
    }

    /**
     * A member already in a voice channel of {@link #GUILD} when the bot connects: the GUILD_CREATE carries their voice
     * state and them among its members. Call it before the bot connects.
     */
    public void inVoiceAtStart(String userId, String name, String channelId) {
        voiceAtStart.add(voiceState(userId, name, channelId));
    }

    String nextId() {
        return Long.toString(ids.incrementAndGet());
    }

    /** Waits for the first request matching, among all made so far and those to come. */
    public Request await(String method, String pathRegex, Duration timeout) throws InterruptedException {
        return await(r -> r.method().equals(method) && r.path().matches(pathRegex), timeout,
                method + " " + pathRegex);
    }

    public Request await(Predicate<Request> wanted, Duration timeout, String what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Request request : requests) {
                if (wanted.test(request)) {
                    return request;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no request " + what + " within " + timeout + "; seen: "
                + requests.stream().map(r -> r.method() + " " + r.path()).toList());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    void forget() {
        requests.clear();
    }

    /** Every message Discord accepted into a channel ({@code POST /channels/{id}/messages} answered 200), in order. */
    public List<Request> createdMessages() {
        return List.copyOf(created);
    }

    /** Discord's rate limits as this fake keeps them: what they let through and what they refused. */
    FakeRateLimits limits() {
        return limits;
    }

    /** The one text channel of a server given to the constructor besides {@link #GUILD}: the guild id plus one. */
    public static String textChannelOf(String guild) {
        return guild.equals(GUILD) ? CHANNEL : Long.toString(Long.parseLong(guild) + 1);
    }

    /** The shard that carries a server, of {@code shards} in all (Topics, Gateway, "Sharding": the sharding formula). */
    public static int shardOf(String guild, int shards) {
        return (int) ((Long.parseLong(guild) >> 22) % shards);
    }

    /** The server's scheduled events now, by id, as Discord would return them. */
    public Map<String, JsonNode> scheduledEvents() {
        return Map.copyOf(scheduledEvents);
    }

    /** Someone deleted a scheduled event in Discord itself. */
    void deleteScheduledEvent(String id) {
        scheduledEvents.remove(id);
    }

    @Override
    public void close() throws Exception {
        http.stop(0);
        gateway.stop(1000);
    }

    private void rest(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = URI.create(exchange.getRequestURI().toString()).getPath().replaceFirst("^/api/v10", "");
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode body = payload(raw, exchange.getRequestHeaders().getFirst("Content-Type"));
        requests.add(new Request(method, path, body, raw));
        if (!("Bot " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, Map.of("code", 0, "message", "401: Unauthorized"));
            return;
        }
        String[] p = path.split("/");
        String limited = rateLimits.keySet().stream().filter(path::matches).findFirst().orElse(null);
        Double retryAfter = limited == null ? null : rateLimits.remove(limited);
        if (retryAfter != null) {
            rateLimited(exchange, retryAfter);
            return;
        }
        FakeRateLimits.Verdict verdict = limits.admit(method, path, exchange.getResponseHeaders());
        if (verdict.refused()) {
            respond(exchange, 429, verdict.body());
            return;
        }
        if (method.equals("GET") && path.equals("/users/@me")) {
            respond(exchange, 200, user(APP, "circlekeeper", true));
        } else if (method.equals("GET") && path.equals("/gateway/bot")) {
            respond(exchange, 200, Map.of("url", "ws://127.0.0.1:" + gateway.getPort(), "shards", 1,
                    "session_start_limit", Map.of("total", 1000, "remaining", 999, "reset_after", 0, "max_concurrency", 1)));
        } else if (method.equals("PUT") && path.matches("/applications/\\d+(/guilds/\\d+)?/commands")) {
            respond(exchange, 200, List.of());
        } else if (method.equals("POST") && path.matches("/interactions/\\d+/[^/]+/callback")) {
            respond(exchange, 204, null);
        } else if (method.equals("POST") && path.matches("/webhooks/\\d+/[^/]+")) {
            respond(exchange, 200, message(nextId(), CHANNEL, body));
        } else if (method.equals("PATCH") && path.matches("/webhooks/\\d+/[^/]+/messages/[^/]+")) {
            respond(exchange, 200, message(p[5].equals("@original") ? nextId() : p[5], CHANNEL, body));
        } else if (method.equals("POST") && path.equals("/users/@me/channels")) {
            String recipient = body.path("recipient_id").asString();
            String channel = "7" + recipient.substring(1);
            if (recipient.equals(DM_CLOSED_USER)) {
                closedDmChannels.add(channel);
            }
            respond(exchange, 200, Map.of("id", channel, "type", 1, "last_message_id", "0",
                    "recipients", List.of(user(recipient, "member", false))));
        } else if (method.equals("POST") && path.matches("/channels/\\d+/messages")) {
            Refusal refused = refusedChannels.get(p[2]);
            if (refused != null) {
                respond(exchange, refused.status(), Map.of("code", refused.code(), "message", refused.message()));
            } else if (closedDmChannels.contains(p[2])) {
                respond(exchange, 403, Map.of("code", 50007, "message", "Cannot send messages to this user"));
            } else if (archivedAndLocked(p[2])) {
                // Topics, Threads ("Active & Archived Threads"): "Sending a message will automatically unarchive the
                // thread, unless the thread has been locked by a moderator", and a locked thread is unarchived only by
                // someone with MANAGE_THREADS, which the bot has not: the send is refused with JSON error 50083
                // "Operation cannot be performed on an archived thread" (Topics, Opcodes and Status Codes: "JSON Error
                // Codes"), as a request Discord will not carry out, 400 ("HTTP Response Codes")
                respond(exchange, 400, Map.of("code", 50083, "message", "Operation cannot be performed on an archived thread"));
            } else {
                unarchiveBySending(p[2]);
                created.add(new Request(method, path, body, raw));
                respond(exchange, 200, message(nextId(), p[2], body));
            }
        } else if (method.equals("PATCH") && path.matches("/channels/\\d+/messages/\\d+")) {
            respond(exchange, 200, message(p[4], p[2], body));
        } else if (method.equals("GET") && path.matches("/guilds/\\d+/members/\\d+")) {
            guildMember(exchange, p[2], p[4]);
        } else if (method.equals("GET") && path.matches("/guilds/\\d+(/channels)?")) {
            guild(exchange, p[2], p.length > 3);
        } else if (method.equals("POST") && path.matches("/channels/\\d+/threads")) {
            startThread(exchange, p[2], body);
        } else if (method.equals("GET") && path.matches("/channels/\\d+")) {
            ObjectNode channel = channels.get(p[2]);
            if (channel == null) {
                respond(exchange, 404, Map.of("code", 10003, "message", "Unknown Channel"));
            } else {
                respond(exchange, 200, channel);
            }
        } else if (method.equals("PATCH") && path.matches("/channels/\\d+")) {
            modifyThread(exchange, p[2], body);
        } else if (path.matches("/guilds/" + GUILD + "/scheduled-events(/\\d+)?")) {
            scheduledEvent(exchange, method, p.length > 4 ? p[4] : null, body);
        } else if (method.equals("DELETE")) {
            respond(exchange, 204, null);
        } else {
            respond(exchange, 404, Map.of("code", 0, "message", "404: Not Found"));
        }
    }

    /** {@code POST /guilds/{id}/scheduled-events} and {@code GET/PATCH/DELETE /guilds/{id}/scheduled-events/{id}}. */
    /**
     * "Start Thread without Message" (API reference, Resources, Channel): {@code type} defaults to 12 PRIVATE_THREAD;
     * creating one needs the parent's Create Public (or Private) Threads permission (Topics, Threads: "Permissions"),
     * else 403 with JSON error 50013. The thread's creator is its {@code owner_id}. Answered 201 with the channel, and a
     * THREAD_CREATE is sent on the gateway.
     */
    private void startThread(HttpExchange exchange, String parentId, JsonNode body) throws IOException {
        ObjectNode parent = channels.get(parentId);
        if (parent == null && !parentId.equals(CHANNEL)) {
            respond(exchange, 404, Map.of("code", 10003, "message", "Unknown Channel"));
            return;
        }
        int type = body.path("type").asInt(12);
        long needed = type == 12 ? 1L << 36 : CREATE_PUBLIC_THREADS;
        if ((botPermissionsIn(parent) & needed) == 0) {
            respond(exchange, 403, Map.of("code", 50013, "message", "Missing Permissions"));
            return;
        }
        Map<String, Object> thread = new HashMap<>(thread(nextId(), parentId, body.path("name").asString()));
        thread.put("type", type);
        thread.put("owner_id", APP);
        thread.put("thread_metadata", Map.of("archived", false, "auto_archive_duration", body.path("auto_archive_duration").asInt(4320),
                "archive_timestamp", "2026-11-27T09:00:00.000000+00:00", "locked", false));
        ObjectNode created = (ObjectNode) JSON.valueToTree(thread);
        channels.put(created.path("id").asString(), created);
        respond(exchange, 201, created);
        gateway.send("THREAD_CREATE", created);
    }

    /**
     * "Modify Channel" for a thread: changing {@code archived} needs Manage Threads, or being the thread's creator
     * (Topics, Threads: "Editing &amp; Deleting Threads"); the bot has no Manage Threads, so only threads it opened.
     * Answered with the thread, and a THREAD_UPDATE is sent on the gateway.
     */
    private void modifyThread(HttpExchange exchange, String id, JsonNode body) throws IOException {
        ObjectNode thread = channels.get(id);
        if (thread == null || !thread.has("thread_metadata")) {
            respond(exchange, thread == null ? 404 : 400, thread == null ? Map.of("code", 10003, "message", "Unknown Channel")
                    : Map.of("code", 50024, "message", "Cannot execute action on this channel type"));
            return;
        }
        if (body.has("archived") && !APP.equals(thread.path("owner_id").asString())) {
            respond(exchange, 403, Map.of("code", 50013, "message", "Missing Permissions"));
            return;
        }
        ObjectNode changed = thread.deepCopy();
        if (body.has("archived")) {
            ((ObjectNode) changed.get("thread_metadata")).put("archived", body.path("archived").asBoolean());
        }
        channels.put(id, changed);
        respond(exchange, 200, changed);
        gateway.send("THREAD_UPDATE", changed);
    }

    /** The thread-related rights the bot's role gets in a channel: its role's, plus what an overwrite for it allows. */
    private static long botPermissionsIn(ObjectNode channel) {
        long permissions = BOT_PERMISSIONS;
        if (channel != null) {
            for (JsonNode overwrite : channel.path("permission_overwrites")) {
                if (overwrite.path("id").asString().equals(BOT_ROLE)) {
                    permissions = (permissions & ~Long.parseLong(overwrite.path("deny").asString("0")))
                            | Long.parseLong(overwrite.path("allow").asString("0"));
                }
            }
        }
        return permissions;
    }

    /**
     * Makes the user a member of the server with these roles (none: only {@code @everyone}), or changes their roles, as
     * the server's administrators would; "Get Guild Member" answers with them from then on.
     */
    public void memberRoles(String guildId, String userId, String... roleIds) {
        memberRoles.put(guildId + "/" + userId, List.of(roleIds));
    }

    /** The user leaves the server: "Get Guild Member" answers Unknown Member. */
    public void memberLeft(String guildId, String userId) {
        memberRoles.remove(guildId + "/" + userId);
    }

    /**
     * "Get Guild Member" (API reference, Resources, Guild: {@code GET /guilds/{guild.id}/members/{user.id}}): the guild
     * member object with its {@code roles}; 404 with JSON error 10007 Unknown Member ("JSON Error Codes") for someone not
     * in the server, 403 with 50001 Missing Access for a server the bot is not in.
     */
    private void guildMember(HttpExchange exchange, String guildId, String userId) throws IOException {
        if (!guilds.contains(guildId)) {
            respond(exchange, 403, Map.of("code", 50001, "message", "Missing Access"));
            return;
        }
        List<String> roles = memberRoles.get(guildId + "/" + userId);
        if (roles == null) {
            respond(exchange, 404, Map.of("code", 10007, "message", "Unknown Member"));
            return;
        }
        respond(exchange, 200, member(userId, "member" + userId.substring(userId.length() - 3), roles));
    }

    /**
     * "Get Guild" and "Get Guild Channels" (API reference, Resources, Guild): the server (its id, name, owner and roles), or its
     * channels, threads left out (the list "does not include threads"), with those made since the start; a server the
     * bot is not in is answered 403 with JSON error 50001.
     */
    private void guild(HttpExchange exchange, String id, boolean channelsOnly) throws IOException {
        if (!guilds.contains(id)) {
            respond(exchange, 403, Map.of("code", 50001, "message", "Missing Access"));
            return;
        }
        Map<String, Object> guild = guildCreate(id);
        if (!channelsOnly) {
            respond(exchange, 200, Map.of("id", id, "name", guild.get("name"), "owner_id", guild.get("owner_id"),
                    "roles", guild.get("roles")));
            return;
        }
        List<Object> all = new ArrayList<>((List<?>) guild.get("channels"));
        channels.values().stream().filter(c -> c.path("guild_id").asString().equals(id) && !c.has("thread_metadata")).forEach(all::add);
        respond(exchange, 200, all);
    }

    /** The ids of the threads under a channel, as the fake keeps them now. */
    List<String> threadsUnder(String parentId) {
        return channels.values().stream().filter(c -> c.has("thread_metadata") && c.path("parent_id").asString().equals(parentId))
                .map(c -> c.path("id").asString()).toList();
    }

    private boolean archivedAndLocked(String channelId) {
        ObjectNode thread = channels.get(channelId);
        return thread != null && thread.path("thread_metadata").path("archived").asBoolean()
                && thread.path("thread_metadata").path("locked").asBoolean();
    }

    /**
     * A message sent in an archived thread that is not locked unarchives it (Topics, Threads: "Active &amp; Archived
     * Threads"; unarchiving changes {@code archive_timestamp}), and the change comes as a THREAD_UPDATE.
     */
    private void unarchiveBySending(String channelId) {
        ObjectNode thread = channels.get(channelId);
        if (thread == null || !thread.path("thread_metadata").path("archived").asBoolean()) {
            return;
        }
        ObjectNode changed = thread.deepCopy();
        ((ObjectNode) changed.get("thread_metadata")).put("archived", false).put("archive_timestamp", "2026-11-27T10:00:00.000000+00:00");
        changed.remove("newly_created");
        channels.put(channelId, changed);
        gateway.send("THREAD_UPDATE", changed);
    }

    /** An archived state of a thread as the fake keeps it now. */
    boolean archived(String threadId) {
        ObjectNode thread = channels.get(threadId);
        return thread != null && thread.path("thread_metadata").path("archived").asBoolean();
    }

    private void scheduledEvent(HttpExchange exchange, String method, String id, JsonNode body) throws IOException {
        if (id == null && method.equals("POST")) {
            if (!validEvent((ObjectNode) body)) {
                respond(exchange, 400, Map.of("code", 50035, "message", "Invalid Form Body"));
                return;
            }
            ObjectNode event = JSON.createObjectNode();
            event.put("id", nextId()).put("guild_id", GUILD).put("creator_id", APP).put("status", 1).put("user_count", 0)
                    .putNull("channel_id").putNull("entity_metadata").putNull("description").putNull("scheduled_end_time");
            event.setAll((ObjectNode) body);
            scheduledEvents.put(event.path("id").asString(), event);
            respond(exchange, 200, event);
            return;
        }
        ObjectNode event = id == null ? null : scheduledEvents.get(id);
        if (event == null) {
            respond(exchange, 404, Map.of("code", 10070, "message", "Unknown Guild Scheduled Event"));
        } else if (method.equals("GET")) {
            respond(exchange, 200, event);
        } else if (method.equals("PATCH")) {
            ObjectNode changed = event.deepCopy();
            changed.setAll((ObjectNode) body);
            if (!validEvent(changed)) {
                respond(exchange, 400, Map.of("code", 50035, "message", "Invalid Form Body"));
                return;
            }
            event.setAll((ObjectNode) body);
            respond(exchange, 200, event);
        } else if (method.equals("DELETE")) {
            scheduledEvents.remove(id);
            respond(exchange, 204, null);
        } else {
            respond(exchange, 405, Map.of("code", 0, "message", "405: Method Not Allowed"));
        }
    }

    /**
     * What "Guild Scheduled Event Object" ("Field Requirements By Entity Type") asks of an event: an external one (3)
     * has {@code entity_metadata.location}, a {@code scheduled_end_time} and no {@code channel_id}; a stage (1) or voice
     * (2) event has a {@code channel_id} and no {@code entity_metadata}.
     */
    private static boolean validEvent(ObjectNode event) {
        int type = event.path("entity_type").asInt(0);
        boolean channel = event.hasNonNull("channel_id");
        boolean location = !event.path("entity_metadata").path("location").asString("").isEmpty();
        if (type == 3) {
            return !channel && location && event.hasNonNull("scheduled_end_time");
        }
        return (type == 1 || type == 2) && channel && !location;
    }

    /** The JSON of a request: the body itself, or the payload_json part of a multipart upload. */
    private static JsonNode payload(String raw, String contentType) {
        if (raw.isEmpty()) {
            return JSON.createObjectNode();
        }
        if (contentType != null && contentType.startsWith("multipart/form-data")) {
            int name = raw.indexOf("name=\"payload_json\"");
            int start = raw.indexOf("\r\n\r\n", name) + 4;
            int end = raw.indexOf("\r\n--", start);
            return JSON.readTree(raw.substring(start, end));
        }
        return JSON.readTree(raw);
    }

    /**
     * The next request whose path matches {@code pathRegex} is answered 429 with a wait of {@code retryAfterSeconds}
     * on its route, as Discord does (API reference, Topics, Rate Limits: "Header Format" and "Exceeding A Rate
     * Limit"): the headers say the bucket is empty and when it resets, the body carries {@code retry_after} in
     * seconds (a float) and {@code global: false}.
     */
    public void rateLimitNext(String pathRegex, double retryAfterSeconds) {
        rateLimits.put(pathRegex, retryAfterSeconds);
    }

    /**
     * A refusal as Discord sends it (API reference, Topics, Opcodes and Status Codes: "HTTP Response Codes" and "JSON
     * Error Codes"): the HTTP status and a body {@code {"code": <JSON error code>, "message": ...}}.
     */
    public record Refusal(int status, int code, String message) {
    }

    /** The bot lost View Channel (or the channel moved out of its sight): 403 with JSON error 50001. */
    public static final Refusal MISSING_ACCESS = new Refusal(403, 50001, "Missing Access");
    /** The channel is gone: 404 with JSON error 10003. */
    public static final Refusal UNKNOWN_CHANNEL = new Refusal(404, 10003, "Unknown Channel");

    /** From now on, every message sent in the channel (or thread) is refused so. */
    public void refuseMessagesIn(String channelId, Refusal refusal) {
        refusedChannels.put(channelId, refusal);
    }

    // ---- gateway events as Discord sends them (API reference, Topics, Gateway Events) ----

    /**
     * GUILD_DELETE ("Guild Delete"): an unavailable guild object. {@code unavailable: true} means an outage; without
     * the field, "the user was removed from the guild".
     */
    static Map<String, Object> guildDelete(boolean outage) {
        return outage ? Map.of("id", GUILD, "unavailable", true) : Map.of("id", GUILD);
    }

    /** GUILD_MEMBER_REMOVE ("Guild Member Remove"): the guild id and the user who left (needs GUILD_MEMBERS). */
    static Map<String, Object> guildMemberRemove(String userId, String name) {
        return Map.of("guild_id", GUILD, "user", user(userId, name, false));
    }

    /** A text channel object (Resources, Channel: "Channel Object", type 0 GUILD_TEXT), for CHANNEL_CREATE and CHANNEL_DELETE. */
    static Map<String, Object> textChannel(String id, String name) {
        return Map.of("id", id, "type", 0, "guild_id", GUILD, "name", name, "position", 5, "permission_overwrites", List.of(),
                "nsfw", false, "rate_limit_per_user", 0);
    }

    /**
     * A text channel whose permission overwrite for the bot's role (type 0, a role) denies Create Public Threads
     * (Resources, Channel: "Overwrite Object"), so the bot may not open threads there.
     */
    static Map<String, Object> textChannelWithoutThreads(String id, String name) {
        Map<String, Object> channel = new HashMap<>(textChannel(id, name));
        channel.put("permission_overwrites", List.of(Map.of("id", BOT_ROLE, "type", 0,
                "allow", "0", "deny", Long.toString(CREATE_PUBLIC_THREADS))));
        return channel;
    }

    /** A voice channel object (type 2 GUILD_VOICE). */
    static Map<String, Object> voiceChannel(String id, String name) {
        return Map.of("id", id, "type", 2, "guild_id", GUILD, "name", name, "position", 6, "permission_overwrites", List.of(),
                "nsfw", false, "bitrate", 64000, "user_limit", 0);
    }

    /** A stage channel object (type 13 GUILD_STAGE_VOICE): a voice channel for hosting events with an audience. */
    static Map<String, Object> stageChannel(String id, String name) {
        return Map.of("id", id, "type", 13, "guild_id", GUILD, "name", name, "position", 8, "permission_overwrites", List.of(),
                "nsfw", false, "bitrate", 64000, "user_limit", 0, "rtc_region", "rotterdam");
    }

    /** A forum channel object (type 15 GUILD_FORUM): members post threads in it, messages go into those posts only. */
    static Map<String, Object> forumChannel(String id, String name) {
        Map<String, Object> forum = new HashMap<>(Map.of("id", id, "type", 15, "guild_id", GUILD, "name", name,
                "position", 7, "permission_overwrites", List.of(), "nsfw", false, "rate_limit_per_user", 0, "flags", 0,
                "available_tags", List.of()));
        forum.put("default_forum_layout", 0);
        forum.put("default_thread_rate_limit_per_user", 0);
        return forum;
    }

    /**
     * A public thread (type 11 PUBLIC_THREAD) under a text channel, or a forum post (a thread whose parent is a forum),
     * for THREAD_CREATE (Topics, Threads: "the thread channel object", with its {@code thread_metadata}).
     */
    static Map<String, Object> thread(String id, String parentId, String name) {
        Map<String, Object> thread = new HashMap<>();
        thread.put("id", id);
        thread.put("type", 11);
        thread.put("guild_id", GUILD);
        thread.put("parent_id", parentId);
        thread.put("owner_id", "500000000000000002");
        thread.put("name", name);
        thread.put("rate_limit_per_user", 0);
        thread.put("flags", 0);
        thread.put("message_count", 0);
        thread.put("member_count", 1);
        thread.put("total_message_sent", 0);
        thread.put("last_message_id", null);
        thread.put("thread_metadata", Map.of("archived", false, "auto_archive_duration", 1440,
                "archive_timestamp", "2026-11-27T09:00:00.000000+00:00", "locked", false));
        thread.put("newly_created", true);
        return thread;
    }

    /**
     * The thread as a THREAD_UPDATE brings it once a moderator archived it, and locked it or not (Topics, Threads:
     * {@code thread_metadata} with {@code archived} and {@code locked}; archiving changes {@code archive_timestamp}).
     */
    static Map<String, Object> archivedThread(String id, String parentId, String name, boolean locked) {
        Map<String, Object> thread = thread(id, parentId, name);
        thread.remove("newly_created");
        thread.put("thread_metadata", Map.of("archived", true, "auto_archive_duration", 1440,
                "archive_timestamp", "2026-11-27T09:30:00.000000+00:00", "locked", locked));
        return thread;
    }

    /**
     * A voice state (Resources, Voice: "Voice State Object"): who ({@code user_id}, with the guild {@code member}) is
     * connected to which voice or stage channel ({@code channel_id}, null once they left), with their session and
     * mute and deafen flags. VOICE_STATE_UPDATE (Topics, Gateway Events: "Voice State Update", sent with the intent
     * {@code GUILD_VOICE_STATES}) carries one "when someone joins/leaves/moves voice channels".
     */
    static Map<String, Object> voiceState(String userId, String name, String channelId) {
        Map<String, Object> state = new HashMap<>();
        state.put("guild_id", GUILD);
        state.put("channel_id", channelId);
        state.put("user_id", userId);
        state.put("member", member(userId, name, List.of()));
        state.put("session_id", "voice-session-" + userId);
        state.put("deaf", false);
        state.put("mute", false);
        state.put("self_deaf", false);
        state.put("self_mute", false);
        state.put("self_video", false);
        state.put("suppress", false);
        state.put("request_to_speak_timestamp", null);
        return state;
    }

    /** THREAD_DELETE ("Thread Delete"): a subset of the channel object, only its id, guild id, parent id and type. */
    static Map<String, Object> threadDelete(String id, String parentId) {
        return Map.of("id", id, "guild_id", GUILD, "parent_id", parentId, "type", 11);
    }

    private static void rateLimited(HttpExchange exchange, double retryAfter) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("X-RateLimit-Limit", "5");
        headers.set("X-RateLimit-Remaining", "0");
        headers.set("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f",
                System.currentTimeMillis() / 1000.0 + retryAfter));
        headers.set("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", retryAfter));
        headers.set("X-RateLimit-Bucket", "fake-channel-messages");
        headers.set("X-RateLimit-Scope", "user");
        headers.set("Retry-After", Long.toString((long) Math.ceil(retryAfter)));
        // Discord's API answers through its proxy: a 429 without a Via header is Cloudflare's ban of the whole bot,
        // which JDA honours by holding every request (Rate Limits, "Invalid Request Limit aka Cloudflare bans")
        headers.set("Via", "1.1 google");
        respond(exchange, 429, Map.of("message", "You are being rate limited.", "retry_after", retryAfter, "global", false));
    }

    private static void respond(HttpExchange exchange, int status, Object json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, Object> user(String id, String name, boolean bot) {
        return Map.of("id", id, "username", name, "discriminator", "0", "global_name", name, "bot", bot, "public_flags", 0);
    }

    static Map<String, Object> member(String id, String name, List<String> roles) {
        return Map.of("user", user(id, name, false), "roles", roles, "joined_at", "2026-01-01T00:00:00.000000+00:00",
                "deaf", false, "mute", false, "flags", 0, "pending", false);
    }

    /** A message as Discord returns it, built from what JDA sent. */
    static ObjectNode message(String id, String channel, JsonNode sent) {
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id).put("channel_id", channel).put("type", 0).put("tts", false).put("pinned", false)
                .put("mention_everyone", false).put("timestamp", "2026-11-27T09:00:00.000000+00:00")
                .put("content", sent.path("content").asString("")).put("flags", sent.path("flags").asInt(0));
        message.putNull("edited_timestamp");
        message.set("author", JSON.valueToTree(user(APP, "circlekeeper", true)));
        message.set("components", sent.has("components") ? sent.get("components") : JSON.createArrayNode());
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.putArray("embeds");
        return message;
    }

    private static Map<String, Object> role(String id, String name, long permissions, int position) {
        return Map.of("id", id, "name", name, "color", 0, "colors", Map.of("primary_color", 0), "hoist", false,
                "position", position, "permissions", Long.toString(permissions), "managed", false, "mentionable", false,
                "flags", 0);
    }

    static Map<String, Object> guildCreate() {
        return guildCreate(GUILD);
    }

    /** A GUILD_CREATE for one server: {@link #GUILD} with its text and voice channel, any other with one text channel. */
    static Map<String, Object> guildCreate(String id) {
        return guildCreate(id, List.of());
    }

    /**
     * A GUILD_CREATE whose server has members in voice (Topics, Gateway Events: "Guild Create"): {@code voice_states}
     * holds their voice states, which lack the {@code guild_id} key, and {@code members} holds those members besides the
     * bot (without the Server Members intent a large server's GUILD_CREATE lists only those in voice and the bot).
     */
    static Map<String, Object> guildCreate(String id, List<Map<String, Object>> inVoice) {
        Map<String, Object> guild = new HashMap<>();
        guild.put("id", id);
        guild.put("name", "Circle");
        guild.put("owner_id", "999999999999999999");
        guild.put("afk_timeout", 300);
        guild.put("member_count", 3);
        guild.put("preferred_locale", "en-US");
        guild.put("features", List.of());
        guild.put("premium_progress_bar_enabled", false);
        guild.put("roles", List.of(role(id, "@everyone", 1024 | 2048 | 65536, 0),
                role(ORGANISER_ROLE, "Organisers", 32, 2), role(HOST_ROLE, "Circle hosts", 0, 1),
                role(BOT_ROLE, "circlekeeper", BOT_PERMISSIONS, 3)));
        Map<String, Object> text = Map.of("id", textChannelOf(id), "type", 0, "guild_id", id, "name", "circle-room",
                "position", 0, "permission_overwrites", List.of(), "nsfw", false, "rate_limit_per_user", 0);
        guild.put("channels", !id.equals(GUILD) ? List.of(text) : List.of(text,
                Map.of("id", VOICE, "type", 2, "guild_id", GUILD, "name", "Circle room", "position", 1, "permission_overwrites",
                        List.of(), "nsfw", false, "bitrate", 64000, "user_limit", 0)));
        List<Object> members = new ArrayList<>();
        members.add(Map.of("user", user(APP, "circlekeeper", true), "roles", List.of(BOT_ROLE),
                "joined_at", "2026-01-01T00:00:00.000000+00:00", "deaf", false, "mute", false, "flags", 0));
        List<Object> voiceStates = new ArrayList<>();
        for (Map<String, Object> state : inVoice) {
            members.add(state.get("member"));
            Map<String, Object> partial = new HashMap<>(state);
            partial.remove("guild_id");
            partial.remove("member");
            voiceStates.add(partial);
        }
        guild.put("members", members);
        guild.put("voice_states", voiceStates);
        for (String empty : List.of("emojis", "stickers", "threads", "guild_scheduled_events", "presences",
                "soundboard_sounds")) {
            guild.put(empty, List.of());
        }
        return guild;
    }

    /** The gateway: HELLO, then READY and GUILD_CREATE after IDENTIFY; heartbeats are acknowledged. */
    private final class Gateway extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        private final AtomicLong sequence = new AtomicLong();
        private final Map<WebSocket, Deflater> compressors = new ConcurrentHashMap<>();
        private volatile WebSocket socket;

        Gateway() {
            super(new InetSocketAddress("127.0.0.1", 0));
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            if (handshake.getResourceDescriptor().contains("compress=zlib-stream")) {
                compressors.put(conn, new Deflater());
            }
            socket = conn;
            sendOp(conn, 10, JSON.valueToTree(Map.of("heartbeat_interval", 41250)), null);
        }

        @Override
        public void onMessage(WebSocket conn, String text) {
            JsonNode frame = JSON.readTree(text);
            switch (frame.path("op").asInt()) {
                case 1 -> sendOp(conn, 11, null, null);
                case 2 -> {
                    identify = frame.path("d");
                    // IDENTIFY names the shard as [shard_id, num_shards]; READY and GUILD_CREATE carry only its servers
                    int shard = frame.path("d").path("shard").path(0).asInt(0);
                    int shards = Math.max(1, frame.path("d").path("shard").path(1).asInt(1));
                    List<String> own = guilds.stream().filter(g -> shardOf(g, shards) == shard).toList();
                    sendOp(conn, 0, JSON.valueToTree(Map.of("v", 10, "user", user(APP, "circlekeeper", true),
                            "guilds", own.stream().map(g -> Map.of("id", g, "unavailable", true)).toList(),
                            "private_channels", List.of(), "session_id", "fake-session-" + shard,
                            "resume_gateway_url", "ws://127.0.0.1:" + getPort(),
                            "application", Map.of("id", APP, "flags", 0), "shard", List.of(shard, shards))), "READY");
                    for (String guild : own) {
                        sendOp(conn, 0, JSON.valueToTree(guildCreate(guild, guild.equals(GUILD) ? voiceAtStart : List.of())),
                                "GUILD_CREATE");
                    }
                    identified.countDown();
                }
                default -> {
                }
            }
        }

        void send(String type, JsonNode data) {
            WebSocket conn = socket;
            if (conn == null) {
                throw new IllegalStateException("JDA is not connected to the fake gateway");
            }
            sendOp(conn, 0, data, type);
        }

        private void sendOp(WebSocket conn, int op, JsonNode data, String type) {
            ObjectNode frame = JSON.createObjectNode();
            frame.put("op", op);
            frame.set("d", data == null ? JSON.getNodeFactory().nullNode() : data);
            if (type != null) {
                frame.put("t", type).put("s", sequence.incrementAndGet());
            } else {
                frame.putNull("t");
                frame.putNull("s");
            }
            byte[] bytes = JSON.writeValueAsBytes(frame);
            Deflater deflater = compressors.get(conn);
            if (deflater == null) {
                conn.send(new String(bytes, StandardCharsets.UTF_8));
                return;
            }
            synchronized (deflater) {
                deflater.setInput(bytes);
                byte[] buffer = new byte[bytes.length + 1024];
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int n;
                while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
                    out.write(buffer, 0, n);
                    if (n < buffer.length) {
                        break;
                    }
                }
                conn.send(out.toByteArray());
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            compressors.remove(conn);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }
    }
}
