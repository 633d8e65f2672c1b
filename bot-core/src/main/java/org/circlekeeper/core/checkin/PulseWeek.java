package org.circlekeeper.core.checkin;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * The period a group pulse covers: one whole ISO week, Monday to Sunday in the group's zone, and only
 * once it is over for every member wherever they live. Weeks never overlap and a closed week never
 * changes with a later check-in (a check-in is saved for the member's own today), so two pulses taken
 * around one member's check-in cannot be told apart.
 *
 * @param monday the first day of the week
 */
record PulseWeek(LocalDate monday) {

    /**
     * The westernmost offset a member's "today" can be in: a check-in is saved for the member's local date,
     * so a week is closed for everyone only once it has ended at this offset too.
     */
    static final ZoneOffset LAST_TO_END = ZoneOffset.MIN;

    PulseWeek {
        Objects.requireNonNull(monday, "monday");
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("a pulse week starts on a Monday, not on " + monday);
        }
    }

    /** The latest week, reckoned in the group's zone, that has ended for every member at {@code now}. */
    static PulseWeek lastClosed(Instant now, ZoneId groupZone) {
        LocalDate today = LocalDate.ofInstant(now, groupZone);
        PulseWeek week = new PulseWeek(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1));
        while (!week.closedAt(now)) {
            week = week.previous();
        }
        return week;
    }

    LocalDate sunday() {
        return monday.plusDays(6);
    }

    PulseWeek previous() {
        return new PulseWeek(monday.minusWeeks(1));
    }

    /** True when no member, in any zone, can check in for a day of this week any more. */
    boolean closedAt(Instant now) {
        return !now.isBefore(sunday().plusDays(1).atStartOfDay(LAST_TO_END).toInstant());
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(monday) && !day.isAfter(sunday());
    }
}
