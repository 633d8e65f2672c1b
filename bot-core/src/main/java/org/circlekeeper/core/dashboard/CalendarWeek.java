package org.circlekeeper.core.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One ISO week (Monday to Sunday) of a community's meetings as the organisers' page shows it, in the reader's zone:
 * seven days, each with its meetings, earliest first. Weeks are named as ISO 8601 writes them, e.g. {@code 2026-W49}.
 */
public record CalendarWeek(LocalDate monday, ZoneId zone, List<Day> days) {

    private static final Pattern NAME = Pattern.compile("\\d{4}-W\\d{2}");

    public CalendarWeek {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("a week starts on a Monday, not on " + monday);
        }
        days = List.copyOf(days);
        if (days.size() != 7) {
            throw new IllegalArgumentException("a week has seven days, not " + days.size());
        }
    }

    /** One day of the week with its meetings. */
    public record Day(LocalDate date, boolean today, List<CalendarMonth.Entry> entries) {
        public Day {
            entries = List.copyOf(entries);
        }
    }

    /** This week's ISO name, e.g. {@code 2026-W49}. */
    public String name() {
        return name(monday);
    }

    /** The week before's name. */
    public String previous() {
        return name(monday.minusWeeks(1));
    }

    /** The week after's name. */
    public String next() {
        return name(monday.plusWeeks(1));
    }

    /** The month this week belongs to, as ISO 8601 counts it: the month of its Thursday (for the way to the month). */
    public YearMonth month() {
        return YearMonth.from(monday.plusDays(3));
    }

    /** Every meeting of the week, earliest first. */
    public List<CalendarMonth.Entry> entries() {
        return days.stream().flatMap(d -> d.entries().stream()).toList();
    }

    /** The ISO name of the week a day falls in, e.g. {@code 2026-W49} for 3 December 2026. */
    public static String name(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The Monday of the week that {@code name} names ({@code 2026-W49}); empty when it is no ISO week (e.g. W54). */
    public static Optional<LocalDate> parse(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(name + "-1", DateTimeFormatter.ISO_WEEK_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The Monday of the week a day falls in. */
    public static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
