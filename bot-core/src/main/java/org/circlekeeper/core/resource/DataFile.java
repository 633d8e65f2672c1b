package org.circlekeeper.core.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads one curated YAML file from the classpath and its typed fields, failing at start-up with a
 * message that names the file and the field, so a broken data file never reaches a member.
 */
final class DataFile {

    private final String origin;

    private DataFile(String origin) {
        this.origin = origin;
    }

    /** Loads {@code templates/<path>} as a map. */
    static Map<String, Object> load(String path) {
        String resource = "templates/" + path;
        InputStream in = DataFile.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing data file on the classpath: " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new IllegalStateException(resource + " must be a map at the top");
            }
            return stringKeys(map, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static DataFile of(String origin) {
        return new DataFile(origin);
    }

    String origin() {
        return origin;
    }

    String text(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw problem(where, "needs '" + key + "'");
        }
        return String.valueOf(value).strip();
    }

    String optionalText(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
    }

    List<String> texts(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw problem(where, "'" + key + "' must be a list");
        }
        List<String> out = new ArrayList<>();
        list.forEach(item -> out.add(String.valueOf(item).strip()));
        return out;
    }

    /** A date written as {@code YYYY-MM-DD}, quoted or not (YAML reads an unquoted one as a timestamp). */
    LocalDate date(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (value == null) {
            throw problem(where, "needs '" + key + "' (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(String.valueOf(value).strip());
        } catch (DateTimeParseException e) {
            throw problem(where, "'" + key + "' must be a date (YYYY-MM-DD), not " + value);
        }
    }

    Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw problem(where, "must be a map");
        }
        return stringKeys(map, origin);
    }

    List<Map<String, Object>> maps(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw problem(where, "must be a list");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(map(list.get(i), where + "[" + i + "]"));
        }
        return out;
    }

    IllegalStateException problem(String where, String what) {
        return new IllegalStateException(origin + ": " + where + " " + what);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map, String origin) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k == null) {
                throw new IllegalStateException(origin + " has an empty key");
            }
            out.put(String.valueOf(k), v);
        });
        return out;
    }
}
