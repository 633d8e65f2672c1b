package org.circlekeeper.core.circle;

import com.ibm.icu.text.Transliterator;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.circlekeeper.core.template.Markup;

/**
 * Makes a circle's short id from its name ({@code "Tuesday circle"} → {@code tuesday-circle}), unique in
 * its community, and finds the circle a member meant when they typed its name instead.
 */
final class CircleIds {

    static final int MAX_LENGTH = 16;
    /** Words that mean something else where an id is typed ({@code /remind all 1h}). */
    private static final Set<String> RESERVED = Set.of("all", "todos", "todas", "off", "none", "no");
    private static final Transliterator TO_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    private CircleIds() {
    }

    /** The first free id for the name: its slug, then {@code slug-2}, {@code slug-3}… */
    static String free(String name, Collection<String> taken) {
        String base = slug(name);
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String stem = base.length() + suffix.length() > MAX_LENGTH ? base.substring(0, MAX_LENGTH - suffix.length()) : base;
            String candidate = trimHyphens(stem) + suffix;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * Lower-case ASCII letters and digits joined by hyphens, at most 16 characters, that a member can
     * type and recognise: a name in another script is transliterated ({@code Привет} → {@code privet},
     * {@code 你好} → {@code ni-hao}, {@code שלום} → {@code slwm}); a name of symbols only is named by
     * them ({@code 🌱🌱🌱} → {@code seedling}); {@code circle} when nothing is left.
     */
    static String slug(String name) {
        String text = Markup.isolate(name == null ? "" : name).replaceAll("[\u2068\u2069]", "");
        String slug = hyphenated(latin(text));
        if (slug.isEmpty()) {
            slug = hyphenated(symbolNames(text));
        }
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = trimHyphens(cut >= 4 ? slug.substring(0, cut) : slug.substring(0, MAX_LENGTH));
        }
        if (slug.isEmpty()) {
            return "circle";
        }
        return RESERVED.contains(slug) ? "circle-" + slug : slug;
    }

    private static String hyphenated(String text) {
        return trimHyphens(WhenParser.fold(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }

    /** The text in Latin letters, as ICU transliterates it (one transliterator, which is not safe for two threads at once). */
    private static String latin(String text) {
        synchronized (TO_LATIN) {
            return TO_LATIN.transliterate(text);
        }
    }

    /** The names of the text's symbols ({@code 🌱} → {@code seedling}), each once, in order. */
    private static String symbolNames(String text) {
        Set<String> names = new LinkedHashSet<>();
        text.codePoints().filter(c -> Character.getType(c) == Character.OTHER_SYMBOL || Character.getType(c) == Character.MATH_SYMBOL)
                .mapToObj(Character::getName).filter(Objects::nonNull).forEach(names::add);
        return String.join(" ", names);
    }

    /**
     * The circles a member meant by a name typed where an id is asked: the same name (ignoring case,
     * accents, spacing and bidi controls), or whose id the typed text would make.
     */
    static List<Circle> byName(Collection<Circle> circles, String typed) {
        String key = nameKey(typed);
        String asId = slug(typed);
        List<Circle> same = circles.stream().filter(c -> nameKey(c.name()).equals(key)).toList();
        return same.isEmpty() ? circles.stream().filter(c -> c.id().equals(asId)).toList() : same;
    }

    /** A name as compared when typed: folded, lower-case, single-spaced, without bidi controls or quotes. */
    static String nameKey(String name) {
        String plain = Markup.isolate(name == null ? "" : name).replaceAll("[\u2068\u2069\"]", "");
        return WhenParser.fold(plain).toLowerCase(Locale.ROOT);
    }

    /** The id as typed, normalised for lookup ({@code Tuesday} → {@code tuesday}). */
    static String normalise(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    private static String trimHyphens(String text) {
        return text.replaceAll("^-+|-+$", "");
    }
}
