package org.circlekeeper.core.circle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * Computes a circle's meetings. lib-recur iterates the rule on floating local date-times; each is
 * placed in the circle's zone by {@code java.time}, so the local time holds across DST changes while
 * the UTC instant moves. Skips are left out and moves put in their new place.
 */
public final class Occurrences {

    /** How far ahead "the next meeting" is looked for: a Feb 29 yearly circle may wait four years. */
    public static final Duration NEXT_HORIZON = Duration.ofDays(5 * 366 + 1);
    /** A guard against rules that match rarely: at most this many instances are looked at per question. */
    static final int MAX_STEPS = 5_000;
    /** Meetings of one circle that can overlap one meeting: it and its neighbours (a daily circle of 12 hours). */
    private static final int MAX_CLASHES = 4;
    /** Meetings looked at for clock changes: a daily circle's year. */
    private static final int MAX_LOOKED_AHEAD = 400;

    private Occurrences() {
    }

    /**
     * Meetings that have not ended by {@code from} and start before {@code to}, earliest first, at
     * most {@code max}. A cancelled circle has none.
     */
    public static List<Occurrence> between(Circle circle, Instant from, Instant to, int max) {
        if (circle.cancelled() || max <= 0) {
            return List.of();
        }
        Schedule schedule = circle.schedule();
        LocalDateTime fromLocal = LocalDateTime.ofInstant(from.minus(schedule.duration()), schedule.zone()).minusDays(1);
        LocalDateTime toLocal = LocalDateTime.ofInstant(to, schedule.zone()).plusDays(1);
        List<Occurrence> found = new ArrayList<>();
        int regular = 0;
        Iterator<LocalDateTime> starts = localStarts(schedule, fromLocal);
        while (starts.hasNext() && regular < max) {
            LocalDateTime local = starts.next();
            if (local.isAfter(toLocal)) {
                break;
            }
            if (circle.skips().contains(local) || circle.moves().containsKey(local)) {
                continue;
            }
            Occurrence occurrence = new Occurrence(circle.id(), local, schedule.at(local), schedule.duration(), false);
            if (overlaps(occurrence, from, to)) {
                found.add(occurrence);
                regular++;
            }
        }
        for (Map.Entry<LocalDateTime, LocalDateTime> move : circle.moves().entrySet()) {
            Occurrence occurrence = new Occurrence(circle.id(), move.getKey(), schedule.at(move.getValue()), schedule.duration(), true);
            if (overlaps(occurrence, from, to) && !circle.skips().contains(move.getKey()) && isInstance(schedule, move.getKey())) {
                found.add(occurrence);
            }
        }
        found.sort(Comparator.comparing((Occurrence o) -> o.start().toInstant()).thenComparing(Occurrence::original));
        return found.size() > max ? List.copyOf(found.subList(0, max)) : List.copyOf(found);
    }

    /** The first meeting that has not ended by {@code now}, if there is one. */
    public static Optional<Occurrence> next(Circle circle, Instant now) {
        return between(circle, now, now.plus(NEXT_HORIZON), 1).stream().findFirst();
    }

    /**
     * The meeting originally starting at {@code original}, where it takes place now; empty when the
     * circle is cancelled, the meeting skipped, or the rule has no meeting then.
     */
    public static Optional<Occurrence> find(Circle circle, LocalDateTime original) {
        Schedule schedule = circle.schedule();
        if (circle.cancelled() || circle.skips().contains(original) || !isInstance(schedule, original)) {
            return Optional.empty();
        }
        LocalDateTime moved = circle.moves().get(original);
        LocalDateTime local = moved == null ? original : moved;
        return Optional.of(new Occurrence(circle.id(), original, schedule.at(local), schedule.duration(), moved != null));
    }

    /**
     * The meeting that takes place on a local date or originally did (for "skip the one on the 9th"),
     * if any; skipped ones are left out.
     */
    public static Optional<Occurrence> onDate(Circle circle, LocalDate date) {
        if (circle.cancelled()) {
            return Optional.empty();
        }
        Schedule schedule = circle.schedule();
        List<Occurrence> candidates = new ArrayList<>();
        for (Map.Entry<LocalDateTime, LocalDateTime> move : circle.moves().entrySet()) {
            if (move.getValue().toLocalDate().equals(date)) {
                find(circle, move.getKey()).ifPresent(candidates::add);
            }
        }
        Iterator<LocalDateTime> starts = localStarts(schedule, date.atStartOfDay().minusSeconds(1));
        while (starts.hasNext()) {
            LocalDateTime local = starts.next();
            if (local.toLocalDate().isAfter(date)) {
                break;
            }
            if (local.toLocalDate().equals(date) && !circle.skips().contains(local)) {
                find(circle, local).ifPresent(candidates::add);
            }
        }
        return candidates.stream().min(Comparator.comparing(o -> o.start().toInstant()));
    }

