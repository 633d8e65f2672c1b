package org.circlekeeper.core.circle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes spans of time the way people type them: {@code 1d 15m} (two lead times),
 * {@code 1h30m} or {@code 90 min} (one duration). English and Spanish units; the compact form is
 * also how they are shown.
 */
public final class LeadTimes {

    /** At most this many lead times per community or member. */
    public static final int MAX_COUNT = 5;
    public static final Duration MAX_LEAD = Duration.ofDays(7);
    public static final Duration MIN_LEAD = Duration.ofMinutes(1);

    private static final Pattern PART = Pattern.compile(
            "(\\d{1,4})\\s*(w|wk|wks|weeks?|semanas?|d|days?|dias?|h|hr|hrs|hours?|horas?|m|min|mins|minutes?|minutos?)(?![a-z])");
    private static final Set<String> OFF = Set.of("off", "none", "no", "nada", "ninguno", "ninguna", "desactivar", "apagar", "0");

    private LeadTimes() {
    }

    /** True for the words that turn reminders off ({@code off}, {@code no}, {@code nada}…). */
    public static boolean isOff(String typed) {
        return typed != null && OFF.contains(WhenParser.fold(typed));
    }

    /**
     * Several lead times ({@code 1d 15m}, {@code 2h, 30m}, {@code 1 day and 15 minutes}); parts
     * written together ({@code 1h30m}) make one. Largest first, without repeats. Empty when anything
     * is not a lead time, one is out of 1 minute to 7 days, or there are more than five.
     */
    public static Optional<List<Duration>> parseList(String typed) {
        String text = WhenParser.fold(typed == null ? "" : typed);
        Matcher m = PART.matcher(text);
        Set<Duration> leads = new TreeSet<>(Comparator.reverseOrder());
        Duration current = null;
        int at = 0;
        while (m.find()) {
            String between = text.substring(at, m.start());
            if (current != null && between.isEmpty()) {
                current = current.plus(part(m));
            } else if (between.replaceAll("[\\s,]|\\band\\b|\\by\\b", "").isEmpty()) {
                if (current != null && !add(leads, current)) {
                    return Optional.empty();
                }
                current = part(m);
            } else {
                return Optional.empty();
            }
            at = m.end();
        }
        if (current == null || !text.substring(at).isBlank() || !add(leads, current)) {
            return Optional.empty();
        }
        return leads.size() > MAX_COUNT ? Optional.empty() : Optional.of(List.copyOf(leads));
    }

    private static boolean add(Set<Duration> leads, Duration lead) {
        if (lead.compareTo(MIN_LEAD) < 0 || lead.compareTo(MAX_LEAD) > 0) {
            return false;
        }
        leads.add(lead);
        return true;
    }

    /** One span made of parts ({@code 1h30m}, {@code 90 min}, {@code 1 hora}); empty when it is not one. */
    public static Optional<Duration> parseOne(String typed) {
        String text = WhenParser.fold(typed == null ? "" : typed);
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int at = 0;
        boolean any = false;
        while (m.find()) {
            if (!text.substring(at, m.start()).isBlank()) {
                return Optional.empty();
            }
            Duration part = part(m);
            total = total.plus(part);
            at = m.end();
            any = true;
        }
        if (!any || !text.substring(at).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(total);
    }

    private static Duration part(Matcher m) {
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2);
        if (unit.startsWith("w") || unit.startsWith("sem")) {
            return Duration.ofDays(7 * amount);
        }
        if (unit.startsWith("d")) {
            return Duration.ofDays(amount);
        }
        if (unit.startsWith("h")) {
            return Duration.ofHours(amount);
        }
        return Duration.ofMinutes(amount);
    }

    /** The compact form: {@code 1d}, {@code 2h}, {@code 1h30m}, {@code 15m}. */
    public static String format(Duration duration) {
        long minutes = duration.toMinutes();
        StringBuilder out = new StringBuilder();
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long rest = minutes % 60;
        if (days > 0) {
            out.append(days).append('d');
        }
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (rest > 0 || out.length() == 0) {
            out.append(rest).append('m');
        }
        return out.toString();
    }

    /** Several, largest first: {@code 1d, 15m}. */
    public static String format(List<Duration> leads) {
        List<String> parts = new ArrayList<>();
        leads.stream().sorted(Comparator.reverseOrder()).forEach(d -> parts.add(format(d)));
        return String.join(", ", parts);
    }
}
