package org.circlekeeper.core.resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.PreferenceResolver;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Preferences;

/**
 * Search over the shipped catalog and a community's own entries, for {@code /resource}, for
 * autocomplete ({@link #suggest}: Discord maps it to slash-command autocomplete, Telegram to inline
 * mode) and for opening one entry. Searching and autocomplete follow one country rule
 * ({@link CountryScope}): entries tied to a country show only for members of that country
 * ({@code /country}) or when the search names it; entries for anywhere show for everyone. Shipped entries are indexed once per process; each community's
 * own entries are indexed on the first search after they change and cached (least recently used
 * communities are dropped first), so a search costs one store round trip for the version and one
 * in-memory query.
 */
public final class ResourceSearch {

    /** Results per page of {@code /resource}. */
    public static final int PAGE_SIZE = 5;
    /** Suggestions offered while typing (Discord shows at most 25). */
    public static final int MAX_SUGGESTIONS = 10;
    /** Communities whose own index is kept in memory at once. */
    public static final int DEFAULT_CACHED_COMMUNITIES = 128;

    /**
     * One page of results.
     *
     * @param elsewhere how many more entries matched but are tied to countries the search may not show
     */
    public record Page(SearchQuery query, List<Resource> results, int page, int total, int elsewhere) {
        public Page {
            results = List.copyOf(results);
        }

        public boolean isEmpty() {
            return results.isEmpty();
        }

        public boolean hasMore() {
            return (page + 1) * PAGE_SIZE < total;
        }

        /** The 1-based position of the first result, for "1-5 of 12". */
        public int from() {
            return page * PAGE_SIZE + 1;
        }
    }

    /** One completion offered while typing: the entry's id (the value sent) and what to show. */
    public record Suggestion(String id, String title, String summary, ResourceKind kind) {
    }

    /** A community's part as indexed: its entries by id, the shipped ids it hid, and the searcher. */
    private record View(long version, Map<String, Resource> entries, Set<String> hidden, IndexSearcher searcher) {
    }

    /** One index per catalog: the shipped catalog is indexed once per process, however many bots run in it. */
    private static final Map<ResourceCatalog, ResourceIndex> INDEXES = Collections.synchronizedMap(new WeakHashMap<>());

    private final ResourceCatalog catalog;
    private final ResourceStore store;
    private final PreferenceResolver preferences;
    private final MemberSettingsStore members;
    private final CountryMentions mentions = new CountryMentions();
    /** The shipped catalog's index and its view, built beside the start rather than in its way (see {@link #indexed()}). */
    private final CompletableFuture<Indexed> indexed;
    private final Map<String, View> views;

    /**
     * @param members where each member's country is read, for the country rule
     */
    public ResourceSearch(ResourceCatalog catalog, ResourceStore store, PreferenceResolver preferences, MemberSettingsStore members) {
        this(catalog, store, preferences, members, DEFAULT_CACHED_COMMUNITIES);
    }