    /**
     * Another meeting of the circle that would overlap the meeting {@code original} if it started at
     * {@code start}: a regular one or one moved there. A circle never holds two meetings at once, so a
     * move onto one is refused (and a reminder is never planned twice for one moment).
     */
    public static Optional<Occurrence> clash(Circle circle, LocalDateTime original, ZonedDateTime start) {
        Instant from = start.toInstant();
        Instant to = start.plus(circle.schedule().duration()).toInstant();
        return between(circle, from, to, MAX_CLASHES).stream().filter(o -> !o.original().equals(original)).findFirst();
    }

    /**
     * A meeting whose local start does not exist in its zone (the clocks jump forward over it: it
     * starts later by the gap, as RFC 5545 says) or happens twice (the clocks go back: it starts at
     * the first, the earlier offset).
     *
     * @param local the local start as planned; {@code start} is when it really starts
     */
    public record ClockChange(LocalDateTime local, ZonedDateTime start, boolean gap) {
    }

    /** The circle's meetings in the next {@code ahead} whose local start falls in a clock change, earliest first. */
    public static List<ClockChange> clockChanges(Circle circle, Instant from, Duration ahead) {
        Schedule schedule = circle.schedule();
        List<ClockChange> found = new ArrayList<>();
        for (Occurrence o : between(circle, from, from.plus(ahead), MAX_LOOKED_AHEAD)) {
            LocalDateTime local = o.moved() ? circle.moves().get(o.original()) : o.original();
            int offsets = schedule.zone().getRules().getValidOffsets(local).size();
            if (offsets != 1) {
                found.add(new ClockChange(local, o.start(), offsets == 0));
            }
        }
        return List.copyOf(found);
    }

    /** True when the schedule's rule has a meeting starting at this local time. */
    public static boolean isInstance(Schedule schedule, LocalDateTime local) {
        if (schedule.recurrence() instanceof Recurrence.Once) {
            return schedule.start().equals(local);
        }
        if (local.isBefore(schedule.start())) {
            return false;
        }
        Iterator<LocalDateTime> starts = localStarts(schedule, local.minusMinutes(1));
        while (starts.hasNext()) {
            LocalDateTime next = starts.next();
            if (!next.isBefore(local)) {
                return next.equals(local);
            }
        }
        return false;
    }

    /** The local starts of the schedule's rule from {@code after} on (or from the start). */
    static Iterator<LocalDateTime> localStarts(Schedule schedule, LocalDateTime after) {
        if (schedule.recurrence() instanceof Recurrence.Repeating repeating) {
            try {
                RecurrenceRuleIterator iterator = repeating.toRule().iterator(floating(schedule.start()));
                if (after.isAfter(schedule.start())) {
                    iterator.fastForward(floating(after));
                }
                return new LocalStarts(iterator);
            } catch (IllegalArgumentException e) {
                // lib-recur's "too many filtered recurrence instances": the rule has no meetings at all.
                return List.<LocalDateTime>of().iterator();
            }
        }
        return after.isAfter(schedule.start()) ? List.<LocalDateTime>of().iterator() : List.of(schedule.start()).iterator();
    }

    /** The first local start of the schedule's rule whose moment in its zone is after {@code now}. */
    static Optional<ZonedDateTime> firstAfter(Schedule schedule, Instant now) {
        Iterator<LocalDateTime> starts = localStarts(schedule, LocalDateTime.ofInstant(now, schedule.zone()).minusDays(1));
        while (starts.hasNext()) {
            ZonedDateTime start = schedule.at(starts.next());
            if (start.toInstant().isAfter(now)) {
                return Optional.of(start);
            }
        }
        return Optional.empty();
    }

    static DateTime floating(LocalDateTime local) {
        return new DateTime(local.getYear(), local.getMonthValue() - 1, local.getDayOfMonth(), local.getHour(),
                local.getMinute(), local.getSecond());
    }

    static LocalDateTime local(DateTime floating) {
        return LocalDateTime.of(floating.getYear(), floating.getMonth() + 1, floating.getDayOfMonth(), floating.getHours(),
                floating.getMinutes(), floating.getSeconds());
    }

    private static boolean overlaps(Occurrence occurrence, Instant from, Instant to) {
        return occurrence.end().toInstant().isAfter(from) && occurrence.start().toInstant().isBefore(to);
    }

    /**
     * lib-recur's instances as local date-times, stopping after {@link #MAX_STEPS} or when lib-recur
     * gives up on a rule that matches (almost) never.
     */
    private static final class LocalStarts implements Iterator<LocalDateTime> {
        private final RecurrenceRuleIterator iterator;
        private int steps;
        private LocalDateTime next;
        private boolean done;

        LocalStarts(RecurrenceRuleIterator iterator) {
            this.iterator = iterator;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    if (steps++ < MAX_STEPS && iterator.hasNext()) {
                        next = local(iterator.nextDateTime());
                    } else {
                        done = true;
                    }
                } catch (IllegalArgumentException e) {
                    // lib-recur's "too many filtered recurrence instances": the rule has no more meetings.
                    done = true;
                }
            }
            return next != null;
        }

        @Override
        public LocalDateTime next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            LocalDateTime out = next;
            next = null;
            return out;
        }
    }
}
