package org.circlekeeper.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.dashboard.CalendarMonth;
import org.circlekeeper.core.dashboard.CalendarWeek;
import org.circlekeeper.core.dashboard.Dashboard;
import org.circlekeeper.core.dashboard.DashboardMessages;
import org.circlekeeper.core.dashboard.PageTexts;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.template.Markup;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The week view ({@code /dashboard/week?week=2026-W49}): the seven days of an ISO week in the organiser's zone, each
 * meeting with its time and circle linking to its page, as the core's {@link Dashboard#week} computes it. Seven
 * columns on a wide screen, a list of days on a phone.
 */
@Controller
public class WeekController {

    private final WebRequests web;
    private final Dashboard dashboard;

    /** The week view over the core's dashboard. */
    public WeekController(WebRequests web) {
        this.web = Objects.requireNonNull(web, "web");
        this.dashboard = web.dashboard();
    }

    @GetMapping(Paths.WEEK)
    ResponseEntity<String> week(@RequestParam(name = "week", required = false) String week, HttpServletRequest request) {
        WebRequests.Admission admission = web.organiser(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        PageTexts texts = in.texts();
        LocalDate monday = dashboard.thisWeek(texts);
        if (week != null) {
            Optional<LocalDate> named = CalendarWeek.parse(week);
            if (named.isEmpty() || !dashboard.showsWeek(texts, named.get())) {
                return web.notFound(texts, in.session());
            }
            monday = named.get();
        }
        CalendarWeek shown = dashboard.week(in.session(), texts, monday);
        return WebRequests.page(HttpStatus.OK, page(web.pages(), texts, in.session(), shown, dashboard.thisWeek(texts)));
    }

    /** The week's whole page; {@code thisMonday} starts the reader's current week (for "This week"). */
    static String page(Pages pages, PageTexts texts, WebSession session, CalendarWeek week, LocalDate thisMonday) {
        DateTimeFormatter longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(texts.locale());
        String title = texts.text(DashboardMessages.WEEK_TITLE, "from", longDate.format(week.monday()),
                "to", longDate.format(week.monday().plusDays(6)));
        return pages.layout(texts, session, Pages.Nav.WEEK, Markup.plain(title),
                pages.render("week", body(texts, week, title, thisMonday)));
    }

    private static Map<String, Object> body(PageTexts texts, CalendarWeek week, String title, LocalDate thisMonday) {
        DateTimeFormatter dayDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(texts.locale());
        List<Map<String, Object>> days = week.days().stream().map(day -> {
            Map<String, Object> view = new HashMap<>();
            view.put("iso", day.date().toString());
            view.put("today", day.today());
            view.put("dayName", day.date().getDayOfWeek().getDisplayName(TextStyle.FULL, texts.locale()));
            view.put("dayDate", dayDate.format(day.date()));
            view.put("entries", day.entries().stream().map(e -> entry(texts, e)).toList());
            view.put("hasEntries", !day.entries().isEmpty());
            view.put("nothing", Pages.html(texts, DashboardMessages.WEEK_NOTHING_THIS_DAY));
            return view;
        }).toList();
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("LLLL yyyy", texts.locale());
        Map<String, Object> body = new HashMap<>();
        body.put("heading", HtmlMarkup.html(title));
        body.put("zoneNote", Pages.html(texts, DashboardMessages.CALENDAR_ZONE, "zone", week.zone().getId()));
        body.put("previousHref", Paths.week(week.previous()));
        body.put("previousLabel", Pages.html(texts, DashboardMessages.WEEK_PREVIOUS));
        body.put("nextHref", Paths.week(week.next()));
        body.put("nextLabel", Pages.html(texts, DashboardMessages.WEEK_NEXT));
        body.put("thisHref", Paths.week(CalendarWeek.name(thisMonday)));
        body.put("thisLabel", Pages.html(texts, DashboardMessages.WEEK_THIS));
        body.put("monthHref", Paths.CALENDAR + "?month=" + week.month());
        body.put("monthLabel", Pages.html(texts, DashboardMessages.WEEK_MONTH_VIEW, "month", monthName.format(week.month())));
        body.put("days", days);
        return body;
    }

    private static Map<String, Object> entry(PageTexts texts, CalendarMonth.Entry entry) {
        return Map.of("href", Paths.meeting(entry.circleId(), entry.key()), "moved", entry.moved(),
                "label", Pages.html(texts, DashboardMessages.CALENDAR_MEETING, "time", entry.time(), "name", entry.circleName()));
    }
}
