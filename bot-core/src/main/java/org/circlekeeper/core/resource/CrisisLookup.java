package org.circlekeeper.core.resource;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What to show someone who may be in crisis: the lines of their country (empty when the country is
 * unknown or not in the directory), the international fallback (always), and the country's
 * emergency number(s) when the country is known.
 */
public record CrisisLookup(Optional<String> country, List<CrisisLine> lines, List<CrisisLine> fallback,
                           Optional<EmergencyNumber> emergencyNumber, Locale locale) {

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
        return Stream.concat(lines.stream(), fallback.stream()).toList();
    }

    /** The number to call first in an emergency, when the country and its number are known. */
    public Optional<String> emergency() {
        return emergencyNumber.flatMap(EmergencyNumber::first);
    }

    /**
     * The lines shown with a phone or text number that a member could find outdated: the country's
     * own (the international ones are directories reached by a link).
     */
    public List<CrisisLine> reportable() {
        return lines.stream().filter(l -> l.phone() != null || l.sms() != null).toList();
    }
}
