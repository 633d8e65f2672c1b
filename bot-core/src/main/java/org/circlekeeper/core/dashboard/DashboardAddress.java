package org.circlekeeper.core.dashboard;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where members reach the organisers' page: the deployment's public base address ({@code https://bot.example.org}).
 * Without one the page is off and {@code /dashboard} says so.
 */
public record DashboardAddress(URI base) {

    /** Where the pages live under the base address. */
    public static final String PATH = "/dashboard";
    /** Where a sign-in link points: {@code /dashboard/signin/<secret>}. */
    public static final String SIGN_IN_PATH = PATH + "/signin/";

    public DashboardAddress {
        Objects.requireNonNull(base, "base");
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || base.getHost() == null || base.getQuery() != null
                || base.getFragment() != null) {
            throw new IllegalArgumentException("the page's public address must be an http(s) address with a host and no query, e.g. "
                    + "https://bot.example.org");
        }
        String text = base.toString();
        base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** Reads a configured address. */
    public static DashboardAddress parse(String text) {
        return new DashboardAddress(URI.create(Objects.requireNonNull(text, "text").strip()));
    }

    /** Whether the page is reached over TLS, so its cookie may only travel over TLS. */
    public boolean secure() {
        return "https".equalsIgnoreCase(base.getScheme());
    }

    /** The sign-in link for a secret. */
    public String signInLink(String secret) {
        return base + SIGN_IN_PATH + secret;
    }
}
