package org.circlekeeper.core.circle;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.circlekeeper.core.member.ZoneLookup;

/**
 * Reads when a circle meets from what a person types, in English or Spanish: {@code every tuesday
 * 19:00}, {@code every tuesday and thursday at 7pm}, {@code every 2 weeks on monday 18:00},
 * {@code first monday of the month 18:30}, {@code last friday of the month 19:00},
 * {@code 2026-12-03 19:00}, {@code RRULE:FREQ=…} with a time, {@code cada martes 19:00},
 * {@code primer lunes de cada mes 18:30}, {@code último viernes del mes 19:00}; with
 * {@code until 2027-06-30} / {@code hasta 2027-06-30} or {@code 10 times} / {@code 10 veces}, an
 * optional {@code from <date>} and an optional zone ({@code Europe/Berlin}). The rule it builds is
 * RFC 5545 and the start is the rule's first meeting after now, so calendars agree with the bot.
 *
 * <p>It is long because it is a parser: one pass that takes out, in this order, an RRULE, an ending, a zone, a
 * date and a time of day, each refused with the {@link Reason} its own mistake deserves, then reads the words left
 * and finds the first meeting. The order matters (a date's digits must not be read as a time, an ending's date not
 * as the start), so the pass stays in one place; the vocabulary and the rule the words make are
 * {@link ScheduleWords}'.
 */
public final class WhenParser {

    /** What was understood, or why not. */
    public sealed interface Result {
    }

    /** A schedule's start, zone and recurrence (the duration is the caller's). */
    public record Understood(LocalDateTime start, ZoneId zone, Recurrence recurrence) implements Result {
        public Schedule schedule(Duration duration) {
            return new Schedule(start, zone, duration, recurrence);
        }
    }

    /** Why the text was not used; nothing was changed. */
    public record Problem(Reason reason) implements Result {
    }

    /** The kinds of trouble, each with its own kind reply. */
    public enum Reason {
        /** Words that fit no pattern. */
        NOT_UNDERSTOOD,
        /** A day or rule but no time of day. */
        NO_TIME,
        /** A date that does not exist (2027-02-30) or a time that does not (25:00). */
        BAD_DATE,
        /** The (first) meeting would be in the past. */
        IN_THE_PAST,
        /** An end date before the first meeting. */
        ENDS_BEFORE_START,
        /** An RRULE that is not RFC 5545 or not a meeting's (hourly, BYHOUR…). */
        BAD_RULE,
        /** A rule that never has a meeting after now. */
        NO_MEETINGS
    }

    private static final Pattern RRULE = Pattern.compile("(?i)\\brrule:(\\S+)");
    private static final Pattern UNTIL = Pattern.compile("\\b(?:until|till|through|hasta)\\s+(?:el\\s+|the\\s+)?(\\d{4}-\\d{1,2}-\\d{1,2})\\b");
    private static final Pattern TIMES = Pattern.compile("\\b(\\d{1,4})\\s*(?:times|veces|x)\\b");
    private static final Pattern DATE = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern TIME_COLON = Pattern.compile("(?<![\\d.])(\\d{1,2})[:.](\\d{2})\\s*(am|pm|a\\.m\\.|p\\.m\\.)?(?![\\d])");
    private static final Pattern TIME_H = Pattern.compile("(?<![\\d.])(\\d{1,2})h(\\d{2})?\\b");
    private static final Pattern TIME_AMPM = Pattern.compile("(?<![\\d.])(\\d{1,2})\\s*(am|pm|a\\.m\\.|p\\.m\\.)(?![a-z])");

    private final ZoneLookup zones;

    public WhenParser(ZoneLookup zones) {
        this.zones = Objects.requireNonNull(zones, "zones");
    }

