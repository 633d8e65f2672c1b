package org.circlekeeper.core.resource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.EngineMessages;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.Plugin;
import org.circlekeeper.core.engine.Suggester;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.member.CountryLookup;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /resource}: members search the catalog ({@code /resource sleep}, {@code /resource technique
 * anxiety}), page through results and open an entry; organisers add, edit and remove their
 * community's own entries, hide shipped ones, and read the outdated-number reports. Every answer is
 * private: what someone looks for is their own business.
 */
public final class ResourceFeature implements Feature {

    /** How this feature plugs into the bot: its bundle, the stores it needs, how it is built. */
    public static final Plugin PLUGIN = new Plugin("resource", ResourceMessages.SEARCH.bundle(), List.of(ResourceStore.KEY, MemberSettingsStore.KEY),
            wiring -> {
                ResourceCatalog catalog = wiring.part(ResourceCatalog.class, ResourceCatalog::shipped);
                ResourceStore store = wiring.store(ResourceStore.KEY);
                return new ResourceFeature(new ResourceSearch(catalog, store, wiring.preferences(), wiring.store(MemberSettingsStore.KEY)),
                        catalog, store, wiring.part(CrisisLines.class, CrisisLines::shipped));
            });

    private static final Logger LOG = LoggerFactory.getLogger(ResourceFeature.class);

    /** The longest search a member may type; longer text is kindly refused. */
    static final int MAX_QUERY_CHARS = 100;
    /** The longest line the command takes (an organiser's {@code add} with a summary and tags). */
    static final int MAX_LINE_CHARS = 1_000;
    static final int TITLE_MIN = 3;
    static final int TITLE_MAX = 80;
    static final int SUMMARY_MIN = 10;
    static final int SUMMARY_MAX = 300;
    static final int DETAILS_MAX = 800;
    static final int TAGS_MAX = 8;
    static final int TAG_MAX_CHARS = 30;
    static final int TAGS_SUGGESTED = 12;
    /** A community's own ids start with this, so they never collide with shipped ones and never look like a search word. */
    static final String OWN_PREFIX = "c-";

