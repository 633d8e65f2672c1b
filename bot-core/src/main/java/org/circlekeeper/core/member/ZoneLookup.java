package org.circlekeeper.core.member;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Turns what a person types ({@code Europe/Berlin}, {@code berlin}, {@code new york}, {@code Nueva
 * York}, {@code UTC+2}) into a time zone, and suggests the closest zones for a typo. Knows the tz
 * database's zones and cities, plus the city aliases in {@code templates/zones/cities.yml}.
 */
public final class ZoneLookup {

    /** Compiled once: every {@code /timezone} normalises what was typed. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The outcome of a lookup. */
    public sealed interface Result {
        record Found(ZoneId zone) implements Result {
        }

        /** Several zones fit (a city name in more than one country); ask which. */
        record Ambiguous(List<ZoneId> candidates) implements Result {
        }

        /** Nothing fits; {@code suggestions} are the closest names, perhaps none. */
        record NotFound(List<ZoneId> suggestions) implements Result {
        }
    }

    private static final Pattern OFFSET = Pattern.compile("(utc|gmt)?\\s*[+-]\\s*\\d{1,2}(:?\\d{2})?");
    private static final int MAX_SUGGESTIONS = 3;

    private final Map<String, ZoneId> byId = new HashMap<>();
    private final Map<String, Set<ZoneId>> byName = new HashMap<>();
    private final LevenshteinDistance distance = new LevenshteinDistance(3);

    public ZoneLookup() {
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (!id.contains("/") || id.startsWith("Etc/") || id.startsWith("SystemV/")) {
                continue;
            }
            ZoneId zone = ZoneId.of(id);
            byId.put(normalize(id), zone);
            String city = id.substring(id.lastIndexOf('/') + 1);
            addName(city, zone);
        }
        byId.put("utc", ZoneId.of("UTC"));
        loadAliases();
    }

    /** Looks up what the person typed. */
    public Result lookup(String typed) {
        String key = normalize(typed);
        if (key.isEmpty()) {
            return new Result.NotFound(List.of());
        }
        ZoneId exact = byId.get(key);
        if (exact != null) {
            return new Result.Found(exact);
        }
        if (key.equals("gmt") || key.equals("z")) {
            return new Result.Found(ZoneId.of("UTC"));
        }
        if (OFFSET.matcher(key).matches()) {
            try {
                String offset = key.replaceAll("\\s+", "").replace("gmt", "").replace("utc", "");
                return new Result.Found(ZoneId.of("UTC" + offset.toUpperCase(Locale.ROOT)));
            } catch (DateTimeException e) {
                return new Result.NotFound(List.of());
            }
        }
        Set<ZoneId> named = byName.get(key);
        if (named != null) {
            return named.size() == 1 ? new Result.Found(named.iterator().next()) : new Result.Ambiguous(List.copyOf(named));
        }
        return new Result.NotFound(suggest(key));
    }

    /** Zones whose city or id starts with what was typed, for autocomplete. */
    public List<ZoneId> startingWith(String typed, int limit) {
        String key = normalize(typed);
        Set<ZoneId> out = new LinkedHashSet<>();
        byName.entrySet().stream().filter(e -> e.getKey().startsWith(key)).sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.addAll(e.getValue()));
        byId.entrySet().stream().filter(e -> e.getKey().startsWith(key)).sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add(e.getValue()));
        return out.stream().limit(limit).toList();
    }

    private List<ZoneId> suggest(String key) {
        record Scored(ZoneId zone, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        byName.forEach((name, zones) -> {
            int d = distance.apply(name, key);
            if (d >= 0 && d <= Math.max(1, key.length() / 3)) {
                zones.forEach(z -> scored.add(new Scored(z, d)));
            }
        });
        byId.forEach((id, zone) -> {
            int d = distance.apply(id, key);
            if (d >= 0 && d <= Math.max(1, key.length() / 4)) {
                scored.add(new Scored(zone, d));
            }
        });
        Set<ZoneId> out = new LinkedHashSet<>();
        scored.stream().sorted(Comparator.comparingInt(Scored::score).thenComparing(s -> s.zone().getId()))
                .forEach(s -> out.add(s.zone()));
        return out.stream().limit(MAX_SUGGESTIONS).toList();
    }

    /**
     * Adds a name for a zone. The tz database keeps old names as links (America/Buenos_Aires for
     * America/Argentina/Buenos_Aires): zones with the same rules are one place, kept under the
     * more specific id, so a link never makes a city look ambiguous.
     */
    private void addName(String name, ZoneId zone) {
        Set<ZoneId> zonesOfName = byName.computeIfAbsent(normalize(name), k -> new TreeSet<>(Comparator.comparing(ZoneId::getId)));
        for (ZoneId known : List.copyOf(zonesOfName)) {
            if (known.getRules().equals(zone.getRules())) {
                if (depth(zone) > depth(known)) {
                    zonesOfName.remove(known);
                    zonesOfName.add(zone);
                }
                return;
            }
        }
        zonesOfName.add(zone);
    }

    private static int depth(ZoneId zone) {
        return zone.getId().split("/").length;
    }

    private void loadAliases() {
        try (InputStream in = ZoneLookup.class.getClassLoader().getResourceAsStream("templates/zones/cities.yml")) {
            if (in == null) {
                throw new IllegalStateException("missing templates/zones/cities.yml on the classpath");
            }
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(loaded instanceof Map<?, ?> aliases)) {
                throw new IllegalStateException("templates/zones/cities.yml must map a city to a zone id");
            }
            aliases.forEach((city, zone) -> addName(String.valueOf(city), ZoneId.of(String.valueOf(zone))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lower case, no accents, underscores as spaces, single spaces. */
    static String normalize(String text) {
        String stripped = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD);
        stripped = MARKS.matcher(stripped).replaceAll("");
        return SPACES.matcher(stripped.toLowerCase(Locale.ROOT).replace('_', ' ')).replaceAll(" ").strip();
    }
}