    /**
     * Reads the text.
     *
     * @param now         the present moment: the first meeting must come after it
     * @param defaultZone the zone when the text names none (the community's, or the circle's on an edit)
     */
    public Result parse(String typed, Instant now, ZoneId defaultZone) {
        String rule = null;
        String text = typed == null ? "" : typed;
        Matcher rrule = RRULE.matcher(text);
        if (rrule.find()) {
            rule = rrule.group(1).toUpperCase(Locale.ROOT);
            text = text.substring(0, rrule.start()) + " " + text.substring(rrule.end());
        }
        text = " " + fold(text).replace(',', ' ') + " ";

        Recurrence.End end = new Recurrence.End.Never();
        Matcher until = UNTIL.matcher(text);
        if (until.find()) {
            Optional<LocalDate> date = date(until.group(1));
            if (date.isEmpty()) {
                return problem(Reason.BAD_DATE);
            }
            end = new Recurrence.End.Until(date.get());
            text = cut(text, until);
        }
        Matcher times = TIMES.matcher(text);
        if (times.find()) {
            int count = Integer.parseInt(times.group(1));
            if (count < 1 || count > 1000 || end instanceof Recurrence.End.Until) {
                return problem(Reason.NOT_UNDERSTOOD);
            }
            end = new Recurrence.End.After(count);
            text = cut(text, times);
        }

        ZoneId zone = defaultZone;
        List<String> words = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            Optional<ZoneId> named = zoneWord(word);
            if (named.isPresent()) {
                zone = named.get();
            } else {
                words.add(word);
            }
        }
        text = " " + String.join(" ", words) + " ";

        LocalDate date = null;
        Matcher dateMatch = DATE.matcher(text);
        if (dateMatch.find()) {
            Optional<LocalDate> parsed = date(dateMatch.group());
            if (parsed.isEmpty()) {
                return problem(Reason.BAD_DATE);
            }
            date = parsed.get();
            text = cut(text, dateMatch);
        }
        LocalTime time;
        Optional<Optional<LocalTime>> timeFound = time(text);
        if (timeFound.isEmpty()) {
            time = null;
        } else if (timeFound.get().isEmpty()) {
            return problem(Reason.BAD_DATE);
        } else {
            time = timeFound.get().get();
            text = removeTime(text);
        }

        ScheduleWords.Shape shape = ScheduleWords.shape(text.strip().isEmpty() ? List.of() : Arrays.asList(text.strip().split("\\s+")));
        if (shape == null) {
            return problem(Reason.NOT_UNDERSTOOD);
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (shape.today) {
            date = date == null ? today : date;
        } else if (shape.tomorrow) {
            date = date == null ? today.plusDays(1) : date;
        }
        if (rule != null && !shape.isEmpty()) {
            return problem(Reason.NOT_UNDERSTOOD);
        }
        if (rule == null) {
            rule = shape.rule();
        }
        if (time == null) {
            return problem(rule != null || !shape.days.isEmpty() ? Reason.NO_TIME : Reason.NOT_UNDERSTOOD);
        }
        if (rule == null) {
            return once(shape, date, time, zone, now, end);
        }
        return repeating(rule, date, time, zone, now, end, today);
    }

    private Result once(ScheduleWords.Shape shape, LocalDate date, LocalTime time, ZoneId zone, Instant now, Recurrence.End end) {
        if (!(end instanceof Recurrence.End.Never)) {
            return problem(Reason.NOT_UNDERSTOOD);
        }
        LocalDate day = date;
        if (day == null && shape.days.size() == 1) {
            day = LocalDate.ofInstant(now, zone).with(TemporalAdjusters.nextOrSame(shape.days.iterator().next()));
            if (!ZonedDateTime.of(day.atTime(time), zone).toInstant().isAfter(now)) {
                day = day.plusWeeks(1);
            }
        }
        if (day == null) {
            return problem(Reason.NOT_UNDERSTOOD);
        }
        LocalDateTime start = day.atTime(time);
        if (!ZonedDateTime.of(start, zone).toInstant().isAfter(now)) {
            return problem(Reason.IN_THE_PAST);
        }
        return new Understood(start, zone, new Recurrence.Once());
    }

