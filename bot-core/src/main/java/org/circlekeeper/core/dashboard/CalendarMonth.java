package org.circlekeeper.core.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * One month of a community's meetings as the organisers' page shows it, in the reader's zone: whole weeks (Monday
 * first) of days, each with its meetings, earliest first.
 */
public record CalendarMonth(YearMonth month, ZoneId zone, List<Week> weeks) {

    public CalendarMonth {
        weeks = List.copyOf(weeks);
    }

    /** Every meeting of the month, earliest first (the list the page shows beside the grid). */
    public List<Entry> entries() {
        return weeks.stream().flatMap(w -> w.days().stream()).filter(Day::inMonth).flatMap(d -> d.entries().stream()).toList();
    }

    /** Seven days, Monday to Sunday. */
    public record Week(List<Day> days) {
        public Week {
            days = List.copyOf(days);
        }
    }

    /**
     * One day of the grid; days of the neighbouring months fill the first and last week and show no meetings.
     */
    public record Day(LocalDate date, boolean inMonth, boolean today, List<Entry> entries) {
        public Day {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One meeting in the grid: its circle's id and the meeting's key name it (for its details page).
     *
     * @param time the local start in the reader's zone, e.g. {@code 19:00} (in the reader's language)
     */
    public record Entry(String circleId, String key, String circleName, LocalDate date, String time, boolean moved) {
    }
}
