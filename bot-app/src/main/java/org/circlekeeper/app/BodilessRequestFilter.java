package org.circlekeeper.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.circlekeeper.web.DashboardGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every endpoint the app opens besides Telegram's webhook and the organisers' page (the calendar feed, health,
 * metrics) is read with GET and takes no body: a request that brings one (a Content-Length above zero, or chunked)
 * gets 413 before anything reads it, and the connection is closed. The webhook caps its own body, after its secret;
 * the page's forms are capped by its {@link DashboardGuard}.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class BodilessRequestFilter extends OncePerRequestFilter {

    private final String webhookPath;
    private final boolean pageOn;

    BodilessRequestFilter(@Value("${circlekeeper.telegram.webhook.path:/telegram/webhook}") String webhookPath,
                          ObjectProvider<DashboardGuard> page) {
        this.webhookPath = webhookPath;
        this.pageOn = page.getIfAvailable() != null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return webhookPath.equals(request.getRequestURI()) || (pageOn && DashboardGuard.onPage(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        chain.doFilter(request, response);
    }
}