    private Result repeating(String rule, LocalDate date, LocalTime time, ZoneId zone, Instant now, Recurrence.End end,
                             LocalDate today) {
        Recurrence.Repeating full;
        Recurrence.Repeating seeker;
        try {
            Split split = split(rule);
            if (split.end != null) {
                if (!(end instanceof Recurrence.End.Never)) {
                    return problem(Reason.BAD_RULE);
                }
                end = split.end;
            }
            full = new Recurrence.Repeating(split.rule, new Recurrence.End.Never());
            seeker = new Recurrence.Repeating(withoutInterval(split.rule), new Recurrence.End.Never());
        } catch (IllegalArgumentException | DateTimeException e) {
            return problem(Reason.BAD_RULE);
        }
        if (date != null && !ZonedDateTime.of(date.atTime(time), zone).toInstant().isAfter(now)) {
            return problem(Reason.IN_THE_PAST);
        }
        LocalDate from = date != null ? date : today;
        // The first meeting: the rule without its interval finds the next matching day from the start
        // date, so "every 2 weeks on monday" starts this coming Monday; the full rule counts from there.
        Schedule probe = new Schedule(from.atTime(time), zone, Schedule.DEFAULT_DURATION, seeker);
        Optional<ZonedDateTime> first = Occurrences.firstAfter(probe, now);
        if (first.isEmpty()) {
            return problem(Reason.NO_MEETINGS);
        }
        LocalDateTime start = first.get().toLocalDateTime();
        if (!first.get().toLocalTime().equals(time)) {
            start = start.toLocalDate().atTime(time);
        }
        if (end instanceof Recurrence.End.Until until && until.date().isBefore(start.toLocalDate())) {
            return problem(Reason.ENDS_BEFORE_START);
        }
        Recurrence.Repeating recurrence = new Recurrence.Repeating(full.rule(), end);
        Schedule schedule = new Schedule(start, zone, Schedule.DEFAULT_DURATION, recurrence);
        if (!Occurrences.isInstance(schedule, start)) {
            return problem(Reason.NO_MEETINGS);
        }
        return new Understood(start, zone, recurrence);
    }

    /**
     * Reads a date-time such as {@code 2027-03-10 19:30}, or only {@code 19:30} on the given day; for
     * moving one meeting.
     */
    public static Optional<LocalDateTime> dateTime(String typed, LocalDate defaultDay) {
        String text = " " + fold(typed == null ? "" : typed) + " ";
        LocalDate day = defaultDay;
        Matcher dateMatch = DATE.matcher(text);
        if (dateMatch.find()) {
            Optional<LocalDate> parsed = date(dateMatch.group());
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            day = parsed.get();
            text = cut(text, dateMatch);
        }
        Optional<Optional<LocalTime>> time = time(text);
        if (time.isEmpty() || time.get().isEmpty()) {
            return Optional.empty();
        }
        String rest = removeTime(text).strip();
        for (String word : rest.isEmpty() ? new String[0] : rest.split("\\s+")) {
            if (!ScheduleWords.isFiller(word)) {
                return Optional.empty();
            }
        }
        return Optional.of(day.atTime(time.get().get()));
    }

