package org.circlekeeper.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.circlekeeper.core.dashboard.DashboardAddress;
import org.circlekeeper.core.dashboard.WordingPage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every answer of the organisers' page carries, and what every request to it may bring. Answers: a strict
 * Content-Security-Policy (no inline script: scripts, styles, requests and forms only from the page itself, never framed), no caching, no
 * referrer beyond the page itself (so no page address leaves with a link), no sniffing; HSTS when the page is served over TLS. Requests: a
 * body only with a POST, announced by its length and at most {@link #MAX_BODY} bytes (a form's fields, the longest a
 * wording); anything else gets 413 before anything reads it, and the connection is closed.
 */
public final class DashboardGuard extends OncePerRequestFilter {

    /**
     * The largest form body accepted, in bytes: the wording editor's, whose text may have {@link WordingPage#MAX_LENGTH}
     * characters of up to 4 bytes in UTF-8, each byte sent as {@code %XX}, plus 2 KB for its token and button (20,048).
     */
    public static final int MAX_BODY = WordingPage.MAX_LENGTH * 4 * 3 + 2 * 1024;
    static final String POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final boolean secure;

    public DashboardGuard(DashboardAddress address) {
        this.secure = address.secure();
    }

    /** Whether a path belongs to the page (the guard and the page's own size limit apply). */
    public static boolean onPage(String path) {
        return path.equals(Paths.ROOT) || path.startsWith(Paths.ROOT + "/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !onPage(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with the page's own forms
        // (Fetch standard, "serializing a request origin"), and the same-origin check of every POST needs the origin
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (!request.getRequestURI().equals(Paths.STYLESHEET)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (secure) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        long length = request.getContentLengthLong();
        boolean chunked = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        boolean post = "POST".equals(request.getMethod());
        if (chunked || (post ? length > MAX_BODY : length > 0)) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        chain.doFilter(request, response);
    }
}
