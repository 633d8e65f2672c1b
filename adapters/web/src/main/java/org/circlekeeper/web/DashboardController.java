package org.circlekeeper.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.dashboard.CalendarMonth;
import org.circlekeeper.core.dashboard.Dashboard;
import org.circlekeeper.core.dashboard.DashboardMessages;
import org.circlekeeper.core.dashboard.PageTexts;
import org.circlekeeper.core.dashboard.WebSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisers' page mapped onto the core's {@link Dashboard}, as the Discord adapter maps slash commands onto the
 * engine: it reads requests, asks the core, and renders what the core answers. A sign-in link opens a page with a
 * button (so a chat app's link preview signs nobody in); the button's POST takes the link and sets the session cookie
 * ({@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} when the public address is https). Every POST but the
 * sign-in carries the session's change token and must come from the page's own origin; the sign-in POST must too.
 */
@Controller
public class DashboardController {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardController.class);

    private final WebRequests web;
    private final Dashboard dashboard;
    private final Pages pages;
    private final Map<String, byte[]> statics = new ConcurrentHashMap<>();

    /** The sign-in, calendar and meeting pages. */
    public DashboardController(WebRequests web) {
        this.web = Objects.requireNonNull(web, "web");
        this.dashboard = web.dashboard();
        this.pages = web.pages();
        if (optionalResource("web/static/dashboard.css").length == 0) {
            throw new IllegalStateException("web/static/dashboard.css is not on the classpath");
        }
    }

    @GetMapping(Paths.ROOT)
    ResponseEntity<String> root() {
        return WebRequests.redirect(Paths.CALENDAR);
    }

    /**
     * The page's own files, from {@code web/static/} on the classpath: its stylesheet and the small scripts that make
     * some forms nicer (every page works without them). Only plain names of {@code .css} and {@code .js} files.
     */
    @GetMapping(Paths.STATIC + "{file:[a-z][a-z0-9-]+\\.(?:css|js)}")
    ResponseEntity<byte[]> staticFile(@PathVariable("file") String file) {
        if (file.length() > 48) {
            return ResponseEntity.notFound().build();
        }
        byte[] content = statics.computeIfAbsent(file, name -> optionalResource("web/static/" + name));
        if (content.length == 0) {
            return ResponseEntity.notFound().build();
        }
        String type = file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type)).cacheControl(CacheControl.noCache()).body(content);
    }

    @GetMapping(Paths.SIGN_IN + "/{secret}")
    ResponseEntity<String> signInPage(@PathVariable("secret") String secret, HttpServletRequest request) {
        PageTexts texts = dashboard.texts(WebRequests.browserLanguages(request));
        // the link is only shown back as the form's value, and only when it is shaped like one
        if (!secret.matches("[A-Za-z0-9_-]{43}")) {
            return WebRequests.page(HttpStatus.NOT_FOUND, pages.message(texts, null, Pages.html(texts, DashboardMessages.SIGNIN_REFUSED)));
        }
        return WebRequests.page(HttpStatus.OK, pages.signIn(texts, secret));
    }

    @PostMapping(Paths.SIGN_IN)
    ResponseEntity<String> signIn(@RequestParam(name = "link", defaultValue = "") String link, HttpServletRequest request) {
        PageTexts texts = dashboard.texts(WebRequests.browserLanguages(request));
        if (!web.sameOrigin(request)) {
            return WebRequests.page(HttpStatus.FORBIDDEN, pages.message(texts, null, Pages.html(texts, DashboardMessages.REFUSED_CHANGE)));
        }
        Optional<Dashboard.SignedIn> signedIn = dashboard.signIn(link);
        if (signedIn.isEmpty()) {
            LOG.info("organisers' page: a sign-in link was refused (used, expired or unknown)");
            return WebRequests.page(HttpStatus.FORBIDDEN, pages.message(texts, null, Pages.html(texts, DashboardMessages.SIGNIN_REFUSED)));
        }
        WebSession session = signedIn.get().session();
        LOG.info("organisers' page: signed in on {}", session.signIn().community().platform().id());
        String home = session.signIn().organiser() ? Paths.CALENDAR : Paths.OWN;
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(home))
                .header(HttpHeaders.SET_COOKIE, web.cookie(signedIn.get().secret(), false).toString()).build();
    }

    @PostMapping(Paths.SIGN_OUT)
    ResponseEntity<String> signOut(@RequestParam(name = "_csrf", defaultValue = "") String csrf, HttpServletRequest request) {
        // signing out needs no role, only the session and its token: it works even while the platform cannot answer
        Optional<WebSession> signedIn = web.cookieValue(request).flatMap(dashboard::session);
        if (signedIn.isEmpty()) {
            return web.notSignedIn(request);
        }
        WebSession session = signedIn.get();
        PageTexts texts = dashboard.texts(session);
        Optional<ResponseEntity<String>> refused = web.refuseChange(request, session, texts, csrf);
        if (refused.isPresent()) {
            return refused.get();
        }
        dashboard.signOut(web.cookieValue(request).orElse(""));
        return ResponseEntity.status(HttpStatus.OK).contentType(WebRequests.HTML)
                .header(HttpHeaders.SET_COOKIE, web.cookie("", true).toString())
                .body(pages.message(texts, null, Pages.html(texts, DashboardMessages.SIGNED_OUT)));
    }

    @GetMapping(Paths.CALENDAR)
    ResponseEntity<String> calendar(@RequestParam(name = "month", required = false) String month, HttpServletRequest request) {
        WebRequests.Admission admission = web.organiser(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        WebSession session = in.session();
        PageTexts texts = in.texts();
        YearMonth shown = dashboard.thisMonth(texts);
        if (month != null) {
            try {
                shown = YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                return web.notFound(texts, session);
            }
            if (!dashboard.shows(texts, shown)) {
                return web.notFound(texts, session);
            }
        }
        CalendarMonth calendar = dashboard.month(session, texts, shown);
        return WebRequests.page(HttpStatus.OK, pages.calendar(texts, session, calendar));
    }

    @GetMapping(Paths.MEETINGS + "{circleId}/{key}")
    ResponseEntity<String> meeting(@PathVariable("circleId") String circleId, @PathVariable("key") String key,
                                   HttpServletRequest request) {
        WebRequests.Admission admission = web.organiser(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        return dashboard.meeting(in.session(), in.texts(), circleId, key)
                .map(m -> WebRequests.page(HttpStatus.OK, pages.meeting(in.texts(), in.session(), m)))
                .orElseGet(() -> web.notFound(in.texts(), in.session()));
    }

    /** The resource's bytes, or none when it is not on the classpath. */
    private static byte[] optionalResource(String name) {
        try (InputStream in = DashboardController.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return new byte[0];
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
