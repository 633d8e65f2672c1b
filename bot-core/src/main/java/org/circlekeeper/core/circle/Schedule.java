package org.circlekeeper.core.circle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Iterator;
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

    /**
     * The same schedule with its series ending before {@code at}: every meeting that starts at or after
     * that moment is gone, every earlier one stays (a day holds one meeting at most, so the end is the
     * day before the first meeting gone). Unchanged when nothing starts from then on. An end before the
     * start means no meeting is left.
     */
    public Schedule endedBefore(Instant at) {
        if (!(recurrence instanceof Recurrence.Repeating repeating)) {
            return this;
        }
        Iterator<LocalDateTime> starts = Occurrences.localStarts(this, LocalDateTime.ofInstant(at, zone).minusDays(2));
        while (starts.hasNext()) {
            LocalDateTime local = starts.next();
            if (!at(local).toInstant().isBefore(at)) {
                Recurrence.End end = new Recurrence.End.Until(local.toLocalDate().minusDays(1));
                return new Schedule(start, zone, duration, new Recurrence.Repeating(repeating.rule(), end));
            }
        }
        return this;
    }

    /** True when the series ends before its first meeting (a series called off before it began). */
    public boolean endsBeforeStart() {
        return recurrence instanceof Recurrence.Repeating repeating && repeating.end() instanceof Recurrence.End.Until until
                && until.date().isBefore(start.toLocalDate());
    }

    public Schedule withDuration(Duration newDuration) {
        return new Schedule(start, zone, newDuration, recurrence);
    }
}
