package org.circlekeeper.core.resource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.EngineMessages;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.member.CountryLookup;
import org.circlekeeper.core.message.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organisers' side of {@code /resource}: add, edit and remove their community's own entries, hide and unhide
 * shipped ones (never a crisis line), and read and clear the outdated-number reports. Every answer is private.
 */
final class ResourceManagement {

    /** The first words of {@code /resource} that manage entries instead of searching. */
    static final Set<String> WORDS = Set.of("add", "edit", "remove", "hide", "unhide", "reports");
    /** A community's own ids start with this, so they never collide with shipped ones and never look like a search word. */
    static final String OWN_PREFIX = "c-";

    private static final Logger LOG = LoggerFactory.getLogger(ResourceManagement.class);
    private static final Map<String, String> EDIT_FIELDS = Map.ofEntries(
            Map.entry("title", "title"), Map.entry("titulo", "title"),
            Map.entry("summary", "summary"), Map.entry("resumen", "summary"),
            Map.entry("details", "details"), Map.entry("detalles", "details"),
            Map.entry("link", "link"), Map.entry("enlace", "link"), Map.entry("phone", "link"), Map.entry("telefono", "link"),
            Map.entry("tags", "tags"), Map.entry("etiquetas", "tags"),
            Map.entry("kind", "kind"), Map.entry("tipo", "kind"));

    private final ResourceCatalog catalog;
    private final ResourceStore store;
    private final CrisisLines crisisLines;
    private final ActionSpec clearReports = new ActionSpec("resource.clear-reports", Audience.ORGANISER, this::onClearReports);

    ResourceManagement(ResourceCatalog catalog, ResourceStore store, CrisisLines crisisLines) {
        this.catalog = catalog;
        this.store = store;
        this.crisisLines = crisisLines;
    }

    /** The button that clears the outdated-number reports. */
    ActionSpec clearReports() {
        return clearReports;
    }

    /** Runs an organiser's {@code /resource add|edit|remove|hide|unhide|reports …}; members are kindly refused. */
    void manage(Turn turn, String action, String rest) {
        if (!turn.context().isOrganiser()) {
            turn.replyPrivately(EngineMessages.ORGANISERS_ONLY, "command", "/resource " + action);
            return;
        }
        switch (action) {
            case "add" -> add(turn, rest);
            case "edit" -> edit(turn, rest);
            case "remove" -> remove(turn, rest);
            case "hide" -> hide(turn, rest);
            case "unhide" -> unhide(turn, rest);
            case "reports" -> reports(turn);
            default -> throw new IllegalStateException("unhandled management word " + action);
        }
    }

    private void add(Turn turn, String rest) {
        String[] kindAndRest = rest.split("\\s+", 2);
        if (rest.isEmpty() || kindAndRest.length < 2) {
            turn.replyPrivately(ResourceMessages.ADD_USAGE);
            return;
        }
        String[] parts = kindAndRest[1].split("\\|", -1);
        if (ResourceKind.parse(kindAndRest[0]).isPresent() && (parts.length < 2 || parts.length > 4)) {
            turn.replyPrivately(ResourceMessages.ADD_USAGE);
            return;
        }
        add(turn, kindAndRest[0], parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "",
                parts.length > 3 ? parts[3] : "");
    }

    /**
     * Adds one of the community's own entries from its parts as an organiser gave them ({@code /resource add} typed with
     * bars, or {@code /library add} with named options): each part checked, the organiser told kindly what is wrong.
     */
    void add(Turn turn, String kindGiven, String titleGiven, String summaryGiven, String contactGiven, String tagsGiven) {
        Optional<ResourceKind> kind = ResourceKind.parse(kindGiven);
        if (kind.isEmpty()) {
            turn.replyPrivately(ResourceMessages.ADD_UNKNOWN_KIND, "given", kindGiven);
            return;
        }
        Optional<String> title = EntryInput.title(turn, titleGiven);
        Optional<String> summary = title.flatMap(t -> EntryInput.summary(turn, summaryGiven));
        if (summary.isEmpty()) {
            return;
        }
        Optional<EntryInput.Contact> contact = EntryInput.contact(turn, contactGiven);
        Optional<List<String>> tags = contact.flatMap(c -> EntryInput.tags(turn, tagsGiven));
        if (tags.isEmpty()) {
            return;
        }
        CommunityCatalog own = store.catalog(turn.community());
        if (own.entries().size() >= ResourceStore.MAX_ENTRIES) {
            turn.replyPrivately(ResourceMessages.FULL, "max", ResourceStore.MAX_ENTRIES);
            return;
        }
        String id = newId(title.get(), own);
        String language = turn.locale().getLanguage();
        Resource entry = new Resource(id, kind.get(), Map.of(language, new ResourceText(title.get(), summary.get(), "", tags.get())),
                List.of(), contact.get().link(), contact.get().phone(), null, today(turn), "", Resource.Origin.COMMUNITY);
        store.save(turn.community(), entry);
        LOG.info("a community added resource {} on {}", id, turn.community().platform().id());
        turn.replyPrivately(ResourceMessages.ADDED, "title", title.get(), "id", id);
    }

