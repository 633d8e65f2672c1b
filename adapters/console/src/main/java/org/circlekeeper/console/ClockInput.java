package org.circlekeeper.console;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what follows {@code :clock}: a step forward ({@code +2h}, {@code +15m}, {@code +1d2h30m}) or
 * a moment to jump to ({@code 2026-03-29T08:00} in UTC, or with an offset or a zone). Every
 * failure is an {@link IllegalArgumentException} whose message can be shown as it is.
 */
final class ClockInput {

    static final String FORMS = "+2h, +15m, +1d, +1d2h30m, 2026-03-29T08:00 (UTC), 2026-03-29T08:00+02:00 "
            + "or 2026-03-29T08:00 Europe/Berlin";

    private static final Pattern STEP = Pattern.compile("\\+(?:(\\d{1,5})d)?(?:(\\d{1,6})h)?(?:(\\d{1,8})m)?");
    private static final Pattern ZONE_IN_BRACKETS = Pattern.compile("(.+)\\[([^\\]]+)]");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ClockInput() {
    }

    /** True when the argument asks for a step forward rather than a jump. */
    static boolean isStep(String argument) {
        return argument.startsWith("+");
    }

    /** A step forward: days, hours and minutes in that order, each optional but at least one. */
    static Duration step(String argument) {
        Matcher m = STEP.matcher(argument.toLowerCase(Locale.ROOT));
        if (argument.length() < 2 || !m.matches()) {
            throw new IllegalArgumentException("\"" + argument + "\" is not a step I can read; use days, hours and minutes "
                    + "in that order, like +2h, +15m, +1d or +1d2h30m");
        }
        return Duration.ofDays(number(m.group(1))).plusHours(number(m.group(2))).plusMinutes(number(m.group(3)));
    }

    /**
     * A moment: an ISO local date-time read in UTC ({@code 2026-03-29T08:00}), with an offset
     * ({@code 2026-03-29T08:00+02:00}, {@code ...Z}), with a zone ({@code 2026-03-29T08:00 Europe/Berlin},
     * {@code 2026-03-29T08:00[Europe/Berlin]}, {@code 2026-03-29T08:00+02:00[Europe/Berlin]}), or a date
     * alone (its midnight in UTC).
     */
    static Instant moment(String argument) {
        String text = argument.strip();
        try {
            int space = text.indexOf(' ');
            if (space > 0) {
                return local(text.substring(0, space)).atZone(ZoneId.of(text.substring(space + 1).strip())).toInstant();
            }
            Matcher bracketed = ZONE_IN_BRACKETS.matcher(text);
            if (bracketed.matches() && !hasOffset(bracketed.group(1))) {
                return local(bracketed.group(1)).atZone(ZoneId.of(bracketed.group(2))).toInstant();
            }
            if (hasOffset(text)) {
                return ZonedDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME).toInstant();
            }
            return local(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time I can read; use one of " + FORMS, e);
        }
    }

    /** How the console shows the clock: {@code Fri 2026-11-27 09:00 UTC}. */
    static String show(Instant instant) {
        return SHOWN.format(instant);
    }

    private static LocalDateTime local(String text) {
        try {
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException notADateTime) {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay();
        }
    }

    /** True when the text after the time of day carries an offset ({@code Z}, {@code +02:00}, {@code -05:00}). */
    private static boolean hasOffset(String text) {
        int t = text.indexOf('T');
        if (t < 0) {
            return false;
        }
        String time = text.substring(t + 1);
        return time.contains("Z") || time.contains("+") || time.contains("-");
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
