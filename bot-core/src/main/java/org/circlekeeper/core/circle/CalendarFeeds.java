package org.circlekeeper.core.circle;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.circlekeeper.core.ref.CommunityRef;

/**
 * The subscribable calendar of each community: an unguessable token (128 random bits) names it, and
 * {@link #feedFor(String)} gives the iCalendar of all the community's circles for a valid token. The
 * application serves it at {@link #PATH_PREFIX}{@code <token>.ics} when its web port is on; rotating
 * the token makes the old address stop working at once.
 */
public final class CalendarFeeds {

    /** Where the application serves feeds: {@code /calendar/<token>.ics}. */
    public static final String PATH_PREFIX = "/calendar/";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");

    /** One community's calendar, ready to serve. */
    public record Feed(CommunityRef community, String mediaType, byte[] content) {
        public Feed {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    private final CircleStores stores;
    private final CalendarExport export;
    private final SecureRandom random = new SecureRandom();

    public CalendarFeeds(CircleStores stores, Clock clock) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.export = new CalendarExport(clock);
    }

    /** The calendar for a token; empty when the token is malformed, unknown or rotated away. */
    public Optional<Feed> feedFor(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return stores.feeds().community(token)
                .map(community -> new Feed(community, CalendarExport.MEDIA_TYPE,
                        export.export(community, stores.circles().all(community))));
    }

    /** The community's token, made on first use. */
    public String tokenFor(CommunityRef community) {
        return stores.feeds().token(community).orElseGet(() -> rotate(community));
    }

    /** A new token for the community; the old one stops working. */
    public String rotate(CommunityRef community) {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        stores.feeds().put(community, token);
        return token;
    }

    /** The path the application serves the token's feed at. */
    public static String path(String token) {
        return PATH_PREFIX + token + ".ics";
    }
}
