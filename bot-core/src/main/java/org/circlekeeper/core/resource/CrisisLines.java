package org.circlekeeper.core.resource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.circlekeeper.core.member.CountryLookup;
import org.circlekeeper.core.ref.MessageKey;

/**
 * The crisis-line directory ({@code templates/resources/crisis-lines.yml}) with every country's
 * emergency number ({@link EmergencyNumbers}): the one source of crisis lines for every feature.
 * {@code /crisis}, the safety reply, search and check-ins all call {@link #forCountry(Optional, Locale)} and render {@link #CARD} with {@link #cardValues}.
 */
public final class CrisisLines {

    /** The data file, under {@code templates/}. */
    public static final String FILE = "resources/crisis-lines.yml";

    /**
     * The crisis-line card, for any feature to render with {@link #cardValues(CrisisLookup)}: the
     * country's lines, the international ones, the emergency number and a plain statement that
     * the bot is not a counsellor.
     */
    public static final MessageKey CARD = MessageKey.of("resources.crisis.card", "country", "hasCountry", "hasLines",
            "lines", "lines.name", "lines.phone", "lines.sms", "lines.link", "lines.about",
            "fallback", "fallback.name", "fallback.link", "fallback.about", "emergency", "police", "mobileOnly");

    private static final class Shipped {
        private static final CrisisLines INSTANCE = load(EmergencyNumbers.load());
    }

    private final Map<String, List<CrisisLine>> countries;
    private final List<CrisisLine> fallback;
    private final EmergencyNumbers emergencyNumbers;
    private final LocalDate listedAsOf;

    private CrisisLines(Map<String, List<CrisisLine>> countries, List<CrisisLine> fallback, EmergencyNumbers emergencyNumbers,
                        LocalDate listedAsOf) {
        this.countries = Map.copyOf(countries);
        this.fallback = List.copyOf(fallback);
        this.emergencyNumbers = emergencyNumbers;
        this.listedAsOf = listedAsOf;
    }

    /** The shipped directory, read once per process (it is immutable). */
    public static CrisisLines shipped() {
        return Shipped.INSTANCE;
    }

    /**
     * The lines for a country (an ISO alpha-2 code, any case), the international fallback, in the
     * member's language order (lines that speak it come first), and the country's emergency
     * number, which every country has (see {@link EmergencyNumbers}).
     */
    public CrisisLookup forCountry(Optional<String> country, Locale locale) {
        Optional<String> code = country.map(c -> c.strip().toUpperCase(Locale.ROOT)).filter(c -> !c.isEmpty());
        List<CrisisLine> lines = code.map(countries::get).map(l -> speakersFirst(l, locale)).orElse(List.of());
        Optional<EmergencyNumber> emergency = code.flatMap(emergencyNumbers::forCountry);
        return new CrisisLookup(code, lines, speakersFirst(fallback, locale), emergency, locale);
    }

    /** The emergency numbers of every country. */
    public EmergencyNumbers emergencyNumbers() {
        return emergencyNumbers;
    }

    /** A line by id, national or international. */
    public Optional<CrisisLine> line(String id) {
        return all().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** Every line, country by country, then the international ones. */
    public List<CrisisLine> all() {
        List<CrisisLine> out = new ArrayList<>();
        new TreeSet<>(countries.keySet()).forEach(c -> out.addAll(countries.get(c)));
        out.addAll(fallback);
        return out;
    }

    /** The countries that have lines, as ISO alpha-2 codes. */
    public Set<String> countries() {
        return new TreeSet<>(countries.keySet());
    }

    public List<CrisisLine> fallback() {
        return fallback;
    }

    /** The date the directory was compiled from public listings. */
    public LocalDate listedAsOf() {
        return listedAsOf;
    }

    /** The values {@link #CARD} takes, for {@code turn.text(CrisisLines.CARD, cardValues(lookup))}. */
    public static Object[] cardValues(CrisisLookup lookup) {
        Locale locale = lookup.locale();
        String countryName = lookup.country().map(c -> CountryLookup.displayName(c, locale)).orElse("");
        return new Object[]{
            "country", countryName,
            "hasCountry", lookup.country().isPresent(),
            "hasLines", lookup.hasLines(),
            "lines", lookup.lines().stream().map(l -> line(l, locale)).toList(),
            "fallback", lookup.fallback().stream().map(l -> line(l, locale)).toList(),
            "emergency", lookup.emergency().orElse(""),
            "police", lookup.emergencyNumber().flatMap(EmergencyNumber::separatePolice).orElse(""),
            "mobileOnly", lookup.emergencyNumber().map(EmergencyNumber::mobileOnly).orElse(false)
        };
    }

    private static Map<String, Object> line(CrisisLine line, Locale locale) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", line.name());
        values.put("phone", line.phone() == null ? "" : line.phone());
        values.put("sms", line.sms() == null ? "" : line.sms());
        values.put("link", line.link() == null ? "" : line.link());
        values.put("about", line.about(locale));
        return values;
    }

