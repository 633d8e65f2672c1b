package org.circlekeeper.core.checkin;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Streaks and milestones count showing up, never the mood: a streak is consecutive days with a
 * check-in (in the member's own days), and a milestone is a streak length or a time with the group
 * reached by today's check-in.
 */
final class Streaks {

    /** Streak lengths worth a word. */
    static final List<Integer> STREAK_MILESTONES = List.of(3, 7, 14, 30, 60, 100, 180, 365);
    /** Months with the group worth a word, and the days each needs. */
    static final List<Integer> MONTH_MILESTONES = List.of(1, 3, 6, 12);

    private Streaks() {
    }

    /** Consecutive days with a check-in ending on {@code day} (0 when that day has none). */
    static int endingOn(Set<LocalDate> days, LocalDate day) {
        int count = 0;
        for (LocalDate d = day; days.contains(d); d = d.minusDays(1)) {
            count++;
        }
        return count;
    }

    /** The running streak: ending today, or yesterday while today is still open. */
    static int current(Set<LocalDate> days, LocalDate today) {
        return days.contains(today) ? endingOn(days, today) : endingOn(days, today.minusDays(1));
    }

    /** The streak milestone a streak of this length reaches, if any. */
    static Optional<Integer> streakMilestone(int streak) {
        return STREAK_MILESTONES.contains(streak) ? Optional.of(streak) : Optional.empty();
    }

    /**
     * The months-with-the-group milestone today's check-in crosses: the largest one reached by today
     * that the member's previous check-in (or their first day, if none is kept) had not reached.
     */
    static Optional<Integer> monthsMilestone(LocalDate since, LocalDate previous, LocalDate today) {
        LocalDate before = previous == null || previous.isBefore(since) ? since : previous;
        Optional<Integer> crossed = Optional.empty();
        for (int months : MONTH_MILESTONES) {
            LocalDate reached = since.plusMonths(months);
            if (!today.isBefore(reached) && before.isBefore(reached)) {
                crossed = Optional.of(months);
            }
        }
        return crossed;
    }

    /** Whole days from one day to another. */
    static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
