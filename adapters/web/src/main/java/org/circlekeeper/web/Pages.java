package org.circlekeeper.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.dashboard.CalendarMonth;
import org.circlekeeper.core.dashboard.CalendarWeek;
import org.circlekeeper.core.dashboard.DashboardMessages;
import org.circlekeeper.core.dashboard.FormLink;
import org.circlekeeper.core.dashboard.MeetingDetails;
import org.circlekeeper.core.dashboard.PageTexts;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.template.Markup;

/**
 * Renders the organisers' pages: Mustache layouts under {@code web/} hold only structure, every word comes from the
 * core's texts ({@code templates/messages/<lang>/dashboard.yml}) in the reader's language, turned from markup into
 * escaped HTML. No page carries inline script; the only script is the page's own file {@code static/copy.js}.
 */
final class Pages {

    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true);
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    /**
     * The places the navigation offers, in order: each its path and its label. An organiser's session sees the
     * organisers' places and their own page; a member's own-page session sees only {@link #OWN}.
     */
    enum Nav {
        CALENDAR(Paths.CALENDAR, DashboardMessages.NAV_CALENDAR, true),
        WEEK(Paths.WEEK, DashboardMessages.NAV_WEEK, true),
        ACTIONS(Paths.ACTIONS, DashboardMessages.NAV_ACTIONS, true),
        WORDING(Paths.WORDING, DashboardMessages.NAV_WORDING, true),
        LIBRARY(Paths.LIBRARY, DashboardMessages.NAV_LIBRARY, true),
        FEED(Paths.FEED, DashboardMessages.NAV_FEED, true),
        TRENDS(Paths.TRENDS, DashboardMessages.NAV_TRENDS, true),
        OWN(Paths.OWN, DashboardMessages.NAV_OWN, false),
        NONE(null, null, false);

        private final String path;
        private final MessageKey label;
        private final boolean organisers;

        Nav(String path, MessageKey label, boolean organisers) {
            this.path = path;
            this.label = label;
            this.organisers = organisers;
        }
    }

    private static String read(String resource) {
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the page layout " + resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page with only a heading and a message (signed out, refused, not found). */
    String message(PageTexts texts, WebSession session, String message) {
        Map<String, Object> body = Map.of("heading", html(texts, DashboardMessages.PAGE_TITLE), "message", message);
        return layout(texts, session, Nav.NONE, Markup.plain(texts.text(DashboardMessages.PAGE_TITLE)), render("message", body));
    }

    /** The page a sign-in link opens: a button that signs in, so that a link preview fetching it signs nobody in. */
    String signIn(PageTexts texts, String secret) {
        Map<String, Object> body = Map.of("heading", html(texts, DashboardMessages.SIGNIN_TITLE),
                "intro", html(texts, DashboardMessages.SIGNIN_INTRO), "button", html(texts, DashboardMessages.SIGNIN_BUTTON),
                "secret", secret);
        return layout(texts, null, Nav.NONE, Markup.plain(texts.text(DashboardMessages.SIGNIN_TITLE)), render("signin", body));
    }

    String calendar(PageTexts texts, WebSession session, CalendarMonth month) {
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("LLLL yyyy", texts.locale());
        DateTimeFormatter dayName = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(texts.locale());
        String title = texts.text(DashboardMessages.CALENDAR_TITLE, "month", monthName.format(month.month()));
        List<Map<String, Object>> weekdays = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            weekdays.add(Map.of("short", day.getDisplayName(TextStyle.SHORT, texts.locale()),
                    "full", day.getDisplayName(TextStyle.FULL, texts.locale())));
        }
        List<Map<String, Object>> weeks = new ArrayList<>();
        for (CalendarMonth.Week week : month.weeks()) {
            List<Map<String, Object>> days = new ArrayList<>();
            for (CalendarMonth.Day day : week.days()) {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("cellClass", (day.inMonth() ? "" : "out") + (day.today() ? " today" : ""));
                cell.put("today", day.today());
                cell.put("inMonth", day.inMonth());
                cell.put("day", day.date().getDayOfMonth());
                cell.put("entries", day.entries().stream().map(e -> entry(texts, e, dayName)).toList());
                days.add(cell);
            }
            weeks.add(Map.of("days", days));
        }
        List<Map<String, Object>> entries = month.entries().stream().map(e -> entry(texts, e, dayName)).toList();
        YearMonth previous = month.month().minusMonths(1);
        YearMonth next = month.month().plusMonths(1);
        Map<String, Object> body = new HashMap<>();
        body.put("heading", HtmlMarkup.html(title));
        body.put("zoneNote", html(texts, DashboardMessages.CALENDAR_ZONE, "zone", month.zone().getId()));
        body.put("previous", previous.toString());
        body.put("next", next.toString());
        body.put("previousLabel", html(texts, DashboardMessages.CALENDAR_PREVIOUS, "month", monthName.format(previous)));
        body.put("nextLabel", html(texts, DashboardMessages.CALENDAR_NEXT, "month", monthName.format(next)));
        body.put("weekdays", weekdays);
        body.put("weeks", weeks);
        body.put("listHeading", html(texts, DashboardMessages.CALENDAR_LIST));
        body.put("entries", entries);
        body.put("hasEntries", !entries.isEmpty());
        body.put("none", html(texts, DashboardMessages.CALENDAR_NONE));
        body.put("newCircleHref", Paths.form(FormLink.newCircle()));
        body.put("newCircle", html(texts, FormLink.newCircle().label()));
        // the week view opens on today's week in this month, else on the month's first week
        LocalDate weekOf = month.weeks().stream().flatMap(w -> w.days().stream()).filter(d -> d.inMonth() && d.today())
                .map(CalendarMonth.Day::date).findFirst().orElse(month.month().atDay(1));
        body.put("weekHref", Paths.week(CalendarWeek.name(weekOf)));
        body.put("weekView", html(texts, DashboardMessages.CALENDAR_WEEK_VIEW));
        return layout(texts, session, Nav.CALENDAR, Markup.plain(title), render("calendar", body));
    }

    private static Map<String, Object> entry(PageTexts texts, CalendarMonth.Entry entry, DateTimeFormatter dayName) {
        return Map.of("href", Paths.meeting(entry.circleId(), entry.key()), "moved", entry.moved(),
                "dateText", dayName.format(entry.date()),
                "label", html(texts, DashboardMessages.CALENDAR_MEETING, "time", entry.time(), "name", entry.circleName()));
    }

    String meeting(PageTexts texts, WebSession session, MeetingDetails meeting) {
        Map<String, Object> body = new HashMap<>();
        body.put("month", meeting.month().toString());
        body.put("back", html(texts, DashboardMessages.MEETING_BACK));
        body.put("circleName", meeting.circleName());
        body.put("moved", meeting.moved());
        body.put("movedNote", html(texts, DashboardMessages.MEETING_MOVED));
        body.put("whenLabel", html(texts, DashboardMessages.MEETING_WHEN));
        body.put("time", HtmlMarkup.html(meeting.time()));
        body.put("scheduleLabel", html(texts, DashboardMessages.MEETING_SCHEDULE));
        body.put("schedule", HtmlMarkup.html(meeting.schedule()));
        body.put("placeLabel", html(texts, DashboardMessages.MEETING_PLACE));
        body.put("place", HtmlMarkup.html(meeting.place()));
        body.put("formatLabel", html(texts, DashboardMessages.MEETING_FORMAT));
        body.put("format", HtmlMarkup.html(meeting.format()));
        body.put("hasDescription", !meeting.description().isBlank());
        body.put("description", meeting.description());
        body.put("answersHeading", html(texts, DashboardMessages.MEETING_ANSWERS));
        body.put("coming", html(texts, DashboardMessages.MEETING_COMING, "count", meeting.coming()));
        body.put("maybe", html(texts, DashboardMessages.MEETING_MAYBE, "count", meeting.maybe()));
        body.put("notComing", html(texts, DashboardMessages.MEETING_NOT, "count", meeting.notComing()));
        body.put("changesHeading", html(texts, DashboardMessages.MEETING_CHANGES));
        body.put("changes", FormLink.forMeeting(meeting).stream()
                .map(link -> Map.of("href", Paths.form(link), "label", html(texts, link.label()))).toList());
        return layout(texts, session, Nav.CALENDAR, meeting.circleName(), render("meeting", body));
    }

    /**
     * The whole page around a body: language, title, skip link, the navigation for the session's kind (none when
     * signed out) with {@code current} marked, and sign out.
     */
    String layout(PageTexts texts, WebSession session, Nav current, String title, String body) {
        Map<String, Object> page = new HashMap<>();
        page.put("lang", texts.locale().toLanguageTag());
        page.put("title", title);
        page.put("site", Markup.plain(texts.text(DashboardMessages.PAGE_TITLE)));
        page.put("siteHtml", html(texts, DashboardMessages.PAGE_TITLE));
        page.put("skip", html(texts, DashboardMessages.SKIP_TO_CONTENT));
        page.put("signedIn", session != null);
        page.put("navLabel", Markup.plain(texts.text(DashboardMessages.NAV_LABEL)));
        List<Map<String, Object>> nav = new ArrayList<>();
        if (session != null) {
            boolean organiser = session.signIn().organiser();
            for (Nav place : Nav.values()) {
                // a member's session sees only their own page; an organiser's sees the organisers' places and their own page
                if (place.path != null && (organiser || !place.organisers)) {
                    nav.add(Map.of("href", place.path, "label", html(texts, place.label), "current", place == current));
                }
            }
        }
        page.put("nav", nav);
        page.put("csrf", session == null ? "" : session.csrf());
        page.put("signOut", html(texts, DashboardMessages.SIGN_OUT));
        page.put("body", body);
        return render("layout", page);
    }

    /** Renders the Mustache layout {@code web/<template>.mustache} (compiled once, on first use) with the values. */
    String render(String template, Map<String, Object> values) {
        return templates.computeIfAbsent(template, name -> compiler.compile(read("web/" + name + ".mustache"))).execute(values);
    }

    static String html(PageTexts texts, MessageKey key, Object... values) {
        return HtmlMarkup.html(texts.text(key, values));
    }
}
