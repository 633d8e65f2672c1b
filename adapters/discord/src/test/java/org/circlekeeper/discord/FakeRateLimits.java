package org.circlekeeper.discord;

import com.sun.net.httpserver.Headers;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Discord's REST rate limits, as the API reference describes them (Topics, Rate Limits), for {@link FakeDiscord}:
 * <ul>
 *   <li>"Global Rate Limit": at most {@value #GLOBAL_PER_SECOND} requests in any one second per bot, over all routes
 *       except interaction answers ("Interaction endpoints are not bound to the bot's Global Rate Limit"); a sliding
 *       second, so no burst beyond the 50 is free at the edge of a second. Past it: 429 with {@code global: true},
 *       {@code X-RateLimit-Global: true} and {@code X-RateLimit-Scope: global}.</li>
 *   <li>Per-route limits with buckets ("Header Format"): each response on a limited route carries
 *       {@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Reset} (epoch seconds), {@code -Reset-After} (seconds)
 *       and {@code -Bucket}; a route's limit is counted per top-level resource (the channel id for a channel's
 *       messages) and resets all at once when its window ends. Past it: 429 with {@code global: false} and
 *       {@code X-RateLimit-Scope: user}.</li>
 *   <li>"Exceeding A Rate Limit": a 429 body has {@code message}, {@code retry_after} (seconds, a float) and
 *       {@code global}; the {@code Retry-After} header is whole seconds, rounded up. Discord's answers pass its
 *       proxy ({@code Via}); a 429 without it would be a Cloudflare ban.</li>
 * </ul>
 * Discord publishes no number for a route ("rate limits should not be hard coded"): creating messages in one
 * channel is limited to 5 per 5 s (what Discord answers bots today), and opening a DM channel, whose route has no
 * top-level resource, to {@value #DM_CHANNELS} per second for the whole bot. A refused request uses up nothing.
 */
final class FakeRateLimits {

    static final int GLOBAL_PER_SECOND = 50;
    static final int MESSAGES_PER_CHANNEL = 5;
    static final Duration MESSAGES_WINDOW = Duration.ofSeconds(5);
    static final int DM_CHANNELS = 30;
    static final Duration DM_CHANNELS_WINDOW = Duration.ofSeconds(1);
    private static final long SECOND = 1_000_000_000L;

    /** One route's limit: its bucket hash (as Discord names it in {@code X-RateLimit-Bucket}), count and window. */
    record RouteLimit(String bucket, int limit, Duration window) {
    }

    /** A request the limits let through, with when it arrived ({@link System#nanoTime()}). */
    record Admitted(long nanoTime, String method, String path, boolean global) {
    }

    /** What to answer: go on (with these headers set), or 429 with this body. */
    record Verdict(int status, Map<String, Object> body) {
        boolean refused() {
            return status == 429;
        }
    }

    private final Deque<Long> globalWindow = new ArrayDeque<>();
    private final Map<String, long[]> windows = new HashMap<>();
    private final List<Admitted> admitted = new ArrayList<>();
    private int refusedGlobal;
    private int refusedRoute;

    /** The route's limit and its top-level resource, or null when the fake keeps no bucket for it. */
    static Map.Entry<RouteLimit, String> routeOf(String method, String path) {
        if (method.equals("POST") && path.matches("/channels/\\d+/messages")) {
            return Map.entry(new RouteLimit("80c17d2f203122d936070c88c8d10f33", MESSAGES_PER_CHANNEL, MESSAGES_WINDOW),
                    path.split("/")[2]);
        }
        if (method.equals("POST") && path.equals("/users/@me/channels")) {
            return Map.entry(new RouteLimit("2d3f1b0b9e6a4f3c8e6d0f1a7b5c9e21", DM_CHANNELS, DM_CHANNELS_WINDOW), "");
        }
        return null;
    }

    /** Interaction answers (callbacks and their follow-ups by token) are outside the global limit. */
    static boolean counted(String path) {
        return !path.startsWith("/interactions/") && !path.matches("/webhooks/" + FakeDiscord.APP + "/[^/]+(/.*)?");
    }

    /**
     * Decides one request: sets the rate-limit headers on {@code headers} and answers whether it may go on or must
     * be refused with 429 (and with what body).
     */
    synchronized Verdict admit(String method, String path, Headers headers) {
        long now = System.nanoTime();
        boolean global = counted(path);
        if (global) {
            while (!globalWindow.isEmpty() && now - globalWindow.peekFirst() >= SECOND) {
                globalWindow.removeFirst();
            }
            if (globalWindow.size() >= GLOBAL_PER_SECOND) {
                double retryAfter = (globalWindow.peekFirst() + SECOND - now) / 1e9;
                refusedGlobal++;
                headers.set("Retry-After", Long.toString((long) Math.ceil(retryAfter)));
                headers.set("X-RateLimit-Global", "true");
                headers.set("X-RateLimit-Scope", "global");
                headers.set("Via", "1.1 google");
                return new Verdict(429, Map.of("message", "You are being rate limited.", "retry_after", round(retryAfter),
                        "global", true));
            }
        }
        Map.Entry<RouteLimit, String> route = routeOf(method, path);
        if (route != null) {
            RouteLimit limit = route.getKey();
            long[] window = windows.computeIfAbsent(limit.bucket() + ":" + route.getValue(), k -> new long[] {now, 0});
            if (now - window[0] >= limit.window().toNanos()) {
                window[0] = now;
                window[1] = 0;
            }
            double resetAfter = (window[0] + limit.window().toNanos() - now) / 1e9;
            headers.set("X-RateLimit-Limit", Integer.toString(limit.limit()));
            headers.set("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0 + resetAfter));
            headers.set("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", resetAfter));
            headers.set("X-RateLimit-Bucket", limit.bucket());
            if (window[1] >= limit.limit()) {
                refusedRoute++;
                headers.set("X-RateLimit-Remaining", "0");
                headers.set("X-RateLimit-Scope", "user");
                headers.set("Retry-After", Long.toString((long) Math.ceil(resetAfter)));
                headers.set("Via", "1.1 google");
                return new Verdict(429, Map.of("message", "You are being rate limited.", "retry_after", round(resetAfter),
                        "global", false));
            }
            window[1]++;
            headers.set("X-RateLimit-Remaining", Long.toString(limit.limit() - window[1]));
        }
        if (global) {
            globalWindow.addLast(now);
        }
        admitted.add(new Admitted(now, method, path, global));
        return new Verdict(200, null);
    }

    private static double round(double seconds) {
        return Math.ceil(seconds * 1000) / 1000;
    }

    /** Requests answered 429 for the global limit. */
    synchronized int refusedGlobal() {
        return refusedGlobal;
    }

    /** Requests answered 429 for a route's limit. */
    synchronized int refusedRoute() {
        return refusedRoute;
    }

    /** Every request let through, in order of arrival. */
    synchronized List<Admitted> admitted() {
        return List.copyOf(admitted);
    }

    /** The most requests counted in the global limit that arrived within any one second. */
    synchronized int busiestSecond() {
        List<Long> times = admitted.stream().filter(Admitted::global).map(Admitted::nanoTime).toList();
        int most = 0;
        int first = 0;
        for (int last = 0; last < times.size(); last++) {
            while (times.get(last) - times.get(first) >= SECOND) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
