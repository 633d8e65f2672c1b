package org.circlekeeper.core.checkin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.circlekeeper.core.engine.FormSpec;
import org.circlekeeper.core.template.Speech;

/** How check-in values read to a member: a mood, a day, the prompt days, a shortened echo of what they typed. */
final class CheckinWords {

    private CheckinWords() {
    }

    /** A mood as its emoji and word, e.g. "🙂 Good", in the speech's language. */
    static String moodLabel(Speech speech, Mood mood) {
        return speech.text(mood.emoji()) + " " + speech.text(mood.word());
    }

    static String dayText(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

    /** The community's prompt days, e.g. "every day", "weekdays" or "Mon, Thu". */
    static String daysText(Speech speech, CheckinSettings settings) {
        return CheckinParsing.daysText(settings.days(), speech.locale(), speech.text(CheckinMessages.DAYS_DAILY),
                speech.text(CheckinMessages.DAYS_WEEKDAYS));
    }

    /** What a member typed, cut to 40 characters for an echo in a reply. */
    static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** A form field's answer: the field by name, else the one answer a typed reply gives, else empty. */
    static String answer(Map<String, String> fields, String field) {
        String value = fields.get(field);
        if (value == null) {
            value = fields.get(FormSpec.ANSWER);
        }
        return value == null ? "" : value;
    }
}
