package org.circlekeeper.core.resource;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of the catalog: shipped with the bot (from {@code templates/resources}) or added by a
 * community's organisers. Its texts are keyed by language ({@code en}, {@code es}); the first is
 * its own language, used when the member's is missing.
 *
 * @param countries ISO 3166-1 alpha-2 codes where it applies; empty means anywhere
 * @param verified  when its text, link or number was last checked (for community entries: added or edited)
 * @param source    where it was checked, e.g. a website, or "Written for circlekeeper"
 */
public record Resource(String id, ResourceKind kind, Map<String, ResourceText> texts, List<String> countries,
                       String link, String phone, String sms, LocalDate verified, String source, Origin origin) {

    /** Ids are short slugs so that they fit in a button's action id and can be typed. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");

    /** Where an entry comes from. */
    public enum Origin { SHIPPED, COMMUNITY }

    public Resource {
        Objects.requireNonNull(kind, "kind of " + id);
        Objects.requireNonNull(origin, "origin of " + id);
        Objects.requireNonNull(verified, "verified date of " + id);
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("resource id '" + id + "' must be 3-40 lower-case letters, digits or -");
        }
        if (texts == null || texts.isEmpty()) {
            throw new IllegalArgumentException("resource " + id + " needs a text in at least one language");
        }
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
        countries = List.copyOf(countries);
        link = blankToNull(link);
        phone = blankToNull(phone);
        sms = blankToNull(sms);
        source = source == null ? "" : source;
    }

    /** The text in the member's language, else the entry's own. */
    public ResourceText text(Locale locale) {
        ResourceText own = texts.get(locale.getLanguage());
        return own != null ? own : texts.values().iterator().next();
    }

    /**
     * The name, in the reader's language, of the language the reader will see this entry in when it
     * has no text in theirs (e.g. {@code inglés}); empty when it has.
     */
    public String untranslatedLanguage(Locale reader) {
        return texts.containsKey(reader.getLanguage()) ? "" : Locale.forLanguageTag(language()).getDisplayLanguage(reader);
    }

    /** The language the entry was written in first. */
    public String language() {
        return texts.keySet().iterator().next();
    }

    public boolean isShipped() {
        return origin == Origin.SHIPPED;
    }

    /** A copy with the text of its own language replaced (community entries have one language). */
    public Resource withText(ResourceText text) {
        Map<String, ResourceText> changed = new LinkedHashMap<>(texts);
        changed.put(language(), text);
        return new Resource(id, kind, changed, countries, link, phone, sms, verified, source, origin);
    }

    public Resource withKind(ResourceKind newKind) {
        return new Resource(id, newKind, texts, countries, link, phone, sms, verified, source, origin);
    }

    public Resource withContact(String newLink, String newPhone) {
        return new Resource(id, kind, texts, countries, newLink, newPhone, sms, verified, source, origin);
    }

    public Resource withVerified(LocalDate date) {
        return new Resource(id, kind, texts, countries, link, phone, sms, date, source, origin);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
