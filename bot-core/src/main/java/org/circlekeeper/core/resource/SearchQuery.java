package org.circlekeeper.core.resource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A search as the index sees it: an optional kind filter and the plain terms (lower case, no
 * accents, no stop words). Its {@link #canonical()} form is short enough to ride in a "more"
 * button, so the next page runs exactly the same search.
 */
public record SearchQuery(ResourceKind kind, List<String> terms) {

    /** The bytes a canonical query may take inside a button's action id ({@code resource.more:<page>:<query>}). */
    public static final int MAX_CANONICAL_BYTES = 46;

    public SearchQuery {
        terms = List.copyOf(terms);
    }

    public Optional<ResourceKind> kindFilter() {
        return Optional.ofNullable(kind);
    }

    /** True when there is nothing to search for and no kind to list. */
    public boolean isEmpty() {
        return kind == null && terms.isEmpty();
    }

    /** The words searched for, as shown back to the member. */
    public String words() {
        return String.join(" ", terms);
    }

    /** The kind id (if any) followed by the terms, e.g. {@code technique sleep}. */
    public String canonical() {
        List<String> parts = new ArrayList<>();
        if (kind != null) {
            parts.add(kind.id());
        }
        parts.addAll(terms);
        return String.join(" ", parts);
    }

    /** The same query with trailing terms dropped until its canonical form fits in a button. */
    SearchQuery fitted() {
        List<String> kept = new ArrayList<>(terms);
        while (!kept.isEmpty() && new SearchQuery(kind, kept).canonical().getBytes(StandardCharsets.UTF_8).length > MAX_CANONICAL_BYTES) {
            kept.remove(kept.size() - 1);
        }
        return new SearchQuery(kind, kept);
    }
}
