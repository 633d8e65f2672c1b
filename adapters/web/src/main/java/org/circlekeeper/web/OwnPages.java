package org.circlekeeper.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.dashboard.DashboardMessages;
import org.circlekeeper.core.dashboard.OwnHistory;
import org.circlekeeper.core.dashboard.PageTexts;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.template.Markup;

/**
 * Renders a member's own page: their check-in history as a server-drawn SVG chart with a table of the same days beside
 * it (the chart for the eye, the table for everyone), their streak, and the export and erase forms. No script, no
 * style attribute: the chart's colours come from the stylesheet.
 */
final class OwnPages {

    /** The chart's drawing area, in SVG user units; the stylesheet scales it to the page's width. */
    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    private static final int LEFT = 96;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;
    private static final int LEVELS = 5;

    private final Pages pages;

    OwnPages(Pages pages) {
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    String own(PageTexts texts, WebSession session, Optional<OwnHistory> history) {
        Map<String, Object> body = new HashMap<>();
        body.put("heading", Pages.html(texts, DashboardMessages.OWN_TITLE));
        body.put("intro", Pages.html(texts, DashboardMessages.OWN_INTRO));
        int span = history.map(h -> h.days().size()).orElse(0);
        body.put("historyHeading", Pages.html(texts, DashboardMessages.OWN_HISTORY, "days", span == 0 ? 28 : span));
        boolean hasCheckins = history.filter(h -> h.checkins() > 0).isPresent();
        body.put("hasCheckins", hasCheckins);
        body.put("none", Pages.html(texts, DashboardMessages.OWN_NONE));
        DateTimeFormatter dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(texts.locale());
        if (hasCheckins) {
            OwnHistory h = history.get();
            body.put("chart", chart(texts, h));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (OwnHistory.Day day : h.days()) {
                if (day.checkedIn()) {
                    rows.add(Map.of("iso", day.date().toString(), "date", dayFormat.format(day.date()), "mood", day.mood()));
                }
            }
            body.put("rows", rows);
            body.put("tableCaption", Pages.html(texts, DashboardMessages.OWN_TABLE));
            body.put("dayLabel", Pages.html(texts, DashboardMessages.OWN_DAY));
            body.put("moodLabel", Pages.html(texts, DashboardMessages.OWN_MOOD));
        }
        int streak = history.map(OwnHistory::streak).orElse(0);
        body.put("streak", streak == 0 ? Pages.html(texts, DashboardMessages.OWN_NO_STREAK)
                : Pages.html(texts, DashboardMessages.OWN_STREAK, "streak", streak));
        Optional<LocalDate> since = history.flatMap(OwnHistory::since);
        body.put("hasSince", since.isPresent());
        body.put("since", since.map(d -> Pages.html(texts, DashboardMessages.OWN_SINCE, "since", dayFormat.format(d))).orElse(""));
        body.put("notes", Pages.html(texts, DashboardMessages.OWN_NOTES));
        body.put("exportHeading", Pages.html(texts, DashboardMessages.OWN_EXPORT_HEADING));
        body.put("exportIntro", Pages.html(texts, DashboardMessages.OWN_EXPORT_INTRO));
        body.put("exportButton", Pages.html(texts, DashboardMessages.OWN_EXPORT_BUTTON));
        body.put("eraseHeading", Pages.html(texts, DashboardMessages.OWN_ERASE_HEADING));
        body.put("eraseIntro", Pages.html(texts, DashboardMessages.OWN_ERASE_INTRO));
        body.put("eraseButton", Pages.html(texts, DashboardMessages.OWN_ERASE_BUTTON));
        body.put("csrf", session.csrf());
        return pages.layout(texts, session, Pages.Nav.OWN, Markup.plain(texts.text(DashboardMessages.OWN_TITLE)),
                pages.render("own", body));
    }

    /** The confirmation page of an erasure: the engine's own question and its buttons, pressed here. */
    String erase(PageTexts texts, WebSession session, List<Map<String, Object>> answers) {
        Map<String, Object> body = new HashMap<>();
        body.put("heading", Pages.html(texts, DashboardMessages.OWN_ERASE_TITLE));
        body.put("answers", answers);
        body.put("back", Pages.html(texts, DashboardMessages.OWN_BACK));
        return pages.layout(texts, session, Pages.Nav.OWN, Markup.plain(texts.text(DashboardMessages.OWN_ERASE_TITLE)),
                pages.render("erase", body));
    }

    /** After an erasure: the engine's word on it, and that the session ended with the data (no navigation: signed out). */
    String erased(PageTexts texts, String said) {
        Map<String, Object> body = Map.of("heading", Pages.html(texts, DashboardMessages.OWN_ERASE_HEADING), "said", said,
                "ended", Pages.html(texts, DashboardMessages.OWN_ERASED));
        return pages.layout(texts, null, Pages.Nav.NONE, Markup.plain(texts.text(DashboardMessages.OWN_ERASE_HEADING)),
                pages.render("erased", body));
    }

    /**
     * The history as an SVG line chart, one point per day with a check-in and a gap for each day without (as the chat's
     * chart draws it), the mood words on the vertical scale, a date every week below. Named and described for screen
     * readers; the table after it holds the same days.
     */
    static String chart(PageTexts texts, OwnHistory history) {
        List<OwnHistory.Day> days = history.days();
        DateTimeFormatter tick = DateTimeFormatter.ofPattern("d MMM", texts.locale());
        DateTimeFormatter longDay = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(texts.locale());
        String title = Markup.plain(texts.text(DashboardMessages.OWN_HISTORY, "days", days.size()));
        String desc = Markup.plain(texts.text(DashboardMessages.OWN_CHART, "from", longDay.format(history.from()),
                "to", longDay.format(history.today()), "count", history.checkins()));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"mood-chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"mood-chart-title mood-chart-desc\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        svg.append("<title id=\"mood-chart-title\">").append(HtmlMarkup.escape(title)).append("</title>\n");
        svg.append("<desc id=\"mood-chart-desc\">").append(HtmlMarkup.escape(desc)).append("</desc>\n");
        for (int level = 1; level <= LEVELS; level++) {
            double y = y(level);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y)).append("\"/>\n");
            svg.append("<text class=\"scale\" x=\"").append(LEFT - 8).append("\" y=\"").append(num(y + 5))
                    .append("\" text-anchor=\"end\">").append(HtmlMarkup.escape(history.levels().get(level - 1))).append("</text>\n");
        }
        for (int i = 0; i < days.size(); i += 7) {
            svg.append("<text class=\"scale\" x=\"").append(num(x(i, days.size()))).append("\" y=\"").append(HEIGHT - 12)
                    .append("\" text-anchor=\"middle\">").append(HtmlMarkup.escape(tick.format(days.get(i).date()))).append("</text>\n");
        }
        // a line through each run of consecutive days with a check-in; a day without one breaks it
        List<String> run = new ArrayList<>();
        for (int i = 0; i <= days.size(); i++) {
            if (i < days.size() && days.get(i).checkedIn()) {
                run.add(num(x(i, days.size())) + "," + num(y(days.get(i).level())));
                continue;
            }
            if (run.size() > 1) {
                svg.append("<polyline class=\"mood-line\" points=\"").append(String.join(" ", run)).append("\"/>\n");
            }
            run.clear();
        }
        for (int i = 0; i < days.size(); i++) {
            OwnHistory.Day day = days.get(i);
            if (day.checkedIn()) {
                svg.append("<circle class=\"mood-point\" cx=\"").append(num(x(i, days.size()))).append("\" cy=\"")
                        .append(num(y(day.level()))).append("\" r=\"5\"/>\n");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static double x(int index, int days) {
        double step = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, days);
        return LEFT + step * (index + 0.5);
    }

    private static double y(int level) {
        double step = (HEIGHT - TOP - BOTTOM) / (double) LEVELS;
        return TOP + step * (LEVELS - level + 0.5);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
