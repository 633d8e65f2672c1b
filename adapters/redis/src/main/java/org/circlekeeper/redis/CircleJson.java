package org.circlekeeper.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.circlekeeper.core.circle.Circle;
import org.circlekeeper.core.circle.Place;
import org.circlekeeper.core.circle.Recurrence;
import org.circlekeeper.core.circle.ReminderChoice;
import org.circlekeeper.core.circle.Rsvp;
import org.circlekeeper.core.circle.Schedule;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.Platform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the circles feature's values are written in Redis: explicit JSON objects marked with a format
 * version {@code "v": 1}, so that the stored form stays put when the core's records change.
 *
 * <pre>{@code
 * circle:  {"v":1,"id":"tuesday","version":3,"name":"Tuesday circle","description":"",
 *           "place":{"kind":"here"},"channel":{"platform":"telegram","id":"-1001"},
 *           "start":"2027-03-02T19:00","zone":"Europe/Berlin","duration":"PT1H",
 *           "recurrence":{"kind":"repeating","rule":"FREQ=WEEKLY;BYDAY=TU","end":{"kind":"never"}},
 *           "skips":["2027-03-09T19:00"],"moves":[{"from":"2027-03-16T19:00","to":"2027-03-17T19:00"}],
 *           "cancelled":false}
 * answer:  {"v":1,"answer":"coming","name":"Alice","at":"2027-03-01T10:00:00Z","expires":"2027-03-09T20:00:00Z"}
 * choice:  {"v":1,"all":["PT24H","PT15M"],"circles":{"tuesday":["PT2H"],"friday":[]}}
 * }</pre>
 *
 * <p>Places are {@code here}, {@code channel}/{@code room} with a {@code name}, or {@code link} with a
 * {@code url}; recurrences {@code once} or {@code repeating} with an end {@code never}, {@code after} (with
 * {@code times}) or {@code until} (with a {@code date}); durations ISO-8601. The circle's {@code version}
 * is also what the store's Lua script compares. Anything else is {@link Unreadable}.
 */
final class CircleJson {

    /** The format written now; a stored value with another one is not read. */
    static final int FORMAT = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CircleJson() {
    }

    // ---- circles ----

    static String write(Circle circle) {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", FORMAT);
        root.put("id", circle.id());
        root.put("version", circle.version());
        root.put("name", circle.name());
        root.put("description", circle.description());
        root.set("place", place(circle.place()));
        ObjectNode channel = root.putObject("channel");
        channel.put("platform", circle.channel().platform().id());
        channel.put("id", circle.channel().channelId());
        Schedule schedule = circle.schedule();
        root.put("start", schedule.start().toString());
        root.put("zone", schedule.zone().getId());
        root.put("duration", schedule.duration().toString());
        root.set("recurrence", recurrence(schedule.recurrence()));
        ArrayNode skips = root.putArray("skips");
        circle.skips().forEach(skip -> skips.add(skip.toString()));
        ArrayNode moves = root.putArray("moves");
        circle.moves().forEach((from, to) -> {
            ObjectNode move = moves.addObject();
            move.put("from", from.toString());
            move.put("to", to.toString());
        });
        root.put("cancelled", circle.cancelled());
        return JSON.writeValueAsString(root);
    }

    static Circle readCircle(String stored) throws Unreadable {
        JsonNode root = StoredJson.root(stored, FORMAT);
        long version = longValue(root, "version");
        ChannelRef channel = channel(object(root, "channel"));
        Schedule schedule;
        try {
            schedule = new Schedule(LocalDateTime.parse(text(root, "start")), ZoneId.of(text(root, "zone")),
                    Duration.parse(text(root, "duration")), recurrence(object(root, "recurrence")));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new Unreadable("not a valid schedule");
        }
        SortedSet<LocalDateTime> skips = new TreeSet<>();
        for (JsonNode skip : array(root, "skips")) {
            skips.add(localDateTime(skip));
        }
        SortedMap<LocalDateTime, LocalDateTime> moves = new TreeMap<>();
        for (JsonNode move : array(root, "moves")) {
            if (!move.isObject()) {
                throw new Unreadable("a move is not an object");
            }
            moves.put(localDateTime(move.get("from")), localDateTime(move.get("to")));
        }
        JsonNode cancelled = root.get("cancelled");
        if (cancelled == null || !cancelled.isBoolean()) {
            throw new Unreadable("cancelled is not true or false");
        }
        try {
            return new Circle(text(root, "id"), text(root, "name"), text(root, "description"), place(object(root, "place")),
                    channel, schedule, skips, moves, cancelled.booleanValue(), version);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Unreadable("not a valid circle");
        }
    }

