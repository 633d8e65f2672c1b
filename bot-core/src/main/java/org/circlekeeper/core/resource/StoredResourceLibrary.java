package org.circlekeeper.core.resource;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.circlekeeper.core.member.CountryLookup;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.template.Speech;

/** The {@link ResourceLibrary} read from the shipped catalog, the crisis-line directory and the community's store. */
final class StoredResourceLibrary implements ResourceLibrary {

    private final ResourceCatalog catalog;
    private final ResourceStore store;
    private final CrisisLines crisisLines;

    StoredResourceLibrary(ResourceCatalog catalog, ResourceStore store, CrisisLines crisisLines) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.store = Objects.requireNonNull(store, "store");
        this.crisisLines = Objects.requireNonNull(crisisLines, "crisisLines");
    }

    @Override
    public Shelf shelf(CommunityRef community, Speech speech, ZoneId zone) {
        Locale locale = speech.locale();
        CommunityCatalog own = store.catalog(community);
        List<Entry> entries = new ArrayList<>();
        for (Resource entry : catalog.entries()) {
            if (entry.kind() != ResourceKind.CRISIS_LINE) {
                entries.add(entry(entry, entry.text(locale), speech, own.hidden()));
            }
        }
        for (Resource entry : own.entries()) {
            entries.add(entry(entry, entry.texts().get(entry.language()), speech, Set.of()));
        }
        entries.sort(Comparator.comparing((Entry e) -> ResourceKind.fromId(e.kind()).orElseThrow().ordinal())
                .thenComparing(e -> e.title().toLowerCase(locale)));
        List<Report> reports = new ArrayList<>();
        for (OutdatedReport report : store.outdatedReports(community)) {
            Optional<CrisisLine> line = crisisLines.line(report.lineId());
            reports.add(new Report(report.lineId(), line.map(CrisisLine::name).orElse(report.lineId()),
                    line.map(l -> country(l, locale, speech)).orElse(""), line.map(StoredResourceLibrary::contact).orElse(""),
                    report.count(), ResourceFeature.date(report.lastReported().atZone(zone).toLocalDate(), locale)));
        }
        List<Line> lines = new ArrayList<>();
        for (CrisisLine line : crisisLines.all()) {
            String source = SourceNote.of(line.source()).map(n -> speech.text(n.key(), n.values())).orElse(line.source());
            lines.add(new Line(line.id(), line.name(), country(line, locale, speech), contact(line), source,
                    ResourceFeature.date(line.verified(), locale)));
        }
        return new Shelf(entries, reports, lines, ResourceFeature.date(crisisLines.listedAsOf(), locale));
    }

    private static Entry entry(Resource entry, ResourceText text, Speech speech, Set<String> hidden) {
        String countries = entry.countries().stream().map(c -> CountryLookup.displayName(c, speech.locale()))
                .collect(Collectors.joining(", "));
        String contact = entry.link() != null ? entry.link() : ResourceFeature.orEmpty(entry.phone());
        return new Entry(entry.id(), entry.kind().id(), speech.text(ResourceMessages.KINDS.get(entry.kind())), text.title(),
                text.summary(), text.details(), contact, String.join(", ", text.tags()), countries, !entry.isShipped(),
                hidden.contains(entry.id()));
    }

    private static String country(CrisisLine line, Locale locale, Speech speech) {
        return line.isInternational() ? speech.text(ResourceMessages.LIBRARY_INTERNATIONAL) : CountryLookup.displayName(line.country(), locale);
    }

    static String contact(CrisisLine line) {
        return line.phone() != null ? line.phone() : line.sms() != null ? line.sms() : ResourceFeature.orEmpty(line.link());
    }
}
