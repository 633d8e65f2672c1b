package org.circlekeeper.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.dashboard.Dashboard;
import org.circlekeeper.core.dashboard.PageTexts;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.engine.Arguments;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.message.Attachment;
import org.circlekeeper.core.message.Button;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A member's own page ({@code /dashboard/me}): their check-in history as chat's {@code /checkin history} shows it, the
 * download of the same file {@code /mydata} sends, and the erasure {@code /forgetme} makes. The export and the erasure
 * go through the same {@link Engine} as chat, as that member, so the page adds no rule: the erasure asks the engine's
 * own question and presses its own confirmation button, and the session ends with the member's data. Any signed-in
 * session opens it (an organiser sees their own page too); it shows only the session's member's own data.
 */
@Controller
public class OwnPageController {

    private static final Logger LOG = LoggerFactory.getLogger(OwnPageController.class);
    /** The buttons of {@code /forgetme}'s question: the only ones this page presses. */
    private static final List<String> ERASE_ACTIONS = List.of("privacy.erase:", "privacy.keep:");

    private final WebRequests web;
    private final Dashboard dashboard;
    private final Engine engine;
    private final OwnPages pages;

    /** The own page over the core's dashboard, exporting and erasing through {@code engine}. */
    public OwnPageController(WebRequests web, Engine engine) {
        this.web = Objects.requireNonNull(web, "web");
        this.dashboard = web.dashboard();
        this.engine = Objects.requireNonNull(engine, "engine");
        this.pages = new OwnPages(web.pages());
    }

    /** How the engine sees the page's member: themselves, where they asked for the link, in the session's group. */
    static Context context(WebSession session) {
        return new Context(session.signIn().member(), session.signIn().channel(), session.signIn().community(),
                session.signIn().organiser() ? Role.ORGANISER : Role.MEMBER, null);
    }

    @GetMapping(Paths.OWN)
    ResponseEntity<String> own(HttpServletRequest request) {
        WebRequests.Admission admission = web.member(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        return WebRequests.page(HttpStatus.OK, pages.own(in.texts(), in.session(), dashboard.ownHistory(in.session(), in.texts())));
    }

    /** The same file {@code /mydata} sends in chat, made by the engine, as a download that no cache keeps. */
    @GetMapping(Paths.OWN_EXPORT)
    ResponseEntity<?> export(HttpServletRequest request) {
        WebRequests.Admission admission = web.member(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        List<Reply> replies = engine.handle(new Inbound.CommandInvoked(context(in.session()), "mydata", new Arguments.Named(null, Map.of())));
        Optional<Attachment> file = replies.stream().map(r -> r.message().attachment()).filter(Objects::nonNull).findFirst();
        LOG.info("own page: an export was asked for");
        if (file.isEmpty()) {
            // nothing kept: the engine's answer says so, as it does in chat
            return WebRequests.page(HttpStatus.OK, web.pages().message(in.texts(), in.session(), replies.isEmpty() ? ""
                    : HtmlMarkup.html(replies.get(0).message().markup())));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.get().mediaType() + "; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.get().fileName()).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(file.get().content());
    }

    /** Asks the engine's {@code /forgetme} question and shows it with its buttons; nothing is erased yet. */
    @PostMapping(Paths.OWN_ERASE)
    ResponseEntity<String> erase(@RequestParam(name = "_csrf", defaultValue = "") String csrf, HttpServletRequest request) {
        WebRequests.Admission admission = web.member(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        Optional<ResponseEntity<String>> refused = web.refuseChange(request, in.session(), in.texts(), csrf);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<Reply> replies = engine.handle(new Inbound.CommandInvoked(context(in.session()), "forgetme", new Arguments.Named(null, Map.of())));
        return WebRequests.page(HttpStatus.OK, pages.erase(in.texts(), in.session(), answers(in.session(), replies)));
    }

    /**
     * Presses one of the question's buttons through the engine, which checks its one-time token as in chat. After an
     * erasure the session is gone with the rest of the member's data: the cookie is cleared and the engine's word shown.
     */
    @PostMapping(Paths.OWN_ERASE_CONFIRM)
    ResponseEntity<String> confirm(@RequestParam(name = "action", defaultValue = "") String action,
                                   @RequestParam(name = "_csrf", defaultValue = "") String csrf, HttpServletRequest request) {
        WebRequests.Admission admission = web.member(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        Optional<ResponseEntity<String>> refused = web.refuseChange(request, in.session(), in.texts(), csrf);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (action.length() > Button.MAX_ACTION_BYTES || ERASE_ACTIONS.stream().noneMatch(action::startsWith)) {
            return web.notFound(in.texts(), in.session());
        }
        List<Reply> replies = engine.handle(new Inbound.ButtonPressed(context(in.session()), action, null));
        PageTexts texts = in.texts();
        String said = HtmlMarkup.html(String.join("\n", replies.stream().map(r -> r.message().markup()).toList()));
        boolean ended = web.cookieValue(request).flatMap(dashboard::session).isEmpty();
        if (ended) {
            LOG.info("own page: a member erased their data; the session ended with it");
            return ResponseEntity.status(HttpStatus.OK).contentType(WebRequests.HTML)
                    .header(HttpHeaders.SET_COOKIE, web.cookie("", true).toString())
                    .body(pages.erased(texts, said));
        }
        return WebRequests.page(HttpStatus.OK, pages.erase(texts, in.session(), List.of(Map.of("text", said, "buttons", List.of()))));
    }

    private static List<Map<String, Object>> answers(WebSession session, List<Reply> replies) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Reply reply : replies) {
            List<Map<String, Object>> buttons = new ArrayList<>();
            for (Button button : reply.message().buttons()) {
                if (ERASE_ACTIONS.stream().anyMatch(button.actionId()::startsWith)) {
                    buttons.add(Map.of("label", button.label(), "action", button.actionId(), "csrf", session.csrf(),
                            "danger", button.style() == Button.Style.DANGER));
                }
            }
            answers.add(Map.of("text", HtmlMarkup.html(reply.message().markup()), "buttons", buttons));
        }
        return answers;
    }
}
