package org.circlekeeper.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.dashboard.CalendarMonth;
import org.circlekeeper.core.dashboard.Dashboard;
import org.circlekeeper.core.dashboard.DashboardAddress;
import org.circlekeeper.core.dashboard.DashboardMessages;
import org.circlekeeper.core.dashboard.PageTexts;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.platform.OrganiserChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
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
    private static final MediaType HTML = MediaType.parseMediaType("text/html; charset=utf-8");

    private final Dashboard dashboard;
    private final DashboardAddress address;
    private final OrganiserChecks organisers;
    private final Pages pages = new Pages();
    private final String cookieName;
    private final byte[] stylesheet;

    /** The page over the core's dashboard, asking {@code organisers} (the running platforms) about the role on every request. */
    public DashboardController(Dashboard dashboard, DashboardAddress address, OrganiserChecks organisers) {
        this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
        this.address = Objects.requireNonNull(address, "address");
        this.organisers = Objects.requireNonNull(organisers, "organisers");
        // the __Host- prefix makes a browser refuse the cookie unless it is Secure, for this host only, on path /
        this.cookieName = address.secure() ? "__Host-ck-page" : "ck-page";
        this.stylesheet = resource("web/dashboard.css");
    }

    @GetMapping(Paths.ROOT)
    ResponseEntity<String> root() {
        return redirect(Paths.CALENDAR);
    }

    @GetMapping(Paths.STYLESHEET)
    ResponseEntity<byte[]> stylesheet() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/css; charset=utf-8"))
                .cacheControl(CacheControl.noCache()).body(stylesheet);
    }

    @GetMapping(Paths.SIGN_IN + "/{secret}")
    ResponseEntity<String> signInPage(@PathVariable("secret") String secret, HttpServletRequest request) {
        PageTexts texts = dashboard.texts(browserLanguages(request));
        // the link is only shown back as the form's value, and only when it is shaped like one
        if (!secret.matches("[A-Za-z0-9_-]{43}")) {
            return page(HttpStatus.NOT_FOUND, pages.message(texts, null, Pages.html(texts, DashboardMessages.SIGNIN_REFUSED)));
        }
        return page(HttpStatus.OK, pages.signIn(texts, secret));
    }

    @PostMapping(Paths.SIGN_IN)
    ResponseEntity<String> signIn(@RequestParam(name = "link", defaultValue = "") String link, HttpServletRequest request) {
        PageTexts texts = dashboard.texts(browserLanguages(request));
        if (!sameOrigin(request)) {
            return page(HttpStatus.FORBIDDEN, pages.message(texts, null, Pages.html(texts, DashboardMessages.REFUSED_CHANGE)));
        }
        Optional<Dashboard.SignedIn> signedIn = dashboard.signIn(link);
        if (signedIn.isEmpty()) {
            LOG.info("organisers' page: a sign-in link was refused (used, expired or unknown)");
            return page(HttpStatus.FORBIDDEN, pages.message(texts, null, Pages.html(texts, DashboardMessages.SIGNIN_REFUSED)));
        }
        LOG.info("organisers' page: signed in on {}", signedIn.get().session().signIn().community().platform().id());
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(Paths.CALENDAR))
                .header(HttpHeaders.SET_COOKIE, cookie(signedIn.get().secret(), false).toString()).build();
    }

    @PostMapping(Paths.SIGN_OUT)
    ResponseEntity<String> signOut(@RequestParam(name = "_csrf", defaultValue = "") String csrf, HttpServletRequest request) {
        // signing out needs no role, only the session and its token: it works even while the platform cannot answer
        Optional<WebSession> signedIn = cookieValue(request).flatMap(dashboard::session);
        if (signedIn.isEmpty()) {
            return notSignedIn(request);
        }
        WebSession session = signedIn.get();
        PageTexts texts = dashboard.texts(session);
        if (!sameOrigin(request) || !sameSecret(csrf, session.csrf())) {
            LOG.info("organisers' page: a change without its token or from another origin was refused");
            return page(HttpStatus.FORBIDDEN, pages.message(texts, session, Pages.html(texts, DashboardMessages.REFUSED_CHANGE)));
        }
        dashboard.signOut(cookieValue(request).orElse(""));
        return ResponseEntity.status(HttpStatus.OK).contentType(HTML)
                .header(HttpHeaders.SET_COOKIE, cookie("", true).toString())
                .body(pages.message(texts, null, Pages.html(texts, DashboardMessages.SIGNED_OUT)));
    }

    @GetMapping(Paths.CALENDAR)
    ResponseEntity<String> calendar(@RequestParam(name = "month", required = false) String month, HttpServletRequest request) {
        Dashboard.Access access = access(request);
        if (!(access instanceof Dashboard.Access.Open open)) {
            return closed(access, request);
        }
        WebSession session = open.session();
        PageTexts texts = dashboard.texts(session);
        YearMonth shown = dashboard.thisMonth(texts);
        if (month != null) {
            try {
                shown = YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                return notFound(texts, session);
            }
            if (!dashboard.shows(texts, shown)) {
                return notFound(texts, session);
            }
        }
        CalendarMonth calendar = dashboard.month(session, texts, shown);
        return page(HttpStatus.OK, pages.calendar(texts, session, calendar));
    }

    @GetMapping(Paths.MEETINGS + "{circleId}/{key}")
    ResponseEntity<String> meeting(@PathVariable("circleId") String circleId, @PathVariable("key") String key,
                                   HttpServletRequest request) {
        Dashboard.Access access = access(request);
        if (!(access instanceof Dashboard.Access.Open open)) {
            return closed(access, request);
        }
        WebSession session = open.session();
        PageTexts texts = dashboard.texts(session);
        return dashboard.meeting(session, texts, circleId, key)
                .map(m -> page(HttpStatus.OK, pages.meeting(texts, session, m)))
                .orElseGet(() -> notFound(texts, session));
    }

    private ResponseEntity<String> notSignedIn(HttpServletRequest request) {
        PageTexts texts = dashboard.texts(browserLanguages(request));
        return page(HttpStatus.UNAUTHORIZED, pages.message(texts, null, Pages.html(texts, DashboardMessages.NOT_SIGNED_IN)));
    }

    private ResponseEntity<String> notFound(PageTexts texts, WebSession session) {
        return page(HttpStatus.NOT_FOUND, pages.message(texts, session, Pages.html(texts, DashboardMessages.NOT_FOUND)));
    }

    /** The request's session, its member's role re-checked with the platform (every page load and every change). */
    private Dashboard.Access access(HttpServletRequest request) {
        return cookieValue(request).map(secret -> dashboard.access(secret, organisers)).orElseGet(Dashboard.Access.None::new);
    }

    /**
     * No page: not signed in; signed out just now because the member is no longer an organiser (told why); or the
     * platform could not confirm the role just now (refused, the session kept).
     */
    private ResponseEntity<String> closed(Dashboard.Access access, HttpServletRequest request) {
        if (access instanceof Dashboard.Access.RoleLost lost) {
            LOG.info("organisers' page: a session ended because its member is no longer an organiser");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(HTML)
                    .header(HttpHeaders.SET_COOKIE, cookie("", true).toString())
                    .body(pages.message(lost.texts(), null, Pages.html(lost.texts(), DashboardMessages.ROLE_LOST)));
        }
        if (access instanceof Dashboard.Access.Unconfirmed unconfirmed) {
            LOG.warn("organisers' page: the platform did not confirm a member's role just now; the request was refused");
            return page(HttpStatus.SERVICE_UNAVAILABLE, pages.message(unconfirmed.texts(), null,
                    Pages.html(unconfirmed.texts(), DashboardMessages.ROLE_UNCONFIRMED)));
        }
        return notSignedIn(request);
    }

    private Optional<String> cookieValue(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookieName.equals(cookie.getName())) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private ResponseCookie cookie(String value, boolean expire) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(cookieName, value)
                .httpOnly(true).secure(address.secure()).sameSite("Lax").path("/");
        return (expire ? cookie.maxAge(0) : cookie).build();
    }

    /**
     * Whether a POST comes from the page itself: its {@code Origin} is the public address's (browsers send it with
     * every POST); where it is missing or {@code null}, {@code Sec-Fetch-Site} must say the same origin (a client
     * without either, not a browser, is held by the session cookie and the change token alone).
     */
    private boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !origin.equals("null")) {
            return origin.equalsIgnoreCase(origin(address.base()));
        }
        // Fetch Metadata (https://www.w3.org/TR/fetch-metadata/): the browser's own word on where the request came from
        String site = request.getHeader("Sec-Fetch-Site");
        return origin == null ? site == null || site.equals("same-origin") : "same-origin".equals(site);
    }

    private static String origin(URI base) {
        return base.getScheme().toLowerCase(Locale.ROOT) + "://" + base.getHost().toLowerCase(Locale.ROOT)
                + (base.getPort() == -1 ? "" : ":" + base.getPort());
    }

    private static boolean sameSecret(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Locale> browserLanguages(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? List.of() : Collections.list(request.getLocales());
    }

    private static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(HTML).body(html);
    }

    private static ResponseEntity<String> redirect(String path) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(path)).build();
    }

    private static byte[] resource(String name) {
        try (InputStream in = DashboardController.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
