package org.circlekeeper.core.member;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.circlekeeper.core.template.Locales;

/** Turns a country code or name (in any supported language) into an ISO 3166-1 alpha-2 code. */
public final class CountryLookup {

    private final Map<String, String> codes = new HashMap<>();

    public CountryLookup() {
        for (String code : Locale.getISOCountries()) {
            codes.put(code.toLowerCase(Locale.ROOT), code);
            Locale country = new Locale.Builder().setRegion(code).build();
            for (Locale language : Locales.SUPPORTED) {
                codes.put(normalize(country.getDisplayCountry(language)), code);
            }
        }
        codes.put("uk", "GB");
        codes.put("usa", "US");
        codes.put("eeuu", "US");
    }

    public Optional<String> lookup(String typed) {
        return Optional.ofNullable(codes.get(normalize(typed)));
    }

    /** The country's name in the given language. */
    public static String displayName(String code, Locale language) {
        return new Locale.Builder().setRegion(code).build().getDisplayCountry(language);
    }

    private static String normalize(String text) {
        String stripped = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT).replace(".", "").replaceAll("\\s+", " ").strip();
    }
}