    private static List<CrisisLine> speakersFirst(List<CrisisLine> lines, Locale locale) {
        return lines.stream().sorted(Comparator.comparing(l -> !l.speaks(locale))).toList();
    }

    static CrisisLines load(EmergencyNumbers emergencyNumbers) {
        DataFile file = DataFile.of(FILE);
        Map<String, Object> root = DataFile.load(FILE);
        LocalDate listedAsOf = file.date(root, "listedAsOf", "the file");
        List<CrisisLine> fallback = new ArrayList<>();
        for (Map<String, Object> raw : file.maps(root.get("fallback"), "fallback")) {
            fallback.add(line(file, raw, null, "fallback"));
        }
        if (fallback.isEmpty()) {
            throw file.problem("the file", "needs at least one international line under 'fallback'");
        }
        Map<String, List<CrisisLine>> countries = new LinkedHashMap<>();
        Set<String> known = Set.of(Locale.getISOCountries());
        file.map(root.get("countries"), "countries").forEach((code, value) -> {
            if (!known.contains(code)) {
                throw file.problem("countries." + code, "is not an ISO 3166-1 alpha-2 country code");
            }
            Map<String, Object> raw = file.map(value, "countries." + code);
            List<CrisisLine> lines = new ArrayList<>();
            for (Map<String, Object> rawLine : file.maps(raw.get("lines"), "countries." + code + ".lines")) {
                lines.add(line(file, rawLine, code, "countries." + code));
            }
            if (lines.isEmpty()) {
                throw file.problem("countries." + code, "has no lines");
            }
            if (emergencyNumbers.forCountry(code).flatMap(EmergencyNumber::first).isEmpty()) {
                throw file.problem("countries." + code, "has lines but no emergency number in " + EmergencyNumbers.FILE);
            }
            countries.put(code, lines);
        });
        Set<String> ids = new TreeSet<>();
        countries.values().forEach(c -> c.forEach(l -> unique(file, ids, l.id())));
        fallback.forEach(l -> unique(file, ids, l.id()));
        return new CrisisLines(countries, fallback, emergencyNumbers, listedAsOf);
    }

    private static void unique(DataFile file, Set<String> ids, String id) {
        if (!ids.add(id)) {
            throw file.problem("line " + id, "appears twice");
        }
    }

    private static CrisisLine line(DataFile file, Map<String, Object> raw, String country, String where) {
        String id = file.text(raw, "id", where);
        String at = where + " line " + id;
        Map<String, String> about = new LinkedHashMap<>();
        file.map(raw.get("about"), at + " about").forEach((lang, text) -> about.put(lang, String.valueOf(text).strip()));
        if (!about.containsKey("en") || !about.containsKey("es")) {
            throw file.problem(at, "needs 'about' in en and es");
        }
        try {
            return new CrisisLine(id, country, file.text(raw, "name", at), file.optionalText(raw, "phone"),
                    file.optionalText(raw, "sms"), file.optionalText(raw, "link"), about,
                    file.texts(raw, "languages", at), file.date(raw, "verified", at), file.text(raw, "source", at));
        } catch (IllegalArgumentException e) {
            throw file.problem(at, e.getMessage());
        }
    }
}
