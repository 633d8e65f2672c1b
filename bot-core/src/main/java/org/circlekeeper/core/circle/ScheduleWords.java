package org.circlekeeper.core.circle;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The words of a schedule, in English and Spanish, folded (lower case, no accents): days, ordinals, intervals,
 * {@code every}/{@code month}/{@code week}/{@code day}, {@code today}/{@code tomorrow} and the fillers between them,
 * and the RFC 5545 rule they describe once {@link WhenParser} has taken the dates, times, zones and endings out.
 */
final class ScheduleWords {

    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("mondays", DayOfWeek.MONDAY), Map.entry("mon", DayOfWeek.MONDAY),
            Map.entry("lunes", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("tuesdays", DayOfWeek.TUESDAY), Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("tues", DayOfWeek.TUESDAY), Map.entry("martes", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("wednesdays", DayOfWeek.WEDNESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("miercoles", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("thursdays", DayOfWeek.THURSDAY), Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("thur", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY), Map.entry("jueves", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("fridays", DayOfWeek.FRIDAY), Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("viernes", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("saturdays", DayOfWeek.SATURDAY), Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("sabado", DayOfWeek.SATURDAY), Map.entry("sabados", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("sundays", DayOfWeek.SUNDAY), Map.entry("sun", DayOfWeek.SUNDAY),
            Map.entry("domingo", DayOfWeek.SUNDAY), Map.entry("domingos", DayOfWeek.SUNDAY));
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("first", 1), Map.entry("1st", 1), Map.entry("primer", 1), Map.entry("primero", 1), Map.entry("primera", 1),
            Map.entry("second", 2), Map.entry("2nd", 2), Map.entry("segundo", 2), Map.entry("segunda", 2),
            Map.entry("third", 3), Map.entry("3rd", 3), Map.entry("tercer", 3), Map.entry("tercero", 3), Map.entry("tercera", 3),
            Map.entry("fourth", 4), Map.entry("4th", 4), Map.entry("cuarto", 4), Map.entry("cuarta", 4),
            Map.entry("fifth", 5), Map.entry("5th", 5), Map.entry("quinto", 5), Map.entry("quinta", 5),
            Map.entry("last", -1), Map.entry("ultimo", -1), Map.entry("ultima", -1));
    private static final Map<String, Integer> NUMBERS = Map.of("two", 2, "dos", 2, "three", 3, "tres", 3, "four", 4, "cuatro", 4,
            "other", 2);
    private static final Set<String> EVERY = Set.of("every", "each", "cada", "todos", "todas");
    private static final Set<String> MONTH = Set.of("month", "months", "monthly", "mes", "meses", "mensual", "mensualmente");
    private static final Set<String> WEEK = Set.of("week", "weeks", "weekly", "semana", "semanas", "semanal", "semanalmente");
    private static final Set<String> DAY = Set.of("day", "days", "daily", "dia", "dias", "diario", "diariamente");
    private static final Set<String> TODAY = Set.of("today", "hoy");
    private static final Set<String> TOMORROW = Set.of("tomorrow", "manana");
    private static final Set<String> FILLERS = Set.of("and", "y", "e", "&", "at", "on", "the", "of", "de", "del", "a", "al",
            "las", "la", "el", "los", "in", "en", "from", "starting", "desde", "partir", "h", "hs", "hrs", "horas", "for",
            "por", "once", "una", "vez", "one-off");

    private ScheduleWords() {
    }

    /** A word that only joins a schedule together ("every", "first", "other"): no circle is called that alone. */
    static boolean isConnector(String word) {
        return EVERY.contains(word) || ORDINALS.containsKey(word) || NUMBERS.containsKey(word) || word.startsWith("rrule:");
    }

    /** A word of a schedule (a connector, a day, a period, today or tomorrow), dates and times aside. */
    static boolean isWord(String word) {
        return isConnector(word) || DAYS.containsKey(word) || MONTH.contains(word) || WEEK.contains(word) || DAY.contains(word)
                || TODAY.contains(word) || TOMORROW.contains(word);
    }

    /** A word that says nothing of its own between the others ("at", "on", "de", "las"). */
    static boolean isFiller(String word) {
        return FILLERS.contains(word);
    }

    /** What the words (after dates, times, zones and endings were taken out) ask for. */
    static Shape shape(List<String> words) {
        Shape shape = new Shape();
        String previous = "";
        for (String word : words) {
            DayOfWeek day = DAYS.get(word);
            Integer ordinal = ORDINALS.get(word);
            if (day != null) {
                shape.days.add(day);
            } else if (ordinal != null) {
                shape.ordinals.add(ordinal);
            } else if (word.matches("\\d{1,2}")) {
                shape.numbers.add(Integer.parseInt(word));
            } else if (NUMBERS.containsKey(word)) {
                shape.numbers.add(NUMBERS.get(word));
            } else if (EVERY.contains(word)) {
                shape.every = true;
            } else if (MONTH.contains(word)) {
                shape.month = true;
            } else if (WEEK.contains(word)) {
                shape.week = true;
            } else if (DAY.contains(word)) {
                shape.dayWord = true;
            } else if (TODAY.contains(word)) {
                shape.today = true;
            } else if (TOMORROW.contains(word) && !previous.equals("la")) {
                shape.tomorrow = true;
            } else if (!FILLERS.contains(word)) {
                return null;
            }
            previous = word;
        }
        return shape.valid() ? shape : null;
    }

    /** The recurring pattern the words describe, if any. */
    static final class Shape {
        final Set<DayOfWeek> days = new LinkedHashSet<>();
        final Set<Integer> ordinals = new LinkedHashSet<>();
        final List<Integer> numbers = new ArrayList<>();
        boolean every;
        boolean month;
        boolean week;
        boolean dayWord;
        boolean today;
        boolean tomorrow;

        boolean isEmpty() {
            return days.isEmpty() && ordinals.isEmpty() && numbers.isEmpty() && !every && !month && !week && !dayWord;
        }

        boolean valid() {
            if (numbers.size() > 1 || (today && tomorrow)) {
                return false;
            }
            int interval = numbers.isEmpty() ? 1 : numbers.get(0);
            if (interval < 1 || interval > 52) {
                return false;
            }
            if (!ordinals.isEmpty()) {
                return !days.isEmpty() && (month || every) && !week && !dayWord && numbers.isEmpty();
            }
            if (dayWord) {
                return days.isEmpty() && !month && !week;
            }
            if (month) {
                return days.isEmpty() && !week;
            }
            if (!numbers.isEmpty()) {
                return every || week;
            }
            return !(every && days.isEmpty() && !week);
        }

        /** The RRULE, or null for a one-off meeting. */
        String rule() {
            String interval = numbers.isEmpty() || numbers.get(0) == 1 ? "" : ";INTERVAL=" + numbers.get(0);
            if (!ordinals.isEmpty()) {
                List<String> byDay = new ArrayList<>();
                for (int ordinal : ordinals) {
                    for (DayOfWeek day : days) {
                        byDay.add(ordinal + code(day));
                    }
                }
                return "FREQ=MONTHLY;BYDAY=" + String.join(",", byDay);
            }
            if (dayWord) {
                return "FREQ=DAILY" + interval;
            }
            if (month) {
                return "FREQ=MONTHLY" + interval;
            }
            if (!days.isEmpty() && (every || week)) {
                return "FREQ=WEEKLY" + interval + ";BYDAY=" + days.stream().sorted().map(ScheduleWords::code).collect(Collectors.joining(","));
            }
            if (week) {
                return "FREQ=WEEKLY" + interval;
            }
            return null;
        }
    }

    /** The two letters of a day in an RRULE ({@code TU}). */
    static String code(DayOfWeek day) {
        return day.name().substring(0, 2);
    }
}
