package org.circlekeeper.core.circle;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a circle meets: its first local start (aligned with its rule), the zone that local time is
 * in, how long a meeting lasts, and how it repeats.
 */
public record Schedule(LocalDateTime start, ZoneId zone, Duration duration, Recurrence recurrence) {

    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(60);
    public static final Duration MIN_DURATION = Duration.ofMinutes(5);
    public static final Duration MAX_DURATION = Duration.ofHours(12);

    public Schedule {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(recurrence, "recurrence");
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("a meeting lasts from 5 minutes to 12 hours");
        }
        start = start.withSecond(0).withNano(0);
    }

    /** The local time in the zone; a time in a DST gap moves forward by the gap, as RFC 5545 says. */
    public ZonedDateTime at(LocalDateTime local) {
        return ZonedDateTime.of(local, zone);
    }

    public Schedule withDuration(Duration newDuration) {
        return new Schedule(start, zone, newDuration, recurrence);
    }
}
