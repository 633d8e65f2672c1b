package org.circlekeeper.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.circlekeeper.core.dashboard.DashboardLibrary;
import org.circlekeeper.core.dashboard.DashboardMessages;
import org.circlekeeper.core.dashboard.LibraryShelf;
import org.circlekeeper.core.dashboard.PageTexts;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.engine.Arguments;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.template.Markup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The resource library and the calendar feed on the organisers' page. Both only read (through the core's
 * {@link DashboardLibrary}); every change is a command sent through the same {@link Engine} as chat: the library's
 * links open the generated {@code /library} forms, prefilled with the entry's id and current values, and renewing the
 * feed is {@code /circle feed rotate}. The feed's address is a bearer secret: it is never logged, and the page is not
 * stored by the browser (the guard's {@code no-store}).
 */
@Controller
public class LibraryController {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryController.class);
    private static final String CSRF = "_csrf";

    private final WebRequests web;
    private final DashboardLibrary library;
    private final Engine engine;

    /** The library and feed pages over {@code library}; their changes go through {@code engine}. */
    public LibraryController(WebRequests web, DashboardLibrary library, Engine engine) {
        this.web = Objects.requireNonNull(web, "web");
        this.library = Objects.requireNonNull(library, "library");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @GetMapping(Paths.LIBRARY)
    ResponseEntity<String> library(HttpServletRequest request) {
        WebRequests.Admission admission = web.organiser(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        PageTexts texts = in.texts();
        LibraryShelf shelf = library.shelf(in.session(), texts);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (LibraryShelf.Group group : shelf.groups()) {
            Map<String, Object> view = new HashMap<>();
            view.put("kind", group.kind());
            view.put("heading", Pages.html(texts, DashboardMessages.LIBRARY_GROUP, "kind", group.label(), "count", group.entries().size()));
            view.put("entries", group.entries().stream().map(e -> entry(texts, e)).toList());
            groups.add(view);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("heading", Pages.html(texts, DashboardMessages.LIBRARY_TITLE));
        body.put("intro", Pages.html(texts, DashboardMessages.LIBRARY_INTRO));
        body.put("addHref", Paths.action("library", "add"));
        body.put("add", Pages.html(texts, DashboardMessages.LIBRARY_ADD));
        body.put("groups", groups);
        body.put("reportsHeading", Pages.html(texts, DashboardMessages.LIBRARY_REPORTS));
        body.put("reports", shelf.reports().stream().map(r -> Pages.html(texts, DashboardMessages.LIBRARY_REPORT, "name", r.name(),
                "country", r.country(), "contact", r.contact(), "count", r.count(), "last", r.last())).toList());
        body.put("hasReports", !shelf.reports().isEmpty());
        body.put("reportsNone", Pages.html(texts, DashboardMessages.LIBRARY_REPORTS_NONE));
        body.put("reviewAction", Paths.action("library", "reports"));
        body.put("review", Pages.html(texts, DashboardMessages.LIBRARY_REPORTS_REVIEW));
        body.put("csrf", in.session().csrf());
        body.put("linesHeading", Pages.html(texts, DashboardMessages.LIBRARY_LINES));
        body.put("linesIntro", Pages.html(texts, DashboardMessages.LIBRARY_LINES_INTRO, "date", shelf.listedAsOf()));
        body.put("nameLabel", Pages.html(texts, DashboardMessages.LIBRARY_LINE_NAME));
        body.put("countryLabel", Pages.html(texts, DashboardMessages.LIBRARY_LINE_COUNTRY));
        body.put("contactLabel", Pages.html(texts, DashboardMessages.LIBRARY_LINE_CONTACT));
        body.put("sourceLabel", Pages.html(texts, DashboardMessages.LIBRARY_LINE_SOURCE));
        body.put("verifiedLabel", Pages.html(texts, DashboardMessages.LIBRARY_LINE_VERIFIED));
        body.put("lines", shelf.lines().stream().map(l -> Map.of("name", l.name(), "country", l.country(), "contact", l.contact(),
                "source", l.source(), "verified", l.verified())).toList());
        return WebRequests.page(HttpStatus.OK, web.pages().layout(texts, in.session(), Pages.Nav.LIBRARY,
                Markup.plain(texts.text(DashboardMessages.LIBRARY_TITLE)), web.pages().render("library", body)));
    }

    private static Map<String, Object> entry(PageTexts texts, LibraryShelf.Entry entry) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", entry.id());
        view.put("title", entry.title());
        view.put("summary", entry.summary());
        view.put("own", entry.own());
        view.put("hidden", entry.hidden());
        view.put("origin", Pages.html(texts, entry.own() ? DashboardMessages.LIBRARY_OWN : DashboardMessages.LIBRARY_SHIPPED));
        view.put("hiddenNote", Pages.html(texts, DashboardMessages.LIBRARY_HIDDEN));
        view.put("scope", entry.countries().isEmpty() ? Pages.html(texts, DashboardMessages.LIBRARY_ANYWHERE)
                : Pages.html(texts, DashboardMessages.LIBRARY_FOR, "countries", entry.countries()));
        view.put("idLabel", Pages.html(texts, DashboardMessages.LIBRARY_ID));
        List<Map<String, Object>> links = new ArrayList<>();
        if (entry.own()) {
            Map<String, String> current = new LinkedHashMap<>();
            current.put("id", entry.id());
            current.put("title", entry.title());
            current.put("summary", entry.summary());
            current.put("details", entry.details());
            current.put("link", entry.contact());
            current.put("tags", entry.tags());
            current.put("kind", entry.kind());
            links.add(link(texts, DashboardMessages.LIBRARY_EDIT, "edit", current, entry));
            links.add(link(texts, DashboardMessages.LIBRARY_REMOVE, "remove", Map.of("id", entry.id()), entry));
        } else {
            links.add(link(texts, entry.hidden() ? DashboardMessages.LIBRARY_UNHIDE : DashboardMessages.LIBRARY_HIDE,
                    entry.hidden() ? "unhide" : "hide", Map.of("id", entry.id()), entry));
        }
        view.put("links", links);
        return view;
    }

    /** A link to a {@code /library} form prefilled with {@code values}; its name says which entry it acts on. */
    private static Map<String, Object> link(PageTexts texts, MessageKey label, String sub,
                                            Map<String, String> values, LibraryShelf.Entry entry) {
        String query = values.entrySet().stream().filter(v -> !v.getValue().isEmpty())
                .map(v -> v.getKey() + "=" + URLEncoder.encode(v.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return Map.of("href", Paths.action("library", sub) + "?" + query, "label", Pages.html(texts, label),
                "sub", sub, "title", entry.title());
    }

    @GetMapping(Paths.FEED)
    ResponseEntity<String> feed(HttpServletRequest request) {
        WebRequests.Admission admission = web.organiser(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        return WebRequests.page(HttpStatus.OK, feedPage(in.texts(), in.session(), false, List.of()));
    }

    /**
     * Renews the address as chat does, with {@code /circle feed rotate} through the engine; the page then shows the new
     * address, or the engine's answer when it did not renew.
     */
    @PostMapping(Paths.FEED_RENEW)
    ResponseEntity<String> renew(@RequestParam(name = CSRF, defaultValue = "") String csrf, HttpServletRequest request) {
        WebRequests.Admission admission = web.organiser(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        Optional<ResponseEntity<String>> refused = web.refuseChange(request, in.session(), in.texts(), csrf);
        if (refused.isPresent()) {
            return refused.get();
        }
        String before = library.feedAddress(in.session());
        Engine.Answer answer = engine.answer(new Inbound.CommandInvoked(CommandForms.context(in.session()), "circle",
                new Arguments.Named("feed", Map.of("action", "rotate"))));
        boolean renewed = !library.feedAddress(in.session()).equals(before);
        LOG.info("organisers' page: /circle feed rotate sent through the engine; renewed: {}", renewed);
        // the engine's answer names the new token: shown only when it did not renew (it then says why)
        List<String> answers = renewed ? List.of() : answer.replies().stream().map(r -> HtmlMarkup.html(r.message().markup())).toList();
        return WebRequests.page(HttpStatus.OK, feedPage(in.texts(), in.session(), renewed, answers));
    }

    private String feedPage(PageTexts texts, WebSession session, boolean renewed, List<String> answers) {
        Map<String, Object> body = new HashMap<>();
        body.put("heading", Pages.html(texts, DashboardMessages.FEED_TITLE));
        body.put("renewed", renewed);
        body.put("renewedNote", Pages.html(texts, DashboardMessages.FEED_RENEWED));
        body.put("answers", answers);
        body.put("hasAnswers", !answers.isEmpty());
        body.put("intro", Pages.html(texts, DashboardMessages.FEED_INTRO));
        body.put("label", Pages.html(texts, DashboardMessages.FEED_LABEL));
        body.put("hint", Pages.html(texts, DashboardMessages.FEED_HINT));
        body.put("address", library.feedAddress(session));
        body.put("copy", Pages.html(texts, DashboardMessages.FEED_COPY));
        body.put("copied", Markup.plain(texts.text(DashboardMessages.FEED_COPIED)));
        body.put("copyFailed", Markup.plain(texts.text(DashboardMessages.FEED_COPY_FAILED)));
        body.put("renewHeading", Pages.html(texts, DashboardMessages.FEED_RENEW_HEADING));
        body.put("renewExplain", Pages.html(texts, DashboardMessages.FEED_RENEW_EXPLAIN));
        body.put("renewButton", Pages.html(texts, DashboardMessages.FEED_RENEW_BUTTON));
        body.put("renewAction", Paths.FEED_RENEW);
        body.put("csrf", session.csrf());
        return web.pages().layout(texts, session, Pages.Nav.FEED, Markup.plain(texts.text(DashboardMessages.FEED_TITLE)),
                web.pages().render("feed", body));
    }
}
