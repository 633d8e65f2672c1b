package org.circlekeeper.core.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A member's own check-in history as their page shows it, the same figures as {@code /checkin history}: every day from
 * {@code from} to {@code today}, the running streak and their first day with the group. No notes: they stay in the
 * member's export.
 *
 * @param days   every day of the span, oldest first; a day without a check-in has level 0 and no mood
 * @param levels the word of each mood level, from 1 to 5, in the reader's language
 */
public record OwnHistory(LocalDate from, LocalDate today, List<Day> days, int streak, Optional<LocalDate> since, List<String> levels) {

    public OwnHistory {
        levels = List.copyOf(levels);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(today, "today");
        days = List.copyOf(days);
        Objects.requireNonNull(since, "since");
    }

    /** One day: its mood's level (1 to 5, 5 the best; 0 without a check-in) and the mood's word in the reader's language. */
    public record Day(LocalDate date, int level, String mood) {
        public Day {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(mood, "mood");
        }

        public boolean checkedIn() {
            return level > 0;
        }
    }

    /** How many days of the span have a check-in. */
    public long checkins() {
        return days.stream().filter(Day::checkedIn).count();
    }
}
