package org.circlekeeper.core.resource;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What to show someone who may be in crisis: the lines of their country (empty when the country is
 * unknown or not in the directory), the international fallback (always), and the country's
 * emergency number when known.
 */
public record CrisisLookup(Optional<String> country, List<CrisisLine> lines, List<CrisisLine> fallback,
                           Optional<String> emergency, Locale locale) {

    public CrisisLookup {
        lines = List.copyOf(lines);
        fallback = List.copyOf(fallback);
    }

    /** True when there are lines for the member's own country. */
    public boolean hasLines() {
        return !lines.isEmpty();
    }

    /** Every line shown, the country's first. */
    public List<CrisisLine> all() {
        return java.util.stream.Stream.concat(lines.stream(), fallback.stream()).toList();
    }
}
