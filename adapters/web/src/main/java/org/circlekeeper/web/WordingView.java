package org.circlekeeper.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.circlekeeper.core.dashboard.DashboardMessages;
import org.circlekeeper.core.dashboard.PageTexts;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.dashboard.WordingPage;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.template.Markup;

/**
 * Renders the wording pages from what the core's {@link WordingPage} returns: the texts by topic, and one text's editor
 * with its standard and current wording and its preview in every language. It decides nothing: which texts exist,
 * whether a draft fits and how it reads all come from the core.
 */
final class WordingView {

    /** How much of a text the list shows beside its key. */
    private static final int SNIPPET = 90;

    private final Pages pages;
    private final WordingPage wordings;

    WordingView(Pages pages, WordingPage wordings) {
        this.pages = pages;
        this.wordings = wordings;
    }

    /** What the editor shows besides the texts: a draft not saved (with why it was refused) and the bot's answers. */
    record Draft(Optional<String> text, Optional<String> refused, List<String> answers) {

        static Draft none() {
            return new Draft(Optional.empty(), Optional.empty(), List.of());
        }
    }

    String index(PageTexts texts, WebSession session) {
        List<Map<String, Object>> topics = new ArrayList<>();
        int n = 0;
        for (WordingPage.Topic topic : wordings.topics(session, texts)) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (WordingPage.Entry entry : topic.entries()) {
                Map<String, Object> item = new HashMap<>();
                item.put("href", Paths.wording(entry.key()));
                item.put("key", entry.key());
                item.put("snippet", snippet(entry.current()));
                item.put("changed", !entry.changedIn().isEmpty());
                item.put("changedNote", Pages.html(texts, DashboardMessages.WORDING_CHANGED, "languages", names(texts, entry.changedIn())));
                entries.add(item);
            }
            long changed = topic.entries().stream().filter(e -> !e.changedIn().isEmpty()).count();
            Map<String, Object> view = new HashMap<>();
            view.put("id", "t-" + n++);
            view.put("heading", HtmlMarkup.html(texts.text(topic.label().orElse(DashboardMessages.WORDING_GENERAL))));
            view.put("count", Pages.html(texts, DashboardMessages.WORDING_COUNT, "count", topic.entries().size(), "changed", changed));
            view.put("open", changed > 0);
            view.put("entries", entries);
            topics.add(view);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("heading", Pages.html(texts, DashboardMessages.WORDING_TITLE));
        body.put("intro", Pages.html(texts, DashboardMessages.WORDING_INTRO));
        body.put("topics", topics);
        return pages.layout(texts, session, Pages.Nav.WORDING, Markup.plain(texts.text(DashboardMessages.WORDING_TITLE)),
                pages.render("wording", body));
    }