    private static ObjectNode place(Place place) {
        ObjectNode node = JSON.createObjectNode();
        if (place instanceof Place.Channel channel) {
            node.put("kind", "channel");
            node.put("name", channel.name());
        } else if (place instanceof Place.Room room) {
            node.put("kind", "room");
            node.put("name", room.name());
        } else if (place instanceof Place.Link link) {
            node.put("kind", "link");
            node.put("url", link.url().toString());
        } else {
            node.put("kind", "here");
        }
        return node;
    }

    private static Place place(JsonNode node) throws Unreadable {
        String kind = text(node, "kind");
        try {
            switch (kind) {
                case "here":
                    return new Place.ThisChat();
                case "channel":
                    return new Place.Channel(text(node, "name"));
                case "room":
                    return new Place.Room(text(node, "name"));
                case "link":
                    return new Place.Link(new URI(text(node, "url")));
                default:
                    throw new Unreadable("unknown place");
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new Unreadable("not a valid place");
        }
    }

    private static ChannelRef channel(JsonNode node) throws Unreadable {
        try {
            return new ChannelRef(platform(text(node, "platform")), text(node, "id"), ChannelRef.Kind.GROUP);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("not a valid channel");
        }
    }

    private static Platform platform(String id) throws Unreadable {
        for (Platform platform : Platform.values()) {
            if (platform.id().equals(id)) {
                return platform;
            }
        }
        throw new Unreadable("unknown platform");
    }

    private static ObjectNode recurrence(Recurrence recurrence) {
        ObjectNode node = JSON.createObjectNode();
        if (recurrence instanceof Recurrence.Repeating repeating) {
            node.put("kind", "repeating");
            node.put("rule", repeating.rule());
            ObjectNode end = node.putObject("end");
            if (repeating.end() instanceof Recurrence.End.After after) {
                end.put("kind", "after");
                end.put("times", after.times());
            } else if (repeating.end() instanceof Recurrence.End.Until until) {
                end.put("kind", "until");
                end.put("date", until.date().toString());
            } else {
                end.put("kind", "never");
            }
        } else {
            node.put("kind", "once");
        }
        return node;
    }

    private static Recurrence recurrence(JsonNode node) throws Unreadable {
        String kind = text(node, "kind");
        if (kind.equals("once")) {
            return new Recurrence.Once();
        }
        if (!kind.equals("repeating")) {
            throw new Unreadable("unknown recurrence");
        }
        JsonNode end = object(node, "end");
        Recurrence.End parsed;
        switch (text(end, "kind")) {
            case "never":
                parsed = new Recurrence.End.Never();
                break;
            case "after":
                long times = longValue(end, "times");
                parsed = new Recurrence.End.After(times < 1 || times > Integer.MAX_VALUE ? 0 : (int) times);
                break;
            case "until":
                try {
                    parsed = new Recurrence.End.Until(LocalDate.parse(text(end, "date")));
                } catch (DateTimeException e) {
                    throw new Unreadable("until is not a date");
                }
                break;
            default:
                throw new Unreadable("unknown end");
        }
        return new Recurrence.Repeating(text(node, "rule"), parsed);
    }

    // ---- answers ----

    static String write(Rsvp rsvp, Instant expires) {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", FORMAT);
        root.put("answer", rsvp.answer().name().toLowerCase(Locale.ROOT));
        root.put("name", rsvp.name());
        root.put("at", rsvp.answeredAt().toString());
        root.put("expires", expires.toString());
        return JSON.writeValueAsString(root);
    }

    /** An answer and when it stops counting. */
    record StoredRsvp(Rsvp rsvp, Instant expires) {
    }

    static StoredRsvp readRsvp(String stored) throws Unreadable {
        JsonNode root = StoredJson.root(stored, FORMAT);
        Rsvp.Answer answer;
        try {
            answer = Rsvp.Answer.valueOf(text(root, "answer").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("unknown answer");
        }
        return new StoredRsvp(new Rsvp(answer, text(root, "name"), instant(root, "at")), instant(root, "expires"));
    }

    // ---- reminder choices ----

    static String write(ReminderChoice choice) {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", FORMAT);
        root.set("all", durations(choice.allCircles()));
        ObjectNode circles = root.putObject("circles");
        choice.perCircle().forEach((id, leads) -> circles.set(id, durations(leads)));
        return JSON.writeValueAsString(root);
    }

    static ReminderChoice readChoice(String stored) throws Unreadable {
        JsonNode root = StoredJson.root(stored, FORMAT);
        List<Duration> all = durations(array(root, "all"));
        Map<String, List<Duration>> perCircle = new LinkedHashMap<>();
        JsonNode circles = object(root, "circles");
        for (Map.Entry<String, JsonNode> circle : circles.properties()) {
            if (!circle.getValue().isArray()) {
                throw new Unreadable("a circle's lead times are not an array");
            }
            perCircle.put(circle.getKey(), durations(circle.getValue()));
        }
        return new ReminderChoice(all, perCircle);
    }

    /** Lead times as stored in a hash field: ISO-8601 durations joined by commas; empty for none. */
    static String writeLeads(List<Duration> leads) {
        return String.join(",", leads.stream().map(Duration::toString).toList());
    }

    static List<Duration> readLeads(String stored) throws Unreadable {
        if (stored.isEmpty()) {
            return List.of();
        }
        List<Duration> leads = new ArrayList<>();
        for (String part : stored.split(",", -1)) {
            leads.add(duration(part));
        }
        return leads;
    }

    private static ArrayNode durations(List<Duration> leads) {
        ArrayNode array = JSON.createArrayNode();
        leads.forEach(lead -> array.add(lead.toString()));
        return array;
    }

    private static List<Duration> durations(JsonNode array) throws Unreadable {
        List<Duration> leads = new ArrayList<>();
        for (JsonNode lead : array) {
            if (!lead.isString()) {
                throw new Unreadable("a lead time is not text");
            }
            leads.add(duration(lead.stringValue()));
        }
        return leads;
    }

    private static Duration duration(String text) throws Unreadable {
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                throw new Unreadable("a lead time is not positive");
            }
            return duration;
        } catch (DateTimeException e) {
            throw new Unreadable("a lead time is not a duration");
        }
    }

    // ---- reading helpers ----

    private static String text(JsonNode node, String field) throws Unreadable {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new Unreadable(field + " is not text");
        }
        return value.stringValue();
    }

    private static long longValue(JsonNode node, String field) throws Unreadable {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new Unreadable(field + " is not a whole number");
        }
        return value.longValue();
    }

    private static JsonNode object(JsonNode node, String field) throws Unreadable {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new Unreadable(field + " is not an object");
        }
        return value;
    }

    private static JsonNode array(JsonNode node, String field) throws Unreadable {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new Unreadable(field + " is not an array");
        }
        return value;
    }

    private static LocalDateTime localDateTime(JsonNode value) throws Unreadable {
        if (value == null || !value.isString()) {
            throw new Unreadable("a local time is not text");
        }
        try {
            return LocalDateTime.parse(value.stringValue());
        } catch (DateTimeException e) {
            throw new Unreadable("not a local time");
        }
    }

    private static Instant instant(JsonNode node, String field) throws Unreadable {
        try {
            return Instant.parse(text(node, field));
        } catch (DateTimeException e) {
            throw new Unreadable(field + " is not an instant");
        }
    }
}