    private void edit(Turn turn, String rest) {
        String[] words = rest.split("\\s+", 3);
        String fields = "title, summary, details, link, tags, kind";
        if (rest.isEmpty() || words.length < 2) {
            turn.replyPrivately(ResourceMessages.EDIT_USAGE, "fields", fields);
            return;
        }
        Optional<Resource> found = own(turn, words[0]);
        if (found.isEmpty()) {
            return;
        }
        String field = EDIT_FIELDS.get(WordForms.fold(words[1]));
        if (field == null) {
            turn.replyPrivately(ResourceMessages.EDIT_UNKNOWN_FIELD, "field", words[1], "fields", fields);
            return;
        }
        String value = words.length > 2 ? words[2].strip() : "";
        Optional<Resource> changed = changed(turn, found.get(), field, value);
        if (changed.isPresent()) {
            store.save(turn.community(), changed.get().withVerified(today(turn)));
            turn.replyPrivately(ResourceMessages.EDITED, "id", found.get().id(), "field", field);
        }
    }

    /**
     * Changes several fields of one of the community's own entries at once ({@code /library edit}, each field a named
     * option): every value is checked as {@code /resource edit} checks it, and nothing is saved unless all are right.
     * An empty value, or the value the entry has, is no change (a form sends every field, prefilled); {@code -} clears
     * details, link and tags, as in chat.
     */
    void edit(Turn turn, String id, Map<String, String> values) {
        Optional<Resource> found = own(turn, id.strip().toLowerCase(Locale.ROOT));
        if (found.isEmpty()) {
            return;
        }
        Resource entry = found.get();
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            String field = EDIT_FIELDS.get(WordForms.fold(value.getKey()));
            if (field == null) {
                throw new IllegalArgumentException("no such field of an entry: " + value.getKey());
            }
            if (value.getValue() == null || value.getValue().isBlank()) {
                continue;
            }
            Optional<Resource> changed = changed(turn, entry, field, value.getValue().strip());
            if (changed.isEmpty()) {
                return;
            }
            if (!changed.get().equals(entry)) {
                entry = changed.get();
                fields.add(field);
            }
        }
        if (fields.isEmpty()) {
            turn.replyPrivately(ResourceMessages.EDIT_NOTHING, "id", entry.id());
            return;
        }
        store.save(turn.community(), entry.withVerified(today(turn)));
        turn.replyPrivately(ResourceMessages.EDITED, "id", entry.id(), "field", String.join(", ", fields));
    }

    private Optional<Resource> changed(Turn turn, Resource entry, String field, String value) {
        ResourceText text = entry.texts().get(entry.language());
        switch (field) {
            case "title":
                return EntryInput.title(turn, value).map(t -> entry.withText(text.withTitle(t)));
            case "summary":
                return EntryInput.summary(turn, value).map(s -> entry.withText(text.withSummary(s)));
            case "details":
                String details = value.equals("-") ? "" : value.replace("\\n", "\n").strip();
                if (details.codePointCount(0, details.length()) > EntryInput.DETAILS_MAX) {
                    turn.replyPrivately(ResourceMessages.BAD_DETAILS, "max", EntryInput.DETAILS_MAX);
                    return Optional.empty();
                }
                return Optional.of(entry.withText(text.withDetails(details)));
            case "link":
                return EntryInput.contact(turn, value.equals("-") ? "" : value).map(c -> entry.withContact(c.link(), c.phone()));
            case "tags":
                return EntryInput.tags(turn, value.equals("-") ? "" : value).map(t -> entry.withText(text.withTags(t)));
            case "kind":
                Optional<ResourceKind> kind = ResourceKind.parse(value);
                if (kind.isEmpty()) {
                    turn.replyPrivately(ResourceMessages.ADD_UNKNOWN_KIND, "given", value);
                }
                return kind.map(entry::withKind);
            default:
                throw new IllegalStateException("unhandled field " + field);
        }
    }

    void remove(Turn turn, String rest) {
        String id = firstWord(rest);
        if (id.isEmpty()) {
            turn.replyPrivately(ResourceMessages.ID_USAGE, "command", "/resource remove");
            return;
        }
        Optional<Resource> found = own(turn, id);
        if (found.isPresent() && store.remove(turn.community(), id)) {
            turn.replyPrivately(ResourceMessages.REMOVED, "id", id, "title", found.get().text(turn.locale()).title());
        }
    }

    void hide(Turn turn, String rest) {
        String id = firstWord(rest);
        if (id.isEmpty()) {
            turn.replyPrivately(ResourceMessages.ID_USAGE, "command", "/resource hide");
            return;
        }
        Optional<Resource> shipped = catalog.entry(id);
        if (shipped.isEmpty()) {
            boolean isOwn = store.catalog(turn.community()).entries().stream().anyMatch(e -> e.id().equals(id));
            turn.replyPrivately(isOwn ? ResourceMessages.HIDE_OWN : ResourceMessages.NOT_FOUND, "id", id);
            return;
        }
        if (shipped.get().kind() == ResourceKind.CRISIS_LINE) {
            turn.replyPrivately(ResourceMessages.HIDE_CRISIS, "id", id);
            return;
        }
        if (store.hide(turn.community(), id)) {
            turn.replyPrivately(ResourceMessages.HIDDEN, "id", id, "title", shipped.get().text(turn.locale()).title());
        } else {
            turn.replyPrivately(ResourceMessages.ALREADY_HIDDEN, "id", id);
        }
    }

    void unhide(Turn turn, String rest) {
        String id = firstWord(rest);
        if (id.isEmpty()) {
            turn.replyPrivately(ResourceMessages.ID_USAGE, "command", "/resource unhide");
            return;
        }
        Optional<Resource> shipped = catalog.entry(id);
        if (shipped.isEmpty()) {
            turn.replyPrivately(ResourceMessages.NOT_FOUND, "id", id);
        } else if (store.unhide(turn.community(), id)) {
            turn.replyPrivately(ResourceMessages.UNHIDDEN, "id", id, "title", shipped.get().text(turn.locale()).title());
        } else {
            turn.replyPrivately(ResourceMessages.NOT_HIDDEN, "id", id);
        }
    }

    void reports(Turn turn) {
        List<OutdatedReport> reports = store.outdatedReports(turn.community());
        if (reports.isEmpty()) {
            turn.replyPrivately(ResourceMessages.REPORTS_NONE);
            return;
        }
        Locale locale = turn.locale();
        List<Map<String, Object>> items = new ArrayList<>();
        for (OutdatedReport report : reports) {
            Optional<CrisisLine> line = crisisLines.line(report.lineId());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", line.map(CrisisLine::name).orElse(report.lineId()));
            item.put("country", line.map(CrisisLine::country).map(c -> CountryLookup.displayName(c, locale)).orElse("—"));
            item.put("contact", line.map(ResourceManagement::contactOf).orElse(""));
            item.put("count", report.count());
            item.put("last", ResourceFeature.date(report.lastReported().atZone(turn.zone()).toLocalDate(), locale));
            items.add(item);
        }
        turn.replyPrivately(turn.compose(ResourceMessages.REPORTS, "reports", items, "listedAsOf", ResourceFeature.date(crisisLines.listedAsOf(), locale))
                .button(clearReports.button(turn.text(ResourceMessages.REPORTS_CLEAR), "all"))
                .build());
    }

    private void onClearReports(Turn turn, String argument) {
        store.clearOutdatedReports(turn.community());
        turn.replaceOrigin(turn.compose(ResourceMessages.REPORTS_CLEARED).visibility(Visibility.PRIVATE).build());
    }

    private Optional<Resource> own(Turn turn, String id) {
        if (catalog.contains(id)) {
            turn.replyPrivately(ResourceMessages.EDIT_SHIPPED, "id", id);
            return Optional.empty();
        }
        Optional<Resource> found = store.catalog(turn.community()).entries().stream().filter(e -> e.id().equals(id)).findFirst();
        if (found.isEmpty()) {
            turn.replyPrivately(ResourceMessages.NOT_FOUND, "id", id);
        }
        return found;
    }

    /** {@code c-} and the title as a slug, made unique among shipped and own ids. */
    private String newId(String title, CommunityCatalog own) {
        String slug = WordForms.fold(title).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            slug = "entry";
        }
        String base = OWN_PREFIX + (slug.length() > 32 ? slug.substring(0, 32).replaceAll("-+$", "") : slug);
        if (base.length() < 3) {
            base = base + "-1";
        }
        Set<String> taken = own.entries().stream().map(Resource::id).collect(Collectors.toSet());
        String id = base;
        for (int n = 2; taken.contains(id) || catalog.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static String contactOf(CrisisLine line) {
        return line.phone() != null ? line.phone() : line.sms() != null ? line.sms() : ResourceFeature.orEmpty(line.link());
    }

    private static LocalDate today(Turn turn) {
        return turn.localNow().toLocalDate();
    }

    private static String firstWord(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? "" : stripped.split("\\s+")[0].toLowerCase(Locale.ROOT);
    }
}