    String editor(PageTexts texts, WebSession session, MessageKey key, Draft draft) {
        List<WordingPage.Version> versions = wordings.versions(session, key);
        WordingPage.Version own = own(texts, versions);
        String language = own.locale().getDisplayLanguage(texts.locale());
        String values = WordingPage.valueNames(key);
        Map<String, Object> body = new HashMap<>();
        body.put("back", Pages.html(texts, DashboardMessages.WORDING_BACK));
        body.put("backHref", Paths.WORDING);
        body.put("heading", Pages.html(texts, DashboardMessages.WORDING_EDIT_TITLE, "key", key.key()));
        body.put("values", values.isEmpty() ? Pages.html(texts, DashboardMessages.WORDING_NO_VALUES)
                : Pages.html(texts, DashboardMessages.WORDING_VALUES, "values", values));
        body.put("languageNote", Pages.html(texts, DashboardMessages.WORDING_LANGUAGE_NOTE, "language", language));
        List<Map<String, Object>> answers = draft.answers().stream().map(a -> Map.<String, Object>of("text", HtmlMarkup.html(a))).toList();
        body.put("answers", answers);
        body.put("hasAnswers", !answers.isEmpty());
        body.put("answerHeading", Pages.html(texts, DashboardMessages.ACTIONS_ANSWER));
        body.put("action", Paths.wording(key.key()));
        body.put("previewAction", Paths.wordingPreview(key.key()));
        body.put("csrf", session.csrf());
        body.put("label", Pages.html(texts, DashboardMessages.WORDING_FIELD, "language", language));
        body.put("hint", Pages.html(texts, DashboardMessages.WORDING_FIELD_HINT, "max", WordingPage.MAX_LENGTH));
        body.put("text", draft.text().orElse(own.current()));
        body.put("invalid", draft.refused().isPresent());
        body.put("problem", draft.refused().map(HtmlMarkup::html).orElse(""));
        body.put("describedBy", "w-values w-hint" + (draft.refused().isPresent() ? " w-error" : ""));
        body.put("previewButton", Pages.html(texts, DashboardMessages.WORDING_PREVIEW));
        body.put("save", Pages.html(texts, DashboardMessages.WORDING_SAVE));
        body.put("previewHeading", Pages.html(texts, DashboardMessages.WORDING_PREVIEW_HEADING));
        body.put("preview", preview(texts, key, versions, draft.text()));
        List<Map<String, Object>> languages = new ArrayList<>();
        for (WordingPage.Version version : versions) {
            Map<String, Object> view = new HashMap<>();
            view.put("heading", Pages.html(texts, DashboardMessages.WORDING_TEXTS_HEADING, "language",
                    version.locale().getDisplayLanguage(texts.locale())));
            view.put("lang", version.locale().toLanguageTag());
            view.put("standardLabel", Pages.html(texts, DashboardMessages.WORDING_STANDARD));
            view.put("standard", version.standard());
            view.put("hasOwn", version.custom().isPresent());
            view.put("ownLabel", Pages.html(texts, DashboardMessages.WORDING_OWN));
            view.put("own", version.custom().orElse(""));
            languages.add(view);
        }
        body.put("languages", languages);
        body.put("canReset", own.custom().isPresent());
        body.put("reset", Pages.html(texts, DashboardMessages.WORDING_RESET));
        return pages.layout(texts, session, Pages.Nav.WORDING, Markup.plain(texts.text(DashboardMessages.WORDING_EDIT_TITLE, "key", key.key())),
                pages.render("wording-edit", body));
    }

    /** The draft's preview (the {@code aria-live} region's content): a fragment the editor's script puts in place. */
    String previewFragment(PageTexts texts, WebSession session, MessageKey key, String draft) {
        return preview(texts, key, wordings.versions(session, key), Optional.of(draft));
    }

    /**
     * The preview in every language: the reader's own with the draft (or why it does not fit) when there is one, else
     * what members read now; the other languages as their members read them now.
     */
    private String preview(PageTexts texts, MessageKey key, List<WordingPage.Version> versions, Optional<String> draft) {
        Locale own = own(texts, versions).locale();
        Optional<WordingPage.Preview> drafted = draft.map(d -> wordings.preview(texts, key, d));
        List<Map<String, Object>> items = new ArrayList<>();
        for (WordingPage.Version version : versions) {
            String language = version.locale().getDisplayLanguage(texts.locale());
            Optional<WordingPage.Preview> mine = version.locale().equals(own) ? drafted : Optional.empty();
            Map<String, Object> item = new HashMap<>();
            item.put("lang", version.locale().toLanguageTag());
            item.put("heading", mine.isPresent() ? Pages.html(texts, DashboardMessages.WORDING_PREVIEW_DRAFT, "language", language)
                    : Pages.html(texts, DashboardMessages.WORDING_PREVIEW_NOW, "language", language));
            boolean refused = mine.map(WordingPage.Preview::refused).orElse(false);
            item.put("refused", refused);
            item.put("why", refused ? HtmlMarkup.html(mine.get().text()) : "");
            item.put("shown", mine.map(p -> p.refused() ? "" : HtmlMarkup.html(p.text())).orElse(HtmlMarkup.html(version.preview())));
            items.add(item);
        }
        return pages.render("wording-preview", Map.of("items", items));
    }

    private static WordingPage.Version own(PageTexts texts, List<WordingPage.Version> versions) {
        return versions.stream().filter(v -> v.locale().getLanguage().equals(texts.locale().getLanguage())).findFirst()
                .orElse(versions.get(0));
    }

    private static String names(PageTexts texts, List<Locale> locales) {
        return locales.stream().map(l -> l.getDisplayLanguage(texts.locale())).collect(Collectors.joining(", "));
    }

    private static String snippet(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > SNIPPET ? line.substring(0, SNIPPET - 1).strip() + "…" : line;
    }
}