    private static final Set<String> MANAGEMENT = Set.of("add", "edit", "remove", "hide", "unhide", "reports");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s()\\[\\]<>\"]{3,300}");
    private static final Pattern PHONE = Pattern.compile("[+*]?[0-9][0-9 ().-]{1,24}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Map<String, String> EDIT_FIELDS = Map.ofEntries(
            Map.entry("title", "title"), Map.entry("titulo", "title"),
            Map.entry("summary", "summary"), Map.entry("resumen", "summary"),
            Map.entry("details", "details"), Map.entry("detalles", "details"),
            Map.entry("link", "link"), Map.entry("enlace", "link"), Map.entry("phone", "link"), Map.entry("telefono", "link"),
            Map.entry("tags", "tags"), Map.entry("etiquetas", "tags"),
            Map.entry("kind", "kind"), Map.entry("tipo", "kind"));

    private final ResourceSearch search;
    private final ResourceCatalog catalog;
    private final ResourceStore store;
    private final CrisisLines crisisLines;
    private final ActionSpec open = new ActionSpec("resource.open", Audience.MEMBER, this::onOpen);
    private final ActionSpec more = new ActionSpec("resource.more", Audience.MEMBER, this::onMore);
    private final ActionSpec clearReports = new ActionSpec("resource.clear-reports", Audience.ORGANISER, this::onClearReports);

    public ResourceFeature(ResourceSearch search, ResourceCatalog catalog, ResourceStore store, CrisisLines crisisLines) {
        this.search = search;
        this.catalog = catalog;
        this.store = store;
        this.crisisLines = crisisLines;
    }

    @Override
    public String id() {
        return "resource";
    }

    @Override
    public String helpTopic() {
        return "resources";
    }

    @Override
    public List<CommandSpec> commands() {
        Suggester suggester = (context, partial) -> search.suggest(context, partial).stream()
                .map(s -> new Suggester.Suggestion(shorten(s.title(), 100), s.id())).toList();
        return List.of(CommandSpec.command("resource", ResourceMessages.CMD_RESOURCE)
                .example(ResourceMessages.CMD_RESOURCE_EXAMPLE)
                .option(OptionSpec.text("query", ResourceMessages.OPT_RESOURCE_QUERY).length(1, MAX_LINE_CHARS).suggestions(suggester))
                .handler(this::resource)
                .build());
    }

    @Override
    public List<ActionSpec> actions() {
        return List.of(open, more, clearReports);
    }

    @Override
    public List<MessageKey> messages() {
        List<MessageKey> keys = new ArrayList<>(ResourceMessages.SEARCH.keys());
        keys.addAll(SourceNote.KEYS.keys());
        return keys;
    }

    /**
     * Keeps nothing about members: a community's entries do not record who added them, and
     * outdated-number reports do not record who reported.
     */
    @Override
    public List<PersonalData> personalData() {
        return List.of();
    }

    private void resource(Turn turn, Args args) {
        String typed = args.optional("query").map(String::strip).orElse("");
        if (typed.isEmpty()) {
            turn.replyPrivately(ResourceMessages.GUIDE, "organiser", turn.context().isOrganiser());
            return;
        }
        String[] split = typed.split("\\s+", 2);
        String first = split[0].toLowerCase(Locale.ROOT);
        if (MANAGEMENT.contains(first)) {
            manage(turn, first, split.length > 1 ? split[1].strip() : "");
            return;
        }
        int length = typed.codePointCount(0, typed.length());
        if (length > MAX_QUERY_CHARS) {
            turn.replyPrivately(ResourceMessages.TOO_LONG, "max", MAX_QUERY_CHARS, "length", length);
            return;
        }
        if (typed.indexOf('-') > 0 && Resource.ID.matcher(typed).matches()) {
            Optional<Resource> exact = search.find(turn.community(), typed);
            if (exact.isPresent()) {
                showEntry(turn, exact.get());
                return;
            }
        }
        SearchQuery query = search.parse(typed);
        String words = query.kind() == null ? typed : (split.length > 1 ? split[1].strip() : "");
        showPage(turn, query, words, 0, false);
    }

    // --- search, pages, entries ---

    private void showPage(Turn turn, SearchQuery query, String words, int page, boolean replace) {
        ResourceSearch.Page result = search.search(turn.context(), turn.locale(), query, page);
        boolean askCountry = result.elsewhere() > 0 && search.scope(turn.context(), query).home().isEmpty();
        if (result.isEmpty()) {
            if (page > 0) {
                turn.replyPrivately(ResourceMessages.PAGE_GONE);
            } else {
                List<String> tags = search.tags(turn.context(), turn.locale(), TAGS_SUGGESTED);
                turn.replyPrivately(ResourceMessages.NOTHING_FOUND, "query", describe(turn, query, words),
                        "tags", String.join(", ", tags), "hasTags", !tags.isEmpty(), "askCountry", askCountry);
            }
            return;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        List<Button> openButtons = new ArrayList<>();
        for (int i = 0; i < result.results().size(); i++) {
            Resource entry = result.results().get(i);
            int number = result.from() + i;
            ResourceText text = entry.text(turn.locale());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("number", number);
            item.put("title", text.title());
            item.put("kind", kindLabel(turn, entry.kind()));
            item.put("summary", text.summary());
            item.put("own", !entry.isShipped());
            item.put("language", entry.untranslatedLanguage(turn.locale()));
            items.add(item);
            openButtons.add(open.button(turn.text(ResourceMessages.OPEN, "number", number), entry.id()));
        }
        OutgoingMessage.Builder message = turn.compose(ResourceMessages.RESULTS, "query", describe(turn, query, words), "from", result.from(),
                "to", result.from() + result.results().size() - 1, "total", result.total(), "results", items, "askCountry", askCountry);
        openButtons.forEach(message::button);
        message.row();
        if (result.hasMore()) {
            message.button(more.button(turn.text(ResourceMessages.MORE), (page + 1) + ":" + query.canonical(), Button.Style.PRIMARY));
        }
        OutgoingMessage out = message.visibility(Visibility.PRIVATE).build();
        if (replace) {
            turn.replaceOrigin(out);
        } else {
            turn.replyPrivately(out);
        }
    }

    private void onMore(Turn turn, String argument) {
        int colon = argument.indexOf(':');
        int page;
        try {
            page = Integer.parseInt(argument.substring(0, Math.max(colon, 0)));
        } catch (NumberFormatException e) {
            turn.replyPrivately(EngineMessages.BUTTON_STALE);
            return;
        }
        SearchQuery query = search.parse(argument.substring(colon + 1));
        if (page < 1 || query.isEmpty()) {
            turn.replyPrivately(EngineMessages.BUTTON_STALE);
            return;
        }
        showPage(turn, query, query.words(), page, true);
    }

    private void onOpen(Turn turn, String id) {
        search.find(turn.community(), id).ifPresentOrElse(entry -> showEntry(turn, entry),
                () -> turn.replyPrivately(ResourceMessages.NOT_FOUND, "id", id));
    }

    private void showEntry(Turn turn, Resource entry) {
        Locale locale = turn.locale();
        ResourceText text = entry.text(locale);
        String countries = entry.countries().stream().map(c -> CountryLookup.displayName(c, locale)).collect(Collectors.joining(", "));
        turn.replyPrivately(ResourceMessages.ENTRY, "title", text.title(), "kind", kindLabel(turn, entry.kind()),
                "summary", text.summary(), "details", text.details(), "link", orEmpty(entry.link()),
                "phone", orEmpty(entry.phone()), "sms", orEmpty(entry.sms()), "tags", String.join(", ", text.tags()),
                "countries", countries, "verified", date(entry.verified(), locale), "source", source(turn, entry),
                "own", !entry.isShipped(), "id", entry.id(), "language", entry.untranslatedLanguage(locale));
    }

    /** Where a shipped entry was checked, in the reader's language when the data uses a known form. */
    private static String source(Turn turn, Resource entry) {
        return SourceNote.of(entry.source()).map(note -> turn.text(note.key(), note.values())).orElse(entry.source());
    }

    /** The search as shown back: the member's own words, after the kind if they filtered by one. */
    private static String describe(Turn turn, SearchQuery query, String words) {
        if (query.kind() == null) {
            return words;
        }
        String kind = kindLabel(turn, query.kind());
        return words.isBlank() ? kind : kind + " · " + words;
    }

    private static String kindLabel(Turn turn, ResourceKind kind) {
        return turn.text(ResourceMessages.KINDS.get(kind));
    }

    // --- organisers: add, edit, remove, hide, unhide, reports ---

    private void manage(Turn turn, String action, String rest) {
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
        Optional<ResourceKind> kind = ResourceKind.parse(kindAndRest[0]);
        if (kind.isEmpty()) {
            turn.replyPrivately(ResourceMessages.ADD_UNKNOWN_KIND, "given", kindAndRest[0]);
            return;
        }
        String[] parts = kindAndRest[1].split("\\|", -1);
        if (parts.length < 2 || parts.length > 4) {
            turn.replyPrivately(ResourceMessages.ADD_USAGE);
            return;
        }
        Optional<String> title = title(turn, parts[0]);
        Optional<String> summary = title.flatMap(t -> summary(turn, parts[1]));
        if (summary.isEmpty()) {
            return;
        }
        Optional<Contact> contact = contact(turn, parts.length > 2 ? parts[2] : "");
        Optional<List<String>> tags = contact.flatMap(c -> tags(turn, parts.length > 3 ? parts[3] : ""));
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

    private Optional<Resource> changed(Turn turn, Resource entry, String field, String value) {
        ResourceText text = entry.texts().get(entry.language());
        switch (field) {
            case "title":
                return title(turn, value).map(t -> entry.withText(text.withTitle(t)));
            case "summary":
                return summary(turn, value).map(s -> entry.withText(text.withSummary(s)));
            case "details":
                String details = value.equals("-") ? "" : value.replace("\\n", "\n").strip();
                if (details.codePointCount(0, details.length()) > DETAILS_MAX) {
                    turn.replyPrivately(ResourceMessages.BAD_DETAILS, "max", DETAILS_MAX);
                    return Optional.empty();
                }
                return Optional.of(entry.withText(text.withDetails(details)));
            case "link":
                return contact(turn, value.equals("-") ? "" : value).map(c -> entry.withContact(c.link(), c.phone()));
            case "tags":
                return tags(turn, value.equals("-") ? "" : value).map(t -> entry.withText(text.withTags(t)));
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

    private void remove(Turn turn, String rest) {
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

    private void hide(Turn turn, String rest) {
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

    private void unhide(Turn turn, String rest) {
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

    private void reports(Turn turn) {
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
            item.put("contact", line.map(ResourceFeature::contactOf).orElse(""));
            item.put("count", report.count());
            item.put("last", date(report.lastReported().atZone(turn.zone()).toLocalDate(), locale));
            items.add(item);
        }
        turn.replyPrivately(turn.compose(ResourceMessages.REPORTS, "reports", items, "listedAsOf", date(crisisLines.listedAsOf(), locale))
                .button(clearReports.button(turn.text(ResourceMessages.REPORTS_CLEAR), "all"))
                .build());
    }

    private void onClearReports(Turn turn, String argument) {
        store.clearOutdatedReports(turn.community());
        turn.replaceOrigin(turn.compose(ResourceMessages.REPORTS_CLEARED).visibility(Visibility.PRIVATE).build());
    }

    // --- checking what organisers typed ---

    /** A link or a phone number, either may be absent. */
    private record Contact(String link, String phone) {
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

    private static Optional<String> title(Turn turn, String raw) {
        String title = SPACES.matcher(raw).replaceAll(" ").strip();
        int length = title.codePointCount(0, title.length());
        if (length < TITLE_MIN || length > TITLE_MAX) {
            turn.replyPrivately(ResourceMessages.BAD_TITLE, "min", TITLE_MIN, "max", TITLE_MAX);
            return Optional.empty();
        }
        return Optional.of(title);
    }

    private static Optional<String> summary(Turn turn, String raw) {
        String summary = SPACES.matcher(raw).replaceAll(" ").strip();
        int length = summary.codePointCount(0, summary.length());
        if (length < SUMMARY_MIN || length > SUMMARY_MAX) {
            turn.replyPrivately(ResourceMessages.BAD_SUMMARY, "min", SUMMARY_MIN, "max", SUMMARY_MAX);
            return Optional.empty();
        }
        return Optional.of(summary);
    }

    private static Optional<Contact> contact(Turn turn, String raw) {
        String value = raw.strip();
        if (value.isEmpty()) {
            return Optional.of(new Contact(null, null));
        }
        if (LINK.matcher(value).matches()) {
            return Optional.of(new Contact(value, null));
        }
        if (PHONE.matcher(value).matches()) {
            return Optional.of(new Contact(null, value));
        }
        turn.replyPrivately(ResourceMessages.BAD_CONTACT, "given", shorten(value, 60));
        return Optional.empty();
    }

    private static Optional<List<String>> tags(Turn turn, String raw) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw.split(",")) {
            String clean = SPACES.matcher(tag).replaceAll(" ").strip().toLowerCase(turn.locale());
            if (!clean.isEmpty()) {
                tags.add(clean);
            }
        }
        if (tags.size() > TAGS_MAX || tags.stream().anyMatch(t -> t.codePointCount(0, t.length()) > TAG_MAX_CHARS)) {
            turn.replyPrivately(ResourceMessages.BAD_TAGS, "max", TAGS_MAX, "maxLength", TAG_MAX_CHARS);
            return Optional.empty();
        }
        return Optional.of(List.copyOf(tags));
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
        return line.phone() != null ? line.phone() : line.sms() != null ? line.sms() : orEmpty(line.link());
    }

    private static LocalDate today(Turn turn) {
        return turn.localNow().toLocalDate();
    }

    private static String date(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    private static String firstWord(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? "" : stripped.split("\\s+")[0].toLowerCase(Locale.ROOT);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
