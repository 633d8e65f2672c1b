package org.circlekeeper.core.resource;

import java.util.List;
import java.util.Set;

/**
 * A community's own part of the catalog as stored: its entries, the shipped ids it hid, and the
 * version that changes with every edit (the search index is rebuilt when it moves).
 */
public record CommunityCatalog(long version, List<Resource> entries, Set<String> hidden) {

    public static final CommunityCatalog EMPTY = new CommunityCatalog(0, List.of(), Set.of());

    public CommunityCatalog {
        entries = List.copyOf(entries);
        hidden = Set.copyOf(hidden);
    }

    public boolean isEmpty() {
        return entries.isEmpty() && hidden.isEmpty();
    }
}
