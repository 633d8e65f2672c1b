package org.circlekeeper.core.circle;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/** Makes a circle's short id from its name ({@code "Tuesday circle"} → {@code tuesday-circle}), unique in its community. */
final class CircleIds {

    static final int MAX_LENGTH = 16;
    /** Words that mean something else where an id is typed ({@code /remind all 1h}). */
    private static final Set<String> RESERVED = Set.of("all", "todos", "todas", "off", "none", "no");

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

    /** Lower-case ASCII letters and digits joined by hyphens, at most 16 characters; {@code circle} when nothing is left. */
    static String slug(String name) {
        String folded = WhenParser.fold(name == null ? "" : name).toLowerCase(Locale.ROOT);
        String slug = trimHyphens(folded.replaceAll("[^a-z0-9]+", "-"));
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = trimHyphens(cut >= 4 ? slug.substring(0, cut) : slug.substring(0, MAX_LENGTH));
        }
        if (slug.isEmpty()) {
            return "circle";
        }
        return RESERVED.contains(slug) ? "circle-" + slug : slug;
    }

    /** The id as typed, normalised for lookup ({@code Tuesday} → {@code tuesday}). */
    static String normalise(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    private static String trimHyphens(String text) {
        return text.replaceAll("^-+|-+$", "");
    }
}
