package org.circlekeeper.core.circle;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.template.Markup;
import org.circlekeeper.core.template.Speech;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.RecurrenceRule;

/**
 * Says circles in words: when one meets ("every Tuesday and Thursday at 7:00 PM (Europe/Berlin)"),
 * where, and a meeting's time with its zone. Values built here are plain text, but a meeting's start,
 * which is a {@link Markup.Time} (Discord shows it in each viewer's zone, other platforms show the text
 * with its zone); pieces rendered from templates are markup and go into other templates unescaped
 * ({@code {{{when}}}}).
 */
final class CircleTexts {

    private CircleTexts() {
    }

    /** A moment with its zone: "Tuesday, March 2, 2027, 7:00 PM (Europe/Berlin)". */
    static String moment(ZonedDateTime time, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(time) + ", "
                + time(time.toLocalTime(), locale) + " (" + time.getZone().getId() + ")";
    }

    /** A meeting's start shown in another zone (a member's own). */
    static String moment(ZonedDateTime time, ZoneId zone, Locale locale) {
        return moment(time.withZoneSameInstant(zone), locale);
    }

    /**
     * A meeting's start as a moment for a template: each Discord viewer sees it in their own zone;
     * elsewhere it reads as {@link #moment(ZonedDateTime, Locale)}, in the zone {@code time} is in.
     */
    static Markup.Time start(ZonedDateTime time, Locale locale) {
        return Markup.time(time.toInstant(), Markup.TimeStyle.FULL, moment(time, locale));
    }

    /** A meeting's start as a moment whose fallback text is in another zone (the reader's own). */
    static Markup.Time start(ZonedDateTime time, ZoneId zone, Locale locale) {
        return start(time.withZoneSameInstant(zone), locale);
    }

