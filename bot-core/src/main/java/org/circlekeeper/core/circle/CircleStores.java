package org.circlekeeper.core.circle;

import java.util.Objects;

/** The store ports of the circles feature, implemented by Redis in production and in memory in tests. */
public record CircleStores(CircleStore circles, RsvpStore rsvps, ReminderChoiceStore reminders, FeedTokenStore feeds) {

    public CircleStores {
        Objects.requireNonNull(circles, "circles");
        Objects.requireNonNull(rsvps, "rsvps");
        Objects.requireNonNull(reminders, "reminders");
        Objects.requireNonNull(feeds, "feeds");
    }
}
