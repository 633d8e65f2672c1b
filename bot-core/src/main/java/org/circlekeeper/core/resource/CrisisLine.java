package org.circlekeeper.core.resource;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One crisis line as publicly listed: how to reach it (phone, text message, link: at least one),
 * a short description per language, and when and where it was last checked.
 *
 * @param country ISO 3166-1 alpha-2 code, or null for an international line
 * @param about   one line per language ({@code en}, {@code es})
 */
public record CrisisLine(String id, String country, String name, String phone, String sms, String link,
                         Map<String, String> about, List<String> languages, LocalDate verified, String source) {

    public CrisisLine {
        Objects.requireNonNull(name, "name of " + id);
        Objects.requireNonNull(verified, "verified date of " + id);
        if (id == null || !Resource.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("crisis line id '" + id + "' must be 3-40 lower-case letters, digits or -");
        }
        if (phone == null && sms == null && link == null) {
            throw new IllegalArgumentException("crisis line " + id + " needs a phone number, a text number or a link");
        }
        about = Map.copyOf(about);
        languages = List.copyOf(languages);
        source = source == null ? "" : source;
    }

    /** The description in the member's language, else in English. */
    public String about(Locale locale) {
        String own = about.get(locale.getLanguage());
        return own != null ? own : about.getOrDefault("en", "");
    }

    public boolean isInternational() {
        return country == null;
    }

    /** True when the line answers in the member's language. */
    public boolean speaks(Locale locale) {
        return languages.contains(locale.getLanguage());
    }
}
