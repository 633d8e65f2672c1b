package org.circlekeeper.core.resource;

import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which entries a member's search may show: entries for anywhere (international lines,
 * techniques, readings) always; an entry tied to countries only when one of them is the member's
 * own country or a country the search names. Entries of other countries are left out, not just
 * ranked lower: a helpline abroad is no help in a hard moment.
 *
 * @param home  the member's country ({@code /country}), if they set one
 * @param named the countries the search names (by name or code)
 */
public record CountryScope(Optional<String> home, Set<String> named) {

    public CountryScope {
        home = home.map(c -> c.strip().toUpperCase(Locale.ROOT)).filter(c -> !c.isEmpty());
        named = Collections.unmodifiableSet(new TreeSet<>(named));
    }

    /** The countries whose entries may be shown, besides entries for anywhere. */
    public Set<String> countries() {
        Set<String> all = new TreeSet<>(named);
        home.ifPresent(all::add);
        return Collections.unmodifiableSet(all);
    }

    /** True when the entry is for anywhere or for one of {@link #countries()}. */
    public boolean admits(Resource entry) {
        Set<String> countries = countries();
        return entry.countries().isEmpty() || entry.countries().stream().anyMatch(countries::contains);
    }
}
