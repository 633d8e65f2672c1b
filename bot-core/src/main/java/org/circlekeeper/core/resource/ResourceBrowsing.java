package org.circlekeeper.core.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.EngineMessages;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.member.CountryLookup;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Visibility;

/**
 * The members' side of {@code /resource}: a page of results with a button to open each entry and one for more, and
 * an entry in full. Every answer is private.
 */
final class ResourceBrowsing {

    /** How many tags are suggested when a search finds nothing. */
    static final int TAGS_SUGGESTED = 12;

    private final ResourceSearch search;
    private final ActionSpec open = new ActionSpec("resource.open", Audience.MEMBER, this::onOpen);
    private final ActionSpec more = new ActionSpec("resource.more", Audience.MEMBER, this::onMore);

    ResourceBrowsing(ResourceSearch search) {
        this.search = search;
    }

    /** The button that opens one entry. */
    ActionSpec open() {
        return open;
    }

    /** The button that shows the next page of results. */
    ActionSpec more() {
        return more;
    }

    /** Shows one page of results; {@code replace} edits the message whose button asked for it. */
    void showPage(Turn turn, SearchQuery query, String words, int page, boolean replace) {
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

    void showEntry(Turn turn, Resource entry) {
        Locale locale = turn.locale();
        ResourceText text = entry.text(locale);
        String countries = entry.countries().stream().map(c -> CountryLookup.displayName(c, locale)).collect(Collectors.joining(", "));
        turn.replyPrivately(ResourceMessages.ENTRY, "title", text.title(), "kind", kindLabel(turn, entry.kind()),
                "summary", text.summary(), "details", text.details(), "link", ResourceFeature.orEmpty(entry.link()),
                "phone", ResourceFeature.orEmpty(entry.phone()), "sms", ResourceFeature.orEmpty(entry.sms()), "tags", String.join(", ", text.tags()),
                "countries", countries, "verified", ResourceFeature.date(entry.verified(), locale), "source", source(turn, entry),
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

    static String kindLabel(Turn turn, ResourceKind kind) {
        return turn.text(ResourceMessages.KINDS.get(kind));
    }
}