    /** Reads an ISO date ({@code 2027-03-09}); empty when it is not one or does not exist. */
    public static Optional<LocalDate> date(String typed) {
        Matcher m = DATE.matcher(typed == null ? "" : typed.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What a circle's schedule really is when its name took the schedule's first word: for a name of
     * one word that only joins a schedule ({@code every}, {@code first}), or of one schedule word
     * ({@code tuesday}, a date or a time) where the name and the text together read as a schedule other
     * than the text alone, the schedule they make together; else empty.
     * ({@code /circle create every tuesday 19:00} would make a one-off circle called "every".)
     */
    public Optional<Understood> swallowed(String name, String when, Instant now, ZoneId defaultZone) {
        String word = fold(name == null ? "" : name);
        if (word.isEmpty() || word.indexOf(' ') >= 0 || !isScheduleWord(word)) {
            return Optional.empty();
        }
        if (!(parse(name + " " + when, now, defaultZone) instanceof Understood together)) {
            return Optional.empty();
        }
        boolean neverAName = ScheduleWords.isConnector(word);
        return neverAName || !together.equals(parse(when, now, defaultZone)) ? Optional.of(together) : Optional.empty();
    }

    private static boolean isScheduleWord(String word) {
        return ScheduleWords.isWord(word) || DATE.matcher(word).matches() || TIME_COLON.matcher(word).matches()
                || TIME_H.matcher(word).matches() || TIME_AMPM.matcher(word).matches();
    }

    /** Lower case without accents ({@code Último Miércoles} → {@code ultimo miercoles}), single spaces. */
    static String fold(String text) {
        String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private Optional<ZoneId> zoneWord(String word) {
        boolean looksLikeZone = word.indexOf('/') > 0 || word.equals("utc") || word.equals("gmt") || word.matches("(utc|gmt)[+-]\\d{1,2}(:?\\d{2})?");
        if (!looksLikeZone) {
            return Optional.empty();
        }
        if (zones.lookup(word) instanceof ZoneLookup.Result.Found found) {
            return Optional.of(found.zone());
        }
        return Optional.empty();
    }

    /** Empty: no time in the text; a present-but-empty inner: a time that does not exist. */
    private static Optional<Optional<LocalTime>> time(String text) {
        Matcher colon = TIME_COLON.matcher(text);
        if (colon.find()) {
            return Optional.of(clock(colon.group(1), colon.group(2), colon.group(3)));
        }
        Matcher h = TIME_H.matcher(text);
        if (h.find()) {
            return Optional.of(clock(h.group(1), h.group(2), null));
        }
        Matcher ampm = TIME_AMPM.matcher(text);
        if (ampm.find()) {
            return Optional.of(clock(ampm.group(1), null, ampm.group(2)));
        }
        return Optional.empty();
    }

    private static String removeTime(String text) {
        for (Pattern pattern : List.of(TIME_COLON, TIME_H, TIME_AMPM)) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                return cut(text, m);
            }
        }
        return text;
    }

    private static Optional<LocalTime> clock(String hours, String minutes, String half) {
        int h = Integer.parseInt(hours);
        int m = minutes == null ? 0 : Integer.parseInt(minutes);
        if (half != null) {
            if (h < 1 || h > 12) {
                return Optional.empty();
            }
            boolean pm = half.startsWith("p");
            h = h % 12 + (pm ? 12 : 0);
        }
        if (h > 23 || m > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(h, m));
    }

    private static String cut(String text, Matcher m) {
        return text.substring(0, m.start()) + " " + text.substring(m.end());
    }

    private static Result problem(Reason reason) {
        return new Problem(reason);
    }

    /** An RRULE with its COUNT or UNTIL taken out as an end. */
    private record Split(String rule, Recurrence.End end) {
    }

    private static Split split(String rule) {
        List<String> parts = new ArrayList<>();
        Recurrence.End end = null;
        for (String part : rule.split(";")) {
            if (part.startsWith("COUNT=")) {
                end = new Recurrence.End.After(Integer.parseInt(part.substring(6)));
            } else if (part.startsWith("UNTIL=")) {
                String value = part.substring(6);
                if (value.length() < 8) {
                    throw new IllegalArgumentException("UNTIL needs a date");
                }
                end = new Recurrence.End.Until(LocalDate.of(Integer.parseInt(value.substring(0, 4)),
                        Integer.parseInt(value.substring(4, 6)), Integer.parseInt(value.substring(6, 8))));
            } else if (!part.isBlank()) {
                parts.add(part);
            }
        }
        return new Split(String.join(";", parts), end);
    }

    private static String withoutInterval(String rule) {
        return Arrays.stream(rule.split(";")).filter(p -> !p.startsWith("INTERVAL=")).collect(Collectors.joining(";"));
    }
}
