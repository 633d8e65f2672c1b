package org.circlekeeper.redis;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.circlekeeper.core.resource.Resource;
import org.circlekeeper.core.resource.ResourceKind;
import org.circlekeeper.core.resource.ResourceText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a community's resource entry is written in Redis: an explicit JSON object, so that the stored
 * form stays the same when the core's records change, marked with a format version {@code "v": 1}.
 *
 * <pre>{@code
 * {"v":1,"id":"own-peer-line","kind":"helpline","origin":"community",
 *  "texts":[{"language":"en","title":"...","summary":"...","details":"...","tags":["sleep"]}],
 *  "countries":["DE"],"link":"https://...","phone":"+49 ...","sms":"...","verified":"2025-03-01","source":"..."}
 * }</pre>
 *
 * <p>{@code texts} is an array, first the entry's own language; {@code details}, {@code tags},
 * {@code countries}, {@code link}, {@code phone}, {@code sms} and {@code source} may be missing. Kinds are
 * {@link ResourceKind#id()}, origins lower case. Anything else (not JSON, a missing field, an unknown kind,
 * a newer format) is {@link Unreadable}.
 */
final class ResourceJson {

    /** The format written now; a stored entry with another one is not read. */
    static final int FORMAT = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResourceJson() {
    }

    static String write(Resource entry) {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", FORMAT);
        root.put("id", entry.id());
        root.put("kind", entry.kind().id());
        root.put("origin", entry.origin().name().toLowerCase(Locale.ROOT));
        ArrayNode texts = root.putArray("texts");
        entry.texts().forEach((language, text) -> {
            ObjectNode one = texts.addObject();
            one.put("language", language);
            one.put("title", text.title());
            one.put("summary", text.summary());
            if (!text.details().isEmpty()) {
                one.put("details", text.details());
            }
            if (!text.tags().isEmpty()) {
                ArrayNode tags = one.putArray("tags");
                text.tags().forEach(tags::add);
            }
        });
        if (!entry.countries().isEmpty()) {
            ArrayNode countries = root.putArray("countries");
            entry.countries().forEach(countries::add);
        }
        putIfSet(root, "link", entry.link());
        putIfSet(root, "phone", entry.phone());
        putIfSet(root, "sms", entry.sms());
        root.put("verified", entry.verified().toString());
        if (!entry.source().isEmpty()) {
            root.put("source", entry.source());
        }
        return JSON.writeValueAsString(root);
    }

    static Resource read(String stored) throws Unreadable {
        JsonNode root = StoredJson.root(stored, FORMAT);
        String kindId = required(root, "kind");
        ResourceKind kind = ResourceKind.fromId(kindId).orElseThrow(() -> new Unreadable("unknown kind"));
        Resource.Origin origin;
        try {
            origin = Resource.Origin.valueOf(required(root, "origin").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("unknown origin");
        }
        LocalDate verified;
        try {
            verified = LocalDate.parse(required(root, "verified"));
        } catch (DateTimeException e) {
            throw new Unreadable("verified is not a date");
        }
        try {
            return new Resource(required(root, "id"), kind, texts(root), strings(root, "countries"),
                    optional(root, "link"), optional(root, "phone"), optional(root, "sms"), verified,
                    optional(root, "source"), origin);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Unreadable("not a valid entry");
        }
    }

    private static Map<String, ResourceText> texts(JsonNode root) throws Unreadable {
        JsonNode texts = root.get("texts");
        if (texts == null || !texts.isArray() || texts.isEmpty()) {
            throw new Unreadable("no texts");
        }
        Map<String, ResourceText> byLanguage = new LinkedHashMap<>();
        for (JsonNode text : texts) {
            if (!text.isObject()) {
                throw new Unreadable("a text is not an object");
            }
            String language = required(text, "language");
            ResourceText parsed = new ResourceText(required(text, "title"), required(text, "summary"),
                    optional(text, "details"), strings(text, "tags"));
            if (byLanguage.put(language, parsed) != null) {
                throw new Unreadable("a language twice");
            }
        }
        return byLanguage;
    }

    private static String required(JsonNode node, String field) throws Unreadable {
        String value = optional(node, field);
        if (value == null) {
            throw new Unreadable("no " + field);
        }
        return value;
    }

    private static String optional(JsonNode node, String field) throws Unreadable {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new Unreadable(field + " is not a string");
        }
        return value.stringValue();
    }

    private static List<String> strings(JsonNode node, String field) throws Unreadable {
        JsonNode array = node.get(field);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new Unreadable(field + " is not an array");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (!value.isString()) {
                throw new Unreadable(field + " holds something other than text");
            }
            values.add(value.stringValue());
        }
        return values;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
