package org.circlekeeper.core.template;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages circlekeeper speaks. Adding one means adding a messages file beside the others. */
public final class Locales {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SPANISH = Locale.forLanguageTag("es");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, SPANISH);

    private Locales() {
    }

    /** The supported locale for a language tag such as {@code es-MX} or {@code EN}, if any. */
    public static Optional<Locale> supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    public static Optional<Locale> supported(Locale locale) {
        return locale == null ? Optional.empty() : supported(locale.toLanguageTag());
    }

    /** A typed word as it is compared: lower case, accents removed ({@code Sí} and {@code si} are the same). */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    public static List<String> tags() {
        return SUPPORTED.stream().map(Locale::getLanguage).toList();
    }
}