    static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date);
    }

    static String time(LocalTime time, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(time);
    }

    /** Where a circle meets, as markup. */
    static String place(Place place, Speech speaker) {
        if (place instanceof Place.Channel channel) {
            return speaker.text(CircleMessages.PLACE_CHANNEL, "name", channel.name());
        }
        if (place instanceof Place.Room room) {
            return speaker.text(CircleMessages.PLACE_ROOM, "name", room.name());
        }
        if (place instanceof Place.Link link) {
            return speaker.text(CircleMessages.PLACE_LINK, "url", link.url().toString());
        }
        return speaker.text(CircleMessages.PLACE_HERE);
    }

    /** When a circle meets, as markup, in its own zone. */
    static String when(Schedule schedule, Speech speaker) {
        Locale locale = speaker.locale();
        String time = time(schedule.start().toLocalTime(), locale);
        String zone = schedule.zone().getId();
        if (!(schedule.recurrence() instanceof Recurrence.Repeating repeating)) {
            return speaker.text(CircleMessages.WHEN_ONCE, "date", date(schedule.start().toLocalDate(), locale), "time", time, "zone", zone);
        }
        String base = pattern(repeating, schedule, speaker, time, zone);
        if (repeating.end() instanceof Recurrence.End.Until until) {
            return speaker.text(CircleMessages.WHEN_UNTIL, "when", base, "date", date(until.date(), locale));
        }
        if (repeating.end() instanceof Recurrence.End.After after) {
            return speaker.text(CircleMessages.WHEN_TIMES, "when", base, "count", after.times());
        }
        return base;
    }

    private static String pattern(Recurrence.Repeating repeating, Schedule schedule, Speech speaker, String time, String zone) {
        RecurrenceRule rule = Recurrence.Repeating.parse(repeating.rule());
        Locale locale = speaker.locale();
        boolean plain = LibRecur.UNDESCRIBED.stream().noneMatch(rule::hasPart);
        int interval = rule.getInterval();
        List<RecurrenceRule.WeekdayNum> byDay = rule.hasPart(LibRecur.BYDAY) ? rule.getByDayPart() : List.of();
        boolean positioned = byDay.stream().anyMatch(d -> d.pos != 0);
        if (plain && rule.getFreq() == Freq.DAILY && byDay.isEmpty()) {
            return interval == 1 ? speaker.text(CircleMessages.WHEN_DAILY, "time", time, "zone", zone)
                    : speaker.text(CircleMessages.WHEN_DAYS, "interval", interval, "time", time, "zone", zone);
        }
        if (plain && rule.getFreq() == Freq.WEEKLY && !positioned) {
            Set<DayOfWeek> days = new LinkedHashSet<>();
            byDay.forEach(d -> days.add(dayOf(d)));
            if (days.isEmpty()) {
                days.add(schedule.start().getDayOfWeek());
            }
            String dayNames = days(days, speaker);
            return interval == 1 ? speaker.text(CircleMessages.WHEN_WEEKLY, "days", dayNames, "time", time, "zone", zone)
                    : speaker.text(CircleMessages.WHEN_WEEKS, "interval", interval, "days", dayNames, "time", time, "zone", zone);
        }
        if (plain && rule.getFreq() == Freq.MONTHLY && interval == 1 && positioned && byDay.stream().allMatch(d -> d.pos != 0)) {
            Set<Integer> positions = new LinkedHashSet<>();
            Set<DayOfWeek> days = new LinkedHashSet<>();
            byDay.forEach(d -> {
                positions.add(d.pos);
                days.add(dayOf(d));
            });
            if (positions.size() * days.size() == byDay.size() && positions.stream().allMatch(p -> p == -1 || (p >= 1 && p <= 5))) {
                List<String> ordinals = new ArrayList<>();
                positions.stream().sorted((a, b) -> Integer.compare(a < 0 ? 99 : a, b < 0 ? 99 : b))
                        .forEach(p -> ordinals.add(speaker.text(ordinal(p))));
                return speaker.text(CircleMessages.WHEN_MONTHLY, "ordinals", join(ordinals, speaker), "days", days(days, speaker),
                        "time", time, "zone", zone);
            }
        }
        if (plain && rule.getFreq() == Freq.MONTHLY && interval == 1 && byDay.isEmpty()) {
            return speaker.text(CircleMessages.WHEN_MONTHDAY, "day", schedule.start().getDayOfMonth(), "time", time, "zone", zone);
        }
        return speaker.text(CircleMessages.WHEN_RULE, "rule", repeating.rule(), "start", start(schedule.at(schedule.start()), locale));
    }

    private static MessageKey ordinal(int position) {
        switch (position) {
            case 1:
                return CircleMessages.ORDINAL_1;
            case 2:
                return CircleMessages.ORDINAL_2;
            case 3:
                return CircleMessages.ORDINAL_3;
            case 4:
                return CircleMessages.ORDINAL_4;
            case 5:
                return CircleMessages.ORDINAL_5;
            default:
                return CircleMessages.ORDINAL_LAST;
        }
    }

    private static DayOfWeek dayOf(RecurrenceRule.WeekdayNum day) {
        switch (day.weekday) {
            case MO:
                return DayOfWeek.MONDAY;
            case TU:
                return DayOfWeek.TUESDAY;
            case WE:
                return DayOfWeek.WEDNESDAY;
            case TH:
                return DayOfWeek.THURSDAY;
            case FR:
                return DayOfWeek.FRIDAY;
            case SA:
                return DayOfWeek.SATURDAY;
            default:
                return DayOfWeek.SUNDAY;
        }
    }

    private static String days(Set<DayOfWeek> days, Speech speaker) {
        List<String> names = new ArrayList<>();
        days.stream().sorted().forEach(d -> names.add(d.getDisplayName(TextStyle.FULL, speaker.locale())));
        return join(names, speaker);
    }

    /** "a", "a and b", "a, b and c" in the speaker's language. */
    static String join(List<String> items, Speech speaker) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + speaker.text(CircleMessages.WORD_AND) + " "
                + items.get(items.size() - 1);
    }
}
