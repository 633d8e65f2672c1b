package org.circlekeeper.core.share;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.circlekeeper.core.ref.MessageKey;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The session formats the bot ships, read from {@code templates/circle-formats/<id>.yml} at start-up.
 * A broken file fails the start with a message naming the file and the field.
 */
public final class ShareFormats {

    /** The shipped formats, in the order {@code /share formats} lists them; the first is the default. */
    public static final List<String> SHIPPED = List.of("basic", "checkin", "open-sharing");

    private final Map<String, ShareFormat> formats;

    private ShareFormats(Map<String, ShareFormat> formats) {
        this.formats = formats;
    }

    public static ShareFormats shipped() {
        Map<String, ShareFormat> loaded = new LinkedHashMap<>();
        for (String id : SHIPPED) {
            loaded.put(id, load(id));
        }
        return new ShareFormats(loaded);
    }

    public List<ShareFormat> all() {
        return List.copyOf(formats.values());
    }

    public List<String> ids() {
        return List.copyOf(formats.keySet());
    }

    public Optional<ShareFormat> find(String id) {
        return Optional.ofNullable(id == null ? null : formats.get(id));
    }

    /** The format a session runs when nobody chose one. */
    public ShareFormat standard() {
        return formats.values().iterator().next();
    }

    /** Every message key the formats name (names, descriptions, step texts). */
    public List<MessageKey> messageKeys() {
        Map<String, MessageKey> keys = new LinkedHashMap<>();
        for (ShareFormat format : formats.values()) {
            keys.put(format.name().key(), format.name());
            keys.put(format.about().key(), format.about());
            format.steps().forEach(s -> keys.put(s.text().key(), s.text()));
        }
        return List.copyOf(keys.values());
    }

    static ShareFormat load(String id) {
        String resource = "templates/circle-formats/" + id + ".yml";
        InputStream in = ShareFormats.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing share format on the classpath: " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader, resource, id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static ShareFormat parse(Reader reader, String origin, String expectedId) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalStateException(origin + " must be a map with id, name, about and steps");
        }
        try {
            String id = text(map, "id", origin);
            if (!id.equals(expectedId)) {
                throw new IllegalStateException(origin + ": its id is '" + id + "' but the file is named for '" + expectedId + "'");
            }
            Object rawSteps = map.get("steps");
            if (!(rawSteps instanceof List<?> list)) {
                throw new IllegalStateException(origin + ": 'steps' must be a list");
            }
            List<ShareFormat.Step> steps = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> step)) {
                    throw new IllegalStateException(origin + ": step " + (i + 1) + " must be a map with kind and text");
                }
                String where = origin + " step " + (i + 1);
                ShareFormat.Kind kind = ShareFormat.Kind.of(text(step, "kind", where));
                steps.add(new ShareFormat.Step(kind, kind.key(text(step, "text", where)), minutes(step, "minutes", where),
                        minutes(step, "turn-minutes", where)));
            }
            return new ShareFormat(id, MessageKey.of(text(map, "name", origin)), MessageKey.of(text(map, "about", origin)), steps);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(origin + ": " + e.getMessage(), e);
        }
    }

    private static String text(Map<?, ?> map, String field, String where) {
        Object value = map.get(field);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalStateException(where + ": '" + field + "' must be text");
        }
        return s.strip();
    }

    private static Duration minutes(Map<?, ?> map, String field, String where) {
        Object value = map.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer n)) {
            throw new IllegalStateException(where + ": '" + field + "' must be a whole number of minutes");
        }
        return Duration.ofMinutes(n);
    }
}
