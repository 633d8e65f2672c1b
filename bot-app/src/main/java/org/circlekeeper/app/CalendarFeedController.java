package org.circlekeeper.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.circle.CalendarExport;
import org.circlekeeper.core.circle.CalendarFeeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves each community's subscribable calendar at {@code /calendar/<token>.ics} (the address {@code /circle
 * feed} gives organisers). It is served only while the web server runs, that is with {@code
 * circlekeeper.web.port} set; an unknown, malformed or rotated token gets an empty 404.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class CalendarFeedController {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarFeedController.class);
    static final MediaType CALENDAR = MediaType.parseMediaType(CalendarExport.MEDIA_TYPE + "; charset=utf-8");
    /**
     * Calendar apps poll a subscription every few hours at most, so a quarter of an hour costs nothing; private,
     * so that no shared cache keeps a copy that outlives a rotated token.
     */
    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(15)).cachePrivate();

    private final CalendarFeeds feeds;

    CalendarFeedController(Stores stores, Clock clock) {
        this.feeds = new CalendarFeeds(stores.circles(), clock);
    }

    @GetMapping(CalendarFeeds.PATH_PREFIX + "{token}.ics")
    ResponseEntity<byte[]> feed(@PathVariable("token") String token) {
        // CalendarFeeds checks the token's form, the store whether a community still names it
        Optional<CalendarFeeds.Feed> feed = feeds.feedFor(token);
        if (feed.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore()).build();
        }
        LOG.debug("calendar feed of {} served", feed.get().community().key());
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .cacheControl(CACHE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("circles.ics").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(feed.get().content());
    }
}
