package org.circlekeeper.core.checkin;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;

/**
 * Reads what members and organisers type after {@code /checkin}: days, times, dates, on/off words
 * and a buddy's mention, in English and Spanish, with or without accents.
 */
final class CheckinParsing {

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.h](\\d{2})");
    private static final Pattern DISCORD_MENTION = Pattern.compile("<@!?(\\d{1,32})>");
    private static final Pattern HANDLE = Pattern.compile("@?([A-Za-z0-9_.-]{1,64})");
    private static final Map<String, DayOfWeek> DAY_WORDS = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("monday", DayOfWeek.MONDAY), Map.entry("lun", DayOfWeek.MONDAY),
            Map.entry("lunes", DayOfWeek.MONDAY),
            Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("mar", DayOfWeek.TUESDAY), Map.entry("martes", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("mie", DayOfWeek.WEDNESDAY),
            Map.entry("miercoles", DayOfWeek.WEDNESDAY),
            Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thur", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("jue", DayOfWeek.THURSDAY), Map.entry("jueves", DayOfWeek.THURSDAY),
            Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("vie", DayOfWeek.FRIDAY),
            Map.entry("viernes", DayOfWeek.FRIDAY),
            Map.entry("sat", DayOfWeek.SATURDAY), Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sab", DayOfWeek.SATURDAY),
            Map.entry("sabado", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY), Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("dom", DayOfWeek.SUNDAY),
            Map.entry("domingo", DayOfWeek.SUNDAY));
    private static final Set<String> DAILY = Set.of("daily", "every-day", "everyday", "all", "diario", "todos", "cada-dia");
    private static final Set<String> WEEKDAYS = Set.of("weekdays", "workdays", "laborables", "entre-semana");
    static final Set<String> ON = Set.of("on", "yes", "y", "si", "activar", "activo");
    static final Set<String> OFF = Set.of("off", "no", "none", "stop", "desactivar", "ninguno", "nadie");
    static final Set<String> GROUP = Set.of("group", "grupo", "default");
    static final Set<String> ORGANISERS = Set.of("organisers", "organizers", "organiser", "organizer", "organizadores",
            "organizador", "organizadoras");
    static final Set<String> CLEAR = Set.of("clear", "borrar", "limpiar");

    private CheckinParsing() {
    }

    /** Lower case, accents removed, spaces inside turned into hyphens: how typed words are compared. */
    static String fold(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    /** A time of day like {@code 09:00}, {@code 9:30}, {@code 21.15} or {@code 7h45}. */
    static Optional<LocalTime> time(String text) {
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        return hour < 24 && minute < 60 ? Optional.of(LocalTime.of(hour, minute)) : Optional.empty();
    }

    /** An ISO date ({@code 2026-12-10}). */
    static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Days like {@code mon,wed,fri}, {@code daily} or {@code weekdays}; empty when any word is not a day. */
    static Optional<Set<DayOfWeek>> days(String text) {
        String folded = fold(text);
        if (DAILY.contains(folded)) {
            return Optional.of(EnumSet.allOf(DayOfWeek.class));
        }
        if (WEEKDAYS.contains(folded)) {
            return Optional.of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String word : folded.split("[,;/+-]+")) {
            DayOfWeek day = DAY_WORDS.get(word);
            if (day == null) {
                return Optional.empty();
            }
            days.add(day);
        }
        return days.isEmpty() ? Optional.empty() : Optional.of(days);
    }

    /** Days as people read them: "every day", "weekdays", or short day names in the week's order. */
    static String daysText(Set<DayOfWeek> days, Locale locale, String daily, String weekdays) {
        if (days.size() == 7) {
            return daily;
        }
        if (days.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) {
            return weekdays;
        }
        return days.stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, locale)).collect(Collectors.joining(", "));
    }

    /** The member a typed mention names on the same platform: a Discord mention, an @handle or a plain id. */
    static Optional<MemberRef> mention(String text, Platform platform) {
        String typed = text.strip();
        Matcher discord = DISCORD_MENTION.matcher(typed);
        if (discord.matches()) {
            return Optional.of(new MemberRef(platform, discord.group(1), null));
        }
        Matcher handle = HANDLE.matcher(typed);
        if (handle.matches()) {
            String id = handle.group(1);
            return Optional.of(new MemberRef(platform, platform == Platform.CONSOLE ? id.toLowerCase(Locale.ROOT) : id, null));
        }
        return Optional.empty();
    }

    /** The words of a setup line, e.g. {@code days mon,wed time 09:00 questions gentle}. */
    static List<String> words(String text) {
        return List.of(text.strip().split("\\s+"));
    }
}
