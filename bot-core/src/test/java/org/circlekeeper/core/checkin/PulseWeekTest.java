package org.circlekeeper.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pulse's period: whole ISO weeks in the group's zone, shown only once they are over for every member. */
class PulseWeekTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static PulseWeek lastClosed(String instant, ZoneId zone) {
        return PulseWeek.lastClosed(Instant.parse(instant), zone);
    }

    @Test
    void theWeekOfTheChangeFromSummerTimeIsAWholeWeekAndClosesWhenItIsOverEverywhere() {
        // Berlin leaves summer time on Sunday 25 October 2026; that Sunday has 25 hours.
        PulseWeek dst = new PulseWeek(LocalDate.of(2026, 10, 19));
        assertThat(dst.sunday()).isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(dst.contains(LocalDate.of(2026, 10, 25))).isTrue();
        assertThat(dst.contains(LocalDate.of(2026, 10, 26))).isFalse();

        // Sunday evening and Monday morning in Berlin: some member somewhere can still check in for the Sunday.
        assertThat(lastClosed("2026-10-25T22:30:00Z", BERLIN).monday()).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(lastClosed("2026-10-26T06:00:00Z", BERLIN).monday()).isEqualTo(LocalDate.of(2026, 10, 12));
        // the Sunday has ended at UTC-18, the last offset a member's day can be in: the week is closed
        assertThat(dst.closedAt(Instant.parse("2026-10-26T17:59:59Z"))).isFalse();
        assertThat(dst.closedAt(Instant.parse("2026-10-26T18:00:00Z"))).isTrue();
        assertThat(lastClosed("2026-10-26T18:00:00Z", BERLIN)).isEqualTo(dst);
        assertThat(lastClosed("2026-11-01T22:59:59Z", BERLIN)).as("Sunday 23:59 in Berlin, winter time").isEqualTo(dst);

        // the week the clocks go forward (29 March 2026)
        assertThat(lastClosed("2026-04-01T12:00:00Z", BERLIN).monday()).isEqualTo(LocalDate.of(2026, 3, 23));
    }

    @Test
    void theWeekAcrossTheYearsEndIsOneWeek() {
        PulseWeek yearEnd = lastClosed("2027-01-05T12:00:00Z", ZoneId.of("America/New_York"));
        assertThat(yearEnd.monday()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(yearEnd.sunday()).isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(yearEnd.previous().monday()).isEqualTo(LocalDate.of(2026, 12, 21));

        // New Year's Day 2027 is a Friday: the last closed week is Christmas week, 21 to 27 December
        assertThat(lastClosed("2027-01-01T12:00:00Z", ZoneId.of("Pacific/Auckland")).monday()).isEqualTo(LocalDate.of(2026, 12, 21));
        // a group far east: its Monday 4 January starts while it is still Sunday 3 January for the rest of the world
        assertThat(lastClosed("2027-01-03T12:00:00Z", ZoneId.of("Pacific/Kiritimati")).monday()).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(lastClosed("2027-01-04T18:00:00Z", ZoneId.of("Pacific/Kiritimati")).monday()).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void weeksNeverOverlapAndTheLastClosedWeekOnlyMovesForwardAWholeWeekAtATime() {
        PulseWeek previous = null;
        for (Instant t = Instant.parse("2026-12-20T00:00:00Z"); t.isBefore(Instant.parse("2027-01-20T00:00:00Z"));
             t = t.plusSeconds(3_600)) {
            PulseWeek week = PulseWeek.lastClosed(t, BERLIN);
            assertThat(week.closedAt(t)).isTrue();
            if (previous != null) {
                assertThat(week.monday()).isIn(previous.monday(), previous.monday().plusWeeks(1));
            }
            previous = week;
        }
        assertThatThrownBy(() -> new PulseWeek(LocalDate.of(2026, 12, 29))).hasMessageContaining("Monday");
    }

    @Test
    void aMoodCountsOnlyInItsOwnWeek() {
        PulseWeek week = new PulseWeek(LocalDate.of(2026, 12, 28));
        List<List<DayMood>> members = new ArrayList<>();
        for (int i = 0; i < Pulse.MIN_CONTRIBUTORS; i++) {
            members.add(List.of(new DayMood(LocalDate.of(2027, 1, 3), Mood.GOOD), new DayMood(LocalDate.of(2027, 1, 4), Mood.LOW),
                    new DayMood(LocalDate.of(2026, 12, 27), Mood.REALLY_HARD)));
        }
        Pulse pulse = Pulse.of(members, week);
        assertThat(pulse.shown()).isTrue();
        assertThat(pulse.checkins()).isEqualTo(Pulse.MIN_CONTRIBUTORS);
        assertThat(pulse.average()).isEqualTo(4.0);
        assertThat(pulse.lastWeekAverage()).contains(1.0);
        assertThat(Pulse.of(members.subList(0, Pulse.MIN_CONTRIBUTORS - 1), week).shown()).isFalse();
    }
}
