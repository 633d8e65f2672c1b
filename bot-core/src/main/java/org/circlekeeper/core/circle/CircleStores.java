package org.circlekeeper.core.circle;

import java.util.Objects;
import org.circlekeeper.core.ref.StoreKey;

/** The store ports of the circles feature, implemented by Redis in production and in memory in tests. */
public record CircleStores(CircleStore circles, RsvpStore rsvps, ReminderChoiceStore reminders, FeedTokenStore feeds,
                           EventLinkStore events) {

    /** The circles feature's stores' name among the bot's stores. */
    public static final StoreKey<CircleStores> KEY = StoreKey.of("circles", CircleStores.class);

    public CircleStores {
        Objects.requireNonNull(circles, "circles");
        Objects.requireNonNull(rsvps, "rsvps");
        Objects.requireNonNull(reminders, "reminders");
        Objects.requireNonNull(feeds, "feeds");
        Objects.requireNonNull(events, "events");
    }
}
