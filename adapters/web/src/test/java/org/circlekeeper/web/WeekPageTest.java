package org.circlekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circlekeeper.core.dashboard.CalendarWeek;
import org.circlekeeper.core.dashboard.Dashboard;
import org.circlekeeper.core.dashboard.DashboardAddress;
import org.circlekeeper.core.dashboard.MeetingDetails;
import org.circlekeeper.core.dashboard.PageTexts;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;

/**
 * The week page and a meeting's organiser actions as HTML: member-written names escaped, each meeting linking to its
 * page, the way to the neighbouring weeks and the month, and each action a link to its form prefilled with the
 * meeting's circle and date (ids and dates only: no personal data in an address). Mustache escapes {@code =} in an
 * attribute as {@code &#x3D;}, which the browser reads as {@code =}.
 */
class WeekPageTest {

    private static final Pattern LINK = Pattern.compile("/dashboard/signin/([A-Za-z0-9_-]{43})");

    private final BotTester bot = new BotTester(Map.of(DashboardAddress.class, DashboardAddress.parse("https://page.example.org")));
    private final Dashboard dashboard = bot.part(Dashboard.class);
    private final Pages pages = new Pages();

    @Test
    void theWeekLinksEachMeetingAndItsNeighboursAndEscapesNames() {
        BotTester.Talk olivia = bot.asOrganiser("olivia").inGroup();
        olivia.send("/community timezone Europe/Berlin");
        olivia.send("/circle create \"<b>Tuesday</b> & co\" every tuesday 19:00");
        Matcher link = LINK.matcher(olivia.send("/dashboard").text().replace("\\", ""));
        assertThat(link.find()).isTrue();
        WebSession session = dashboard.signIn(link.group(1)).orElseThrow().session();
        PageTexts texts = dashboard.texts(session);
        String id = bot.stores().circles().circles().all(BotTester.COMMUNITY).get(0).id();

        CalendarWeek week = dashboard.week(session, texts, LocalDate.of(2026, 11, 30));
        String page = WeekController.page(pages, texts, session, week, dashboard.thisWeek(texts));
        assertThat(page).doesNotContain("<b>Tuesday").contains("7:00 PM &lt;b&gt;Tuesday&lt;/b&gt; &amp; co")
                .contains("href=\"/dashboard/meetings/" + id + "/20261201T1900\"")
                .contains("href=\"/dashboard/week?week&#x3D;2026-W48\" rel=\"prev\"")
                .contains("href=\"/dashboard/week?week&#x3D;2026-W50\" rel=\"next\"")
                .contains("href=\"/dashboard/calendar?month&#x3D;2026-12\"")
                .contains("<h1>Circles from November 30, 2026 to December 6, 2026</h1>")
                .contains("<a href=\"/dashboard/week\" aria-current=\"page\">Week</a>");
        assertThat(page.split("<li class=\"weekday", -1)).hasSize(8);

        MeetingDetails meeting = dashboard.meeting(session, texts, id, "20261201T1900").orElseThrow();
        String details = pages.meeting(texts, session, meeting);
        assertThat(details)
                .contains("<a href=\"/dashboard/do/circle/reschedule?id&#x3D;" + id + "&amp;date&#x3D;2026-12-01\">Move this meeting</a>")
                .contains("<a href=\"/dashboard/do/circle/skip?id&#x3D;" + id + "&amp;date&#x3D;2026-12-01\">Skip this meeting</a>")
                .contains("<a href=\"/dashboard/do/circle/cancel?id&#x3D;" + id + "\">Cancel the circle</a>");
        String calendar = pages.calendar(texts, session, dashboard.month(session, texts, YearMonth.of(2026, 11)));
        assertThat(calendar).contains("<a href=\"/dashboard/do/circle/create\">New circle</a>")
                .contains("<a href=\"/dashboard/week?week&#x3D;2026-W48\">Week view</a>");
    }
}