    public ResourceSearch(ResourceCatalog catalog, ResourceStore store, PreferenceResolver preferences, MemberSettingsStore members,
                          int cachedCommunities) {
        this.catalog = catalog;
        this.store = store;
        this.preferences = preferences;
        this.members = members;
        this.indexed = CompletableFuture.supplyAsync(() -> {
            ResourceIndex index = INDEXES.computeIfAbsent(catalog, ResourceIndex::new);
            return new Indexed(index, new View(0, Map.of(), Set.of(), index.shippedSearcher()));
        }, task -> {
            Thread thread = new Thread(task, "resource-index");
            thread.setDaemon(true);
            thread.start();
        });
        this.views = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, View> eldest) {
                return size() > cachedCommunities;
            }
        });
    }

    /**
     * What a member typed after {@code /resource}: a first word naming a kind ({@code technique},
     * {@code técnicas}) becomes a filter; countries named in it (by name, or by code in capitals)
     * are noted; the rest becomes plain terms, shortened to fit a button.
     */
    public SearchQuery parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        String[] words = text.split("\\s+", 2);
        Optional<ResourceKind> kind = ResourceKind.parse(words[0]);
        String rest = kind.isPresent() ? (words.length > 1 ? words[1] : "") : text;
        return new SearchQuery(kind.orElse(null), index().plainTerms(mentions.withoutCodes(rest)), mentions.in(rest)).fitted();
    }

    /** The country rule for this person and this search: their {@code /country} and the countries the search names. */
    public CountryScope scope(Context context, SearchQuery query) {
        return new CountryScope(members.get(context.member()).countrySetting(), query.countries());
    }

    /** One page of results, best first, hidden entries and entries of other countries left out; page 0 is the first. */
    public Page search(Context context, Locale locale, SearchQuery query, int page) {
        if (query.isEmpty()) {
            return new Page(query, List.of(), 0, 0, 0);
        }
        CountryScope scope = scope(context, query);
        View view = view(context.community());
        List<String> ids = index().ids(view.searcher(),
                index().query(query.kind(), query.terms(), null, view.hidden(), scope.countries(), query.countries()), locale);
        int everywhere = index().ids(view.searcher(),
                index().query(query.kind(), query.terms(), null, view.hidden(), null, query.countries()), locale).size();
        int from = Math.max(0, page) * PAGE_SIZE;
        List<Resource> results = new ArrayList<>();
        for (int i = from; i < Math.min(ids.size(), from + PAGE_SIZE); i++) {
            resolve(view, ids.get(i)).ifPresent(results::add);
        }
        return new Page(query, results, Math.max(0, page), ids.size(), Math.max(0, everywhere - ids.size()));
    }

    /**
     * Completions for a partly typed search, in the person's language: title and id of the best
     * matches, the last word completed as a prefix. Empty while nothing is typed.
     */
    public List<Suggestion> suggest(Context context, String partial) {
        String text = partial == null ? "" : partial;
        if (text.isBlank()) {
            return List.of();
        }
        Locale locale = preferences.resolve(context).locale();
        SearchQuery query = parse(text);
        String prefix = text.endsWith(" ") ? null : WordForms.fold(text.strip().replaceAll(".*\\s", ""));
        View view = view(context.community());
        Query lucene = index().query(query.kind(), query.terms(), prefix, view.hidden(), scope(context, query).countries(),
                query.countries());
        List<Suggestion> out = new ArrayList<>();
        for (String id : index().ids(view.searcher(), lucene, locale)) {
            resolve(view, id).ifPresent(r -> out.add(new Suggestion(r.id(), r.text(locale).title(), r.text(locale).summary(), r.kind())));
            if (out.size() == MAX_SUGGESTIONS) {
                break;
            }
        }
        return out;
    }

    /** An entry this community can see (shipped and not hidden, or its own). */
    public Optional<Resource> find(CommunityRef community, String id) {
        if (id == null || !Resource.ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return resolve(view(community), id);
    }

    /** The topics of the entries this person may find in their community, in a language, most used first. */
    public List<String> tags(Context context, Locale locale, int limit) {
        View view = view(context.community());
        CountryScope scope = new CountryScope(members.get(context.member()).countrySetting(), Set.of());
        Map<String, Integer> counts = new HashMap<>();
        List<Resource> visible = new ArrayList<>(view.entries().values());
        catalog.entries().stream().filter(r -> !view.hidden().contains(r.id())).forEach(visible::add);
        visible.removeIf(entry -> !scope.admits(entry));
        for (Resource entry : visible) {
            ResourceText text = entry.texts().get(locale.getLanguage());
            if (text != null && entry.kind() != ResourceKind.CRISIS_LINE) {
                text.tags().forEach(tag -> counts.merge(tag.toLowerCase(locale), 1, Integer::sum));
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    private Optional<Resource> resolve(View view, String id) {
        Resource own = view.entries().get(id);
        if (own != null) {
            return Optional.of(own);
        }
        return view.hidden().contains(id) ? Optional.empty() : catalog.entry(id);
    }

    /** The shipped index with its view once built. */
    private record Indexed(ResourceIndex index, View shippedOnly) {
    }

    /**
     * The shipped catalog's index, built on a thread of its own from construction on: indexing (and loading Lucene)
     * takes seconds on a small machine, so the start does not wait for it, and a search that comes before it is
     * ready waits only for the rest.
     */
    private Indexed indexed() {
        try {
            return indexed.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private ResourceIndex index() {
        return indexed().index();
    }

    private View view(CommunityRef community) {
        long version = store.version(community);
        if (version == 0) {
            return indexed().shippedOnly();
        }
        View cached = views.get(community.key());
        if (cached != null && cached.version() == version) {
            return cached;
        }
        CommunityCatalog own = store.catalog(community);
        Map<String, Resource> entries = new LinkedHashMap<>();
        own.entries().forEach(e -> entries.put(e.id(), e));
        IndexSearcher searcher = entries.isEmpty() ? index().shippedSearcher() : index().withCommunity(entries.values());
        View view = new View(own.version(), Map.copyOf(entries), own.hidden(), searcher);
        views.put(community.key(), view);
        return view;
    }
}
