package org.circlekeeper.core.resource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A search as the index sees it: an optional kind filter, the plain terms (lower case, no
 * accents, no stop words) and the countries it names (ISO 3166-1 alpha-2 codes), whose services
 * it may show besides those of the member's own country. Its {@link #canonical()} form is short
 * enough to ride in a "more" button, so the next page runs exactly the same search.
 */
public record SearchQuery(ResourceKind kind, List<String> terms, Set<String> countries) {

    /** The bytes a canonical query may take inside a button's action id ({@code resource.more:<page>:<query>}). */
    public static final int MAX_CANONICAL_BYTES = 46;

    public SearchQuery {
        terms = List.copyOf(terms);
        countries = Collections.unmodifiableSet(new TreeSet<>(countries));
    }

    /** A search that names no country. */
    public SearchQuery(ResourceKind kind, List<String> terms) {
        this(kind, terms, Set.of());
    }

    public Optional<ResourceKind> kindFilter() {
        return Optional.ofNullable(kind);
    }

    /** True when there is nothing to search for, no kind and no country to list. */
    public boolean isEmpty() {
        return kind == null && terms.isEmpty() && countries.isEmpty();
    }

    /** The words searched for, as shown back to the member. */
    public String words() {
        return String.join(" ", terms);
    }

    /**
     * The kind id (if any), the named countries' codes in capitals and the terms, e.g.
     * {@code helpline JP anxiety}; parsed again it gives the same search.
     */
    public String canonical() {
        List<String> parts = new ArrayList<>();
        if (kind != null) {
            parts.add(kind.id());
        }
        parts.addAll(countries);
        parts.addAll(terms);
        return String.join(" ", parts);
    }

    /** The same query with trailing terms dropped until its canonical form fits in a button. */
    SearchQuery fitted() {
        List<String> kept = new ArrayList<>(terms);
        while (!kept.isEmpty() && new SearchQuery(kind, kept).canonical().getBytes(StandardCharsets.UTF_8).length > MAX_CANONICAL_BYTES) {
            kept.remove(kept.size() - 1);
        }
        List<String> named = new ArrayList<>(countries);
        while (!named.isEmpty() && new SearchQuery(kind, kept, Set.copyOf(named)).canonical().getBytes(StandardCharsets.UTF_8).length > MAX_CANONICAL_BYTES) {
            named.remove(named.size() - 1);
        }
        return new SearchQuery(kind, kept, Set.copyOf(named));
    }
}
