package org.circlekeeper.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The organisers' week view as the core computes it, through the real engine: ISO week names, seven local days, and a
 * week in which the clocks change (Europe/Berlin goes back an hour on Sunday 31 October 2027), whose last day is 25
 * hours long. The clock starts on Friday 27 November 2026 at 09:00 UTC.
 */
class DashboardWeekTest {

    private static final Pattern LINK = Pattern.compile("https://page\\.example\\.org/dashboard/signin/([A-Za-z0-9_-]{43})");

    private final BotTester bot = new BotTester(Map.of(DashboardAddress.class, DashboardAddress.parse("https://page.example.org/")));
    private final Dashboard dashboard = bot.part(Dashboard.class);
    private final Talk olivia = bot.asOrganiser("olivia").inGroup();

    @BeforeEach
    void theGroupLivesInBerlin() {
        olivia.send("/community timezone Europe/Berlin");
    }

    private WebSession signedIn() {
        Matcher link = LINK.matcher(olivia.send("/dashboard").text().replace("\\", ""));
        assertThat(link.find()).isTrue();
        return dashboard.signIn(link.group(1)).orElseThrow().session();
    }

    @Test
    void weeksAreNamedAsIso8601NamesThem() {
        assertThat(CalendarWeek.parse("2026-W49")).contains(LocalDate.of(2026, 11, 30));
        assertThat(CalendarWeek.parse("2026-W53")).contains(LocalDate.of(2026, 12, 28));
        assertThat(CalendarWeek.parse("2027-W53")).as("2027 has 52 weeks").isEmpty();
        assertThat(CalendarWeek.parse("2026-W00")).isEmpty();
        assertThat(CalendarWeek.parse("2026-49")).isEmpty();
        assertThat(CalendarWeek.parse("2026-W49-1")).isEmpty();
        assertThat(CalendarWeek.parse(null)).isEmpty();
        assertThat(CalendarWeek.name(LocalDate.of(2027, 1, 1))).as("Friday 1 January 2027 is in 2026's last week").isEqualTo("2026-W53");
    }

    @Test
    void theWeekShowsSevenDaysOfMeetingsInTheReadersZoneWithTodayMarked() {
        olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00");
        WebSession session = signedIn();
        PageTexts texts = dashboard.texts(session);
        LocalDate monday = dashboard.thisWeek(texts);
        assertThat(monday).isEqualTo(LocalDate.of(2026, 11, 23));

        CalendarWeek week = dashboard.week(session, texts, LocalDate.of(2026, 11, 30));
        assertThat(week.name()).isEqualTo("2026-W49");
        assertThat(week.previous()).isEqualTo("2026-W48");
        assertThat(week.next()).isEqualTo("2026-W50");
        assertThat(week.month()).as("the month of its Thursday").isEqualTo(YearMonth.of(2026, 12));
        assertThat(week.days()).extracting(d -> d.date().getDayOfWeek()).containsExactly(DayOfWeek.values());
        assertThat(week.entries()).singleElement().satisfies(e -> {
            assertThat(e.date()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(e.time()).isEqualTo("7:00 PM");
            assertThat(e.circleName()).isEqualTo("Tuesday circle");
            assertThat(dashboard.meeting(session, texts, e.circleId(), e.key())).isPresent();
        });
        assertThat(dashboard.week(session, texts, monday).days()).filteredOn(CalendarWeek.Day::today)
                .extracting(CalendarWeek.Day::date).containsExactly(LocalDate.of(2026, 11, 27));

        olivia.send("/circle skip tuesday-circle 2026-12-01");
        assertThat(dashboard.week(session, texts, LocalDate.of(2026, 11, 30)).entries()).isEmpty();
        assertThat(dashboard.showsWeek(texts, LocalDate.of(2028, 11, 20))).isTrue();
        assertThat(dashboard.showsWeek(texts, LocalDate.of(2029, 1, 1))).isFalse();
    }

    @Test
    void aWeekInWhichTheClocksGoBackKeepsEveryMeetingOnItsLocalDayAndTime() {
        olivia.send("/circle create \"Evening circle\" every day 19:00");
        olivia.send("/circle create \"Late circle\" every sunday 23:30");
        olivia.send("/circle create \"Early circle\" every monday 00:30");
        WebSession session = signedIn();
        PageTexts texts = dashboard.texts(session);

        // 2027-W43: Monday 25 October (CEST, UTC+2) to Sunday 31 October, when 03:00 CEST becomes 02:00 CET (UTC+1)
        CalendarWeek week = dashboard.week(session, texts, CalendarWeek.parse("2027-W43").orElseThrow());
        assertThat(week.monday()).isEqualTo(LocalDate.of(2027, 10, 25));
        for (CalendarWeek.Day day : week.days()) {
            assertThat(day.entries()).filteredOn(e -> e.circleName().equals("Evening circle")).singleElement()
                    .satisfies(e -> assertThat(e.time()).as("on %s", day.date()).isEqualTo("7:00 PM"));
        }
        CalendarWeek.Day sunday = week.days().get(6);
        assertThat(sunday.date()).isEqualTo(LocalDate.of(2027, 10, 31));
        // Sunday 23:30 CET is Monday 00:30 by summer time's reckoning: a week counted as 7 × 24 hours would lose it
        assertThat(sunday.entries()).extracting(CalendarMonth.Entry::circleName, CalendarMonth.Entry::time)
                .containsExactly(tuple("Evening circle", "7:00 PM"),
                        tuple("Late circle", "11:30 PM"));
        CalendarWeek.Day monday = week.days().get(0);
        assertThat(monday.entries()).extracting(CalendarMonth.Entry::circleName).containsExactly("Early circle", "Evening circle");
        assertThat(week.entries()).extracting(CalendarMonth.Entry::date).allSatisfy(d ->
                assertThat(d).isBetween(LocalDate.of(2027, 10, 25), LocalDate.of(2027, 10, 31)));

        // the next week begins with Monday 1 November's early meeting, at its local time, not the Sunday before
        CalendarWeek after = dashboard.week(session, texts, LocalDate.of(2027, 11, 1));
        assertThat(after.days().get(0).entries()).extracting(CalendarMonth.Entry::circleName, CalendarMonth.Entry::time)
                .startsWith(tuple("Early circle", "12:30 AM"));
        assertThat(after.entries()).noneMatch(e -> e.circleName().equals("Late circle") && e.date().isBefore(LocalDate.of(2027, 11, 7)));
        assertThat(List.of(week.name(), after.name())).containsExactly("2027-W43", "2027-W44");
    }
}
