package org.circlekeeper.core.resource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The emergency numbers of every country ({@code templates/resources/emergency-numbers.yml}), so
 * that a crisis reply names the number to call wherever the member lives, with or without a
 * crisis line there.
 */
public final class EmergencyNumbers {

    /** The data file, under {@code templates/}. */
    public static final String FILE = "resources/emergency-numbers.yml";

    /** A number as written: digits, optionally several joined by " / ". */
    private static final Pattern NUMBER = Pattern.compile("[0-9]{2,6}( / [0-9]{2,6})*");

    private final Map<String, EmergencyNumber> byCountry;
    private final LocalDate listedAsOf;

    private EmergencyNumbers(Map<String, EmergencyNumber> byCountry, LocalDate listedAsOf) {
        this.byCountry = Map.copyOf(byCountry);
        this.listedAsOf = listedAsOf;
    }

    /** The entry of a country (ISO alpha-2, any case). */
    public Optional<EmergencyNumber> forCountry(String country) {
        return country == null ? Optional.empty() : Optional.ofNullable(byCountry.get(country.strip().toUpperCase(Locale.ROOT)));
    }

    /** Every entry, by country code. */
    public Map<String, EmergencyNumber> all() {
        return new TreeMap<>(byCountry);
    }

    public LocalDate listedAsOf() {
        return listedAsOf;
    }

    static EmergencyNumbers load() {
        DataFile file = DataFile.of(FILE);
        Map<String, Object> root = DataFile.load(FILE);
        LocalDate listedAsOf = file.date(root, "listedAsOf", "the file");
        Map<String, String> sources = new TreeMap<>();
        file.map(root.get("sources"), "sources").forEach((key, text) -> sources.put(key, String.valueOf(text).strip()));
        Set<String> known = Set.of(Locale.getISOCountries());
        Map<String, EmergencyNumber> byCountry = new TreeMap<>();
        file.map(root.get("countries"), "countries").forEach((code, value) -> {
            String at = "countries." + code;
            if (!known.contains(code)) {
                throw file.problem(at, "is not an ISO 3166-1 alpha-2 country code");
            }
            Map<String, Object> raw = file.map(value, at);
            EmergencyNumber.Check check = EmergencyNumber.Check.fromId(file.text(raw, "check", at))
                    .orElseThrow(() -> file.problem(at, "has an unknown check '" + raw.get("check") + "'"));
            List<String> texts = new ArrayList<>();
            for (String key : file.texts(raw, "source", at)) {
                String text = sources.get(key);
                if (text == null) {
                    throw file.problem(at, "names a source '" + key + "' that 'sources' does not list");
                }
                texts.add(text);
            }
            try {
                byCountry.put(code, new EmergencyNumber(code, number(file, raw, "all", at), number(file, raw, "police", at),
                        number(file, raw, "ambulance", at), number(file, raw, "fire", at), texts, file.date(raw, "verified", at),
                        check, file.optionalText(raw, "note")));
            } catch (IllegalArgumentException e) {
                throw file.problem(at, e.getMessage());
            }
        });
        return new EmergencyNumbers(byCountry, listedAsOf);
    }

    private static String number(DataFile file, Map<String, Object> raw, String key, String at) {
        String value = file.optionalText(raw, key);
        if (value != null && !NUMBER.matcher(value).matches()) {
            throw file.problem(at, "'" + key + "' must be digits (several joined by \" / \"), not " + value);
        }
        return value;
    }
}
