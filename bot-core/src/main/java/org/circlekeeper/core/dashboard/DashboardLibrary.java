package org.circlekeeper.core.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.circle.CalendarFeed;
import org.circlekeeper.core.resource.ResourceLibrary;

/**
 * The organisers' page's library and calendar-feed pages as the core serves them: read through the resource feature's
 * {@link ResourceLibrary} and the circles' {@link CalendarFeed}, the same stores chat reads. It changes nothing: the
 * page's changes are {@code /library} and {@code /circle feed rotate}, sent through the engine.
 */
public final class DashboardLibrary {

    private final ResourceLibrary library;
    private final CalendarFeed feed;
    private final Optional<DashboardAddress> address;

    DashboardLibrary(ResourceLibrary library, CalendarFeed feed, Optional<DashboardAddress> address) {
        this.library = Objects.requireNonNull(library, "library");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.address = Objects.requireNonNull(address, "address");
    }

    /** The session's community's library, grouped by kind in the catalog's order, in the reader's language. */
    public LibraryShelf shelf(WebSession session, PageTexts texts) {
        ResourceLibrary.Shelf shelf = library.shelf(session.signIn().community(), texts, texts.zone());
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, List<LibraryShelf.Entry>> byKind = new LinkedHashMap<>();
        for (ResourceLibrary.Entry e : shelf.entries()) {
            labels.putIfAbsent(e.kind(), e.kindLabel());
            byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(new LibraryShelf.Entry(e.id(), e.kind(), e.title(),
                    e.summary(), e.details(), e.contact(), e.tags(), e.countries(), e.own(), e.hidden()));
        }
        List<LibraryShelf.Group> groups = new ArrayList<>();
        byKind.forEach((kind, entries) -> groups.add(new LibraryShelf.Group(kind, labels.get(kind), entries)));
        List<LibraryShelf.Report> reports = shelf.reports().stream()
                .map(r -> new LibraryShelf.Report(r.name(), r.country(), r.contact(), r.count(), r.last())).toList();
        List<LibraryShelf.Line> lines = shelf.lines().stream()
                .map(l -> new LibraryShelf.Line(l.name(), l.country(), l.contact(), l.source(), l.verified())).toList();
        return new LibraryShelf(groups, reports, lines, shelf.listedAsOf());
    }

    /**
     * The full address of the session's community's calendar feed, as {@code /circle feed} gives it (made on first use).
     * A bearer secret: whoever has it reads the circles' names and times; never log it.
     */
    public String feedAddress(WebSession session) {
        DashboardAddress base = address.orElseThrow(() -> new IllegalStateException("the organisers' page has no public address"));
        return base.base() + feed.path(session.signIn().community());
    }
}
