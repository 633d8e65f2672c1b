package org.circlekeeper.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.dashboard.Dashboard;
import org.circlekeeper.core.dashboard.DashboardAddress;
import org.circlekeeper.core.dashboard.DashboardMessages;
import org.circlekeeper.core.dashboard.PageTexts;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.platform.OrganiserChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;

/**
 * What every page of the web adapter shares: the session cookie, the organiser's role re-checked on every request
 * ({@link #organiser}), a member's own session ({@link #member}), the change checks (own origin and the session's
 * change token) and the answers that are no page (not signed in, refused, not found). Each controller asks it first
 * and renders only when it admits the request.
 */
public final class WebRequests {

    private static final Logger LOG = LoggerFactory.getLogger(WebRequests.class);
    static final MediaType HTML = MediaType.parseMediaType("text/html; charset=utf-8");

    private final Dashboard dashboard;
    private final DashboardAddress address;
    private final OrganiserChecks organisers;
    private final Pages pages;
    private final String cookieName;

    /** The requests of the pages over the core's dashboard, asking {@code organisers} (the running platforms) about roles. */
    public static WebRequests of(Dashboard dashboard, DashboardAddress address, OrganiserChecks organisers) {
        return new WebRequests(dashboard, address, organisers, new Pages());
    }

    private WebRequests(Dashboard dashboard, DashboardAddress address, OrganiserChecks organisers, Pages pages) {
        this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
        this.address = Objects.requireNonNull(address, "address");
        this.organisers = Objects.requireNonNull(organisers, "organisers");
        this.pages = Objects.requireNonNull(pages, "pages");
        // the __Host- prefix makes a browser refuse the cookie unless it is Secure, for this host only, on path /
        this.cookieName = address.secure() ? "__Host-ck-page" : "ck-page";
    }

    Dashboard dashboard() {
        return dashboard;
    }

    Pages pages() {
        return pages;
    }

    /** A request admitted to a page, or the answer that refuses it. */
    sealed interface Admission {
        /** Admitted: the session and its reader's texts. */
        record In(WebSession session, PageTexts texts) implements Admission {
        }

        /** Refused: answer this instead of the page. */
        record Out(ResponseEntity<String> answer) implements Admission {
        }
    }

    /**
     * Admits an organiser's session whose member the platform confirms as an organiser just now (every page load and
     * every change); a member's own-page session is refused here.
     */
    Admission organiser(HttpServletRequest request) {
        Dashboard.Access access = access(request);
        if (access instanceof Dashboard.Access.Open open) {
            return new Admission.In(open.session(), dashboard.texts(open.session()));
        }
        if (access instanceof Dashboard.Access.OwnPage own) {
            LOG.info("organisers' page: a member's own-page session asked for an organisers' page; refused");
            PageTexts texts = dashboard.texts(own.session());
            return new Admission.Out(page(HttpStatus.FORBIDDEN, pages.message(texts, own.session(),
                    Pages.html(texts, DashboardMessages.ORGANISERS_ONLY))));
        }
        return new Admission.Out(closed(access, request));
    }

    /** Admits a member's own-page session (no role is needed to read one's own data); an organiser's session too. */
    Admission member(HttpServletRequest request) {
        Dashboard.Access access = access(request);
        if (access instanceof Dashboard.Access.OwnPage own) {
            return new Admission.In(own.session(), dashboard.texts(own.session()));
        }
        if (access instanceof Dashboard.Access.Open open) {
            return new Admission.In(open.session(), dashboard.texts(open.session()));
        }
        return new Admission.Out(closed(access, request));
    }

    /**
     * Whether a change (a POST) may go ahead: from the page's own origin, with the session's change token. Empty when
     * it may; else the refusal to answer.
     */
    Optional<ResponseEntity<String>> refuseChange(HttpServletRequest request, WebSession session, PageTexts texts, String csrf) {
        if (sameOrigin(request) && sameSecret(csrf == null ? "" : csrf, session.csrf())) {
            return Optional.empty();
        }
        LOG.info("organisers' page: a change without its token or from another origin was refused");
        return Optional.of(page(HttpStatus.FORBIDDEN, pages.message(texts, session, Pages.html(texts, DashboardMessages.REFUSED_CHANGE))));
    }

    /** The request's session, its member's role re-checked with the platform (every page load and every change). */
    Dashboard.Access access(HttpServletRequest request) {
        return cookieValue(request).map(secret -> dashboard.access(secret, organisers)).orElseGet(Dashboard.Access.None::new);
    }

    /**
     * No page: not signed in; signed out just now because the member is no longer an organiser (told why); or the
     * platform could not confirm the role just now (refused, the session kept).
     */
    ResponseEntity<String> closed(Dashboard.Access access, HttpServletRequest request) {
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

    ResponseEntity<String> notSignedIn(HttpServletRequest request) {
        PageTexts texts = dashboard.texts(browserLanguages(request));
        return page(HttpStatus.UNAUTHORIZED, pages.message(texts, null, Pages.html(texts, DashboardMessages.NOT_SIGNED_IN)));
    }

    ResponseEntity<String> notFound(PageTexts texts, WebSession session) {
        return page(HttpStatus.NOT_FOUND, pages.message(texts, session, Pages.html(texts, DashboardMessages.NOT_FOUND)));
    }

    Optional<String> cookieValue(HttpServletRequest request) {
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

    ResponseCookie cookie(String value, boolean expire) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(cookieName, value)
                .httpOnly(true).secure(address.secure()).sameSite("Lax").path("/");
        return (expire ? cookie.maxAge(0) : cookie).build();
    }

    /**
     * Whether a POST comes from the page itself: its {@code Origin} is the public address's (browsers send it with
     * every POST); where it is missing or {@code null}, {@code Sec-Fetch-Site} must say the same origin (a client
     * without either, not a browser, is held by the session cookie and the change token alone).
     */
    boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !origin.equals("null")) {
            return origin.equalsIgnoreCase(origin(address.base()));
        }
        // Fetch Metadata (https://www.w3.org/TR/fetch-metadata/): the browser's own word on where the request came from
        String site = request.getHeader("Sec-Fetch-Site");
        return origin == null ? site == null || site.equals("same-origin") : "same-origin".equals(site);
    }

    /** A same-origin address's path and query (a {@code Referer}, say); empty for another origin or no address. */
    Optional<String> ownPath(String url) {
        if (url == null || url.length() > 400) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null || !origin(uri).equals(origin(address.base()))) {
                return Optional.empty();
            }
            return Optional.of(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String origin(URI base) {
        return base.getScheme().toLowerCase(Locale.ROOT) + "://" + base.getHost().toLowerCase(Locale.ROOT)
                + (base.getPort() == -1 ? "" : ":" + base.getPort());
    }

    static boolean sameSecret(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    static List<Locale> browserLanguages(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? List.of() : Collections.list(request.getLocales());
    }

    static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(HTML).body(html);
    }

    static ResponseEntity<String> redirect(String path) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(path)).build();
    }
}
