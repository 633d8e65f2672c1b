package org.circlekeeper.core.circle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.circlekeeper.core.member.ZoneLookup;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.junit.jupiter.api.Test;

/** What people type, in English and Spanish, becomes an RFC 5545 schedule whose start is its first meeting. */
class WhenParserTest {

    /** Friday 27 November 2026, 10:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final WhenParser parser = new WhenParser(new ZoneLookup());

    private WhenParser.Understood understood(String typed) {
        WhenParser.Result result = parser.parse(typed, NOW, BERLIN);
        assertThat(result).as(typed).isInstanceOf(WhenParser.Understood.class);
        return (WhenParser.Understood) result;
    }

    private WhenParser.Reason problem(String typed) {
        WhenParser.Result result = parser.parse(typed, NOW, BERLIN);
        assertThat(result).as(typed).isInstanceOf(WhenParser.Problem.class);
        return ((WhenParser.Problem) result).reason();
    }

    private static String rule(WhenParser.Understood understood) {
        return ((Recurrence.Repeating) understood.recurrence()).rule();
    }

    private static String canonical(String rule) throws Exception {
        return new RecurrenceRule(rule).toString();
    }

    @Test
    void weeklyOnOneOrMoreDays() throws Exception {
        WhenParser.Understood tuesday = understood("every tuesday 19:00");
        assertThat(tuesday.start()).isEqualTo(LocalDateTime.parse("2026-12-01T19:00"));
        assertThat(tuesday.zone()).isEqualTo(BERLIN);
        assertThat(rule(tuesday)).isEqualTo(canonical("FREQ=WEEKLY;BYDAY=TU"));

        WhenParser.Understood twice = understood("every Tuesday and Thursday at 19:00");
        assertThat(twice.start()).isEqualTo(LocalDateTime.parse("2026-12-01T19:00"));
        assertThat(rule(twice)).isEqualTo(canonical("FREQ=WEEKLY;BYDAY=TU,TH"));

        assertThat(understood("every thursday at 7pm").start()).isEqualTo(LocalDateTime.parse("2026-12-03T19:00"));
        assertThat(understood("every friday 19:00").start()).as("today, still ahead").isEqualTo(LocalDateTime.parse("2026-11-27T19:00"));
        assertThat(understood("every friday 09:30").start()).as("today, already past").isEqualTo(LocalDateTime.parse("2026-12-04T09:30"));
    }

    @Test
    void everyNWeeksStartsOnTheComingDay() throws Exception {
        WhenParser.Understood fortnightly = understood("every 2 weeks on monday 18:00");
        assertThat(fortnightly.start()).isEqualTo(LocalDateTime.parse("2026-11-30T18:00"));
        assertThat(rule(fortnightly)).isEqualTo(canonical("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"));
        assertThat(rule(understood("every other wednesday 18:00"))).isEqualTo(canonical("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"));
        assertThat(rule(understood("every day at 8am"))).isEqualTo(canonical("FREQ=DAILY"));
        assertThat(rule(understood("todos los días 20:00"))).isEqualTo(canonical("FREQ=DAILY"));
    }

    @Test
    void monthlyOnTheNthOrLastWeekday() throws Exception {
        WhenParser.Understood first = understood("first monday of the month 18:30");
        assertThat(first.start()).isEqualTo(LocalDateTime.parse("2026-12-07T18:30"));
        assertThat(rule(first)).isEqualTo(canonical("FREQ=MONTHLY;BYDAY=1MO"));

        WhenParser.Understood last = understood("last friday of the month 19:00");
        assertThat(last.start()).isEqualTo(LocalDateTime.parse("2026-11-27T19:00"));
        assertThat(rule(last)).isEqualTo(canonical("FREQ=MONTHLY;BYDAY=-1FR"));

        assertThat(rule(understood("the first and third monday of every month at 18:30"))).isEqualTo(canonical("FREQ=MONTHLY;BYDAY=1MO,3MO"));
    }

    @Test
    void spanish() throws Exception {
        assertThat(rule(understood("cada martes 19:00"))).isEqualTo(canonical("FREQ=WEEKLY;BYDAY=TU"));
        assertThat(rule(understood("cada martes y jueves a las 19:00"))).isEqualTo(canonical("FREQ=WEEKLY;BYDAY=TU,TH"));
        WhenParser.Understood first = understood("primer lunes de cada mes 18:30");
        assertThat(first.start()).isEqualTo(LocalDateTime.parse("2026-12-07T18:30"));
        assertThat(rule(first)).isEqualTo(canonical("FREQ=MONTHLY;BYDAY=1MO"));
        assertThat(rule(understood("último viernes del mes 19:00"))).isEqualTo(canonical("FREQ=MONTHLY;BYDAY=-1FR"));
        assertThat(rule(understood("cada dos semanas el lunes 18:00"))).isEqualTo(canonical("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"));
        assertThat(understood("cada miércoles 19:00 10 veces").recurrence())
                .isEqualTo(new Recurrence.Repeating("FREQ=WEEKLY;BYDAY=WE", new Recurrence.End.After(10)));
        assertThat(((Recurrence.Repeating) understood("cada martes 19h hasta el 2027-06-30").recurrence()).end())
                .isEqualTo(new Recurrence.End.Until(LocalDate.parse("2027-06-30")));
        assertThat(understood("mañana 19:00").start()).isEqualTo(LocalDateTime.parse("2026-11-28T19:00"));
    }

    @Test
    void oneOffDatesAndEndings() {
        WhenParser.Understood once = understood("2026-12-03 19:00");
        assertThat(once.start()).isEqualTo(LocalDateTime.parse("2026-12-03T19:00"));
        assertThat(once.recurrence()).isInstanceOf(Recurrence.Once.class);
        assertThat(understood("tomorrow at 6:30pm").start()).isEqualTo(LocalDateTime.parse("2026-11-28T18:30"));

        assertThat(((Recurrence.Repeating) understood("every tuesday 19:00 until 2027-06-30").recurrence()).end())
                .isEqualTo(new Recurrence.End.Until(LocalDate.parse("2027-06-30")));
        assertThat(((Recurrence.Repeating) understood("every tuesday 19:00 10 times").recurrence()).end())
                .isEqualTo(new Recurrence.End.After(10));
    }

    @Test
    void anyRruleWithAStartAndAZone() throws Exception {
        WhenParser.Understood second = understood("RRULE:FREQ=MONTHLY;BYDAY=2TU from 2027-01-01 19:00");
        assertThat(second.start()).isEqualTo(LocalDateTime.parse("2027-01-12T19:00"));
        assertThat(rule(second)).isEqualTo(canonical("FREQ=MONTHLY;BYDAY=2TU"));

        WhenParser.Understood counted = understood("rrule:FREQ=WEEKLY;BYDAY=SA;COUNT=4 10:00");
        assertThat(((Recurrence.Repeating) counted.recurrence()).end()).isEqualTo(new Recurrence.End.After(4));
        assertThat(counted.start()).isEqualTo(LocalDateTime.parse("2026-11-28T10:00"));

        WhenParser.Understood newYork = understood("every tuesday 7pm America/New_York");
        assertThat(newYork.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(newYork.start()).isEqualTo(LocalDateTime.parse("2026-12-01T19:00"));
    }

    @Test
    void whatCannotBeUsedSaysWhy() {
        assertThat(problem("whenever we feel like it")).isEqualTo(WhenParser.Reason.NOT_UNDERSTOOD);
        assertThat(problem("every 19:00")).isEqualTo(WhenParser.Reason.NOT_UNDERSTOOD);
        assertThat(problem("every tuesday")).isEqualTo(WhenParser.Reason.NO_TIME);
        assertThat(problem("2020-01-01 19:00")).isEqualTo(WhenParser.Reason.IN_THE_PAST);
        assertThat(problem("2026-11-27 09:30")).isEqualTo(WhenParser.Reason.IN_THE_PAST);
        assertThat(problem("2027-02-30 19:00")).isEqualTo(WhenParser.Reason.BAD_DATE);
        assertThat(problem("2027-01-01 25:00")).isEqualTo(WhenParser.Reason.BAD_DATE);
        assertThat(problem("every tuesday 19:00 until 2026-11-01")).isEqualTo(WhenParser.Reason.ENDS_BEFORE_START);
        assertThat(problem("RRULE:FREQ=HOURLY 19:00")).isEqualTo(WhenParser.Reason.BAD_RULE);
        assertThat(problem("RRULE:FREQ=WEEKLY;BYDAY=XX 19:00")).isEqualTo(WhenParser.Reason.BAD_RULE);
        assertThat(problem("RRULE:FREQ=DAILY;BYHOUR=9,10 19:00")).isEqualTo(WhenParser.Reason.BAD_RULE);
        assertThat(problem("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30 19:00")).isEqualTo(WhenParser.Reason.NO_MEETINGS);
    }

    @Test
    void aSingleDateTimeForMovingOneMeeting() {
        LocalDate day = LocalDate.parse("2027-03-09");
        assertThat(WhenParser.dateTime("2027-03-10 19:30", day)).contains(LocalDateTime.parse("2027-03-10T19:30"));
        assertThat(WhenParser.dateTime("20:15", day)).contains(LocalDateTime.parse("2027-03-09T20:15"));
        assertThat(WhenParser.dateTime("a las 8pm", day)).contains(LocalDateTime.parse("2027-03-09T20:00"));
        assertThat(WhenParser.dateTime("next week sometime", day)).isEmpty();
        assertThat(WhenParser.dateTime("2027-03-32 19:00", day)).isEmpty();
    }

    @Test
    void aNameThatTookTheSchedulesFirstWordIsNoticed() {
        for (String[] typed : new String[][] {{"every", "tuesday 19:00"}, {"first", "monday of the month 18:30"},
                {"tuesday", "19:00"}, {"2026-12-03", "19:00"}, {"cada", "martes 19:00"}, {"Every", "2 weeks on monday 18:00"}}) {
            assertThat(parser.swallowed(typed[0], typed[1], NOW, BERLIN)).as(String.join(" ", typed))
                    .contains(understood(typed[0] + " " + typed[1]));
        }
        assertThat(parser.swallowed("every", "tuesday 19:00", NOW, BERLIN).orElseThrow().recurrence())
                .isInstanceOf(Recurrence.Repeating.class);
        for (String[] fine : new String[][] {{"Tuesday circle", "every tuesday 19:00"}, {"Hope", "every tuesday 19:00"},
                {"Weekly", "every tuesday 19:00"}, {"Tuesday", "every tuesday 19:00"}, {"every", "soonish"}}) {
            assertThat(parser.swallowed(fine[0], fine[1], NOW, BERLIN)).as(String.join(" ", fine)).isEmpty();
        }
    }
}
