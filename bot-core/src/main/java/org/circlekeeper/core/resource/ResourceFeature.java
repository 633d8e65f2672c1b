package org.circlekeeper.core.resource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.Plugin;
import org.circlekeeper.core.engine.Suggester;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;

/**
 * {@code /resource}: members search the catalog ({@code /resource sleep}, {@code /resource technique
 * anxiety}), page through results and open an entry; organisers add, edit and remove their
 * community's own entries, hide shipped ones, and read the outdated-number reports, typed after {@code /resource} or
 * with named options through {@code /library} ({@link LibraryCommands}). Every answer is
 * private: what someone looks for is their own business. This class reads the command and dispatches:
 * {@link ResourceBrowsing} shows results and entries, {@link ResourceManagement} does the organisers' work.
 */
public final class ResourceFeature implements Feature {

    /**
     * How this feature plugs into the bot: its bundle, the stores it needs, how it is built. It offers the features
     * built after it the {@link CrisisSupport} port (check-ins use it) and the {@link ResourceLibrary} (the organisers'
     * page reads it).
     */
    public static final Plugin PLUGIN = new Plugin("resource", ResourceMessages.SEARCH.bundle(),
            List.of(ResourceStore.KEY, MemberSettingsStore.KEY),
            wiring -> {
                ResourceCatalog catalog = wiring.part(ResourceCatalog.class, ResourceCatalog::shipped);
                CrisisLines crisisLines = wiring.part(CrisisLines.class, CrisisLines::shipped);
                ResourceStore store = wiring.store(ResourceStore.KEY);
                MemberSettingsStore members = wiring.store(MemberSettingsStore.KEY);
                wiring.provide(CrisisSupport.class,
                        new ResourceCrisisSupport(crisisLines, SafetyPhrases.shipped(), catalog, store, members));
                wiring.provide(ResourceLibrary.class, new StoredResourceLibrary(catalog, store, crisisLines));
                return new ResourceFeature(new ResourceSearch(catalog, store, wiring.preferences(), members), catalog, store,
                        crisisLines);
            });

    /** The longest search a member may type; longer text is kindly refused. */
    static final int MAX_QUERY_CHARS = 100;
    /** The longest line the command takes (an organiser's {@code add} with a summary and tags). */
    static final int MAX_LINE_CHARS = 1_000;

    private final ResourceSearch search;
    private final ResourceBrowsing browsing;
    private final ResourceManagement management;
    private final LibraryCommands library;

    public ResourceFeature(ResourceSearch search, ResourceCatalog catalog, ResourceStore store, CrisisLines crisisLines) {
        this.search = search;
        this.browsing = new ResourceBrowsing(search);
        this.management = new ResourceManagement(catalog, store, crisisLines);
        this.library = new LibraryCommands(management);
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
                .build(), library.spec());
    }

    @Override
    public List<ActionSpec> actions() {
        return List.of(browsing.open(), browsing.more(), management.clearReports());
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
        if (ResourceManagement.WORDS.contains(first)) {
            management.manage(turn, first, split.length > 1 ? split[1].strip() : "");
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
                browsing.showEntry(turn, exact.get());
                return;
            }
        }
        SearchQuery query = search.parse(typed);
        String words = query.kind() == null ? typed : (split.length > 1 ? split[1].strip() : "");
        browsing.showPage(turn, query, words, 0, false);
    }

    /** A date as the reader writes it, in full. */
    static String date(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    /** A value that may be absent, as template text. */
    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The text cut to {@code max} characters with an ellipsis, for labels with a platform limit. */
    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
