package org.circlekeeper.core.circle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;

/** Meetings in real zones: local times hold across DST changes while the UTC instants move. */
class OccurrencesTest {

    private static final ChannelRef ROOM = new ChannelRef(Platform.CONSOLE, "#room", ChannelRef.Kind.GROUP);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    private static Circle circle(String start, ZoneId zone, Recurrence recurrence) {
        return Circle.create("c", "Circle", ROOM, new Schedule(LocalDateTime.parse(start), zone, Duration.ofMinutes(90), recurrence));
    }

    private static Recurrence weekly(String rule) {
        return new Recurrence.Repeating(rule, new Recurrence.End.Never());
    }

    private static List<Occurrence> from(Circle circle, String instant, int max) {
        Instant from = Instant.parse(instant);
        return Occurrences.between(circle, from, from.plus(Duration.ofDays(3 * 366)), max);
    }

    @Test
    void aWeeklyBerlinCircleStaysAtSevenLocalAcrossMarchAndOctober2027() {
        Circle circle = circle("2027-03-16T19:00", BERLIN, weekly("FREQ=WEEKLY;BYDAY=TU"));
        List<Occurrence> spring = from(circle, "2027-03-01T00:00:00Z", 3);
        assertThat(spring).extracting(o -> o.start().toLocalDateTime())
                .containsExactly(LocalDateTime.parse("2027-03-16T19:00"), LocalDateTime.parse("2027-03-23T19:00"),
                        LocalDateTime.parse("2027-03-30T19:00"));
        assertThat(spring).extracting(o -> o.start().toInstant())
                .containsExactly(Instant.parse("2027-03-16T18:00:00Z"), Instant.parse("2027-03-23T18:00:00Z"),
                        Instant.parse("2027-03-30T17:00:00Z"));

        List<Occurrence> autumn = from(circle, "2027-10-25T00:00:00Z", 2);
        assertThat(autumn).extracting(o -> o.start().toLocalTime()).containsOnly(LocalTime.of(19, 0));
        assertThat(autumn).extracting(o -> o.start().toInstant())
                .containsExactly(Instant.parse("2027-10-26T17:00:00Z"), Instant.parse("2027-11-02T18:00:00Z"));
    }

    @Test
    void newYorkAndSydneyChangeInOppositeDirections() {
        Circle newYork = circle("2027-03-11T18:30", NEW_YORK, weekly("FREQ=WEEKLY;BYDAY=TH"));
        assertThat(from(newYork, "2027-03-01T00:00:00Z", 2)).extracting(o -> o.start().toInstant())
                .containsExactly(Instant.parse("2027-03-11T23:30:00Z"), Instant.parse("2027-03-18T22:30:00Z"));

        Circle sydney = circle("2027-03-29T19:00", SYDNEY, weekly("FREQ=WEEKLY;BYDAY=MO"));
        List<Occurrence> april = from(sydney, "2027-03-01T00:00:00Z", 2);
        assertThat(april).extracting(o -> o.start().toInstant())
                .containsExactly(Instant.parse("2027-03-29T08:00:00Z"), Instant.parse("2027-04-05T09:00:00Z"));
        List<Occurrence> october = from(sydney, "2027-09-26T00:00:00Z", 2);
        assertThat(october).extracting(o -> o.start().toInstant())
                .containsExactly(Instant.parse("2027-09-27T09:00:00Z"), Instant.parse("2027-10-04T08:00:00Z"));
        assertThat(october).extracting(o -> o.start().toLocalTime()).containsOnly(LocalTime.of(19, 0));
    }

    @Test
    void aFifthThursdayRuleMeetsOnlyInMonthsThatHaveOne() {
        Circle circle = circle("2027-04-29T19:00", BERLIN, weekly("FREQ=MONTHLY;BYDAY=5TH"));
        assertThat(from(circle, "2027-01-01T00:00:00Z", 5)).extracting(o -> o.start().toLocalDate())
                .containsExactly(LocalDate.parse("2027-04-29"), LocalDate.parse("2027-07-29"), LocalDate.parse("2027-09-30"),
                        LocalDate.parse("2027-12-30"), LocalDate.parse("2028-03-30"));
    }

    @Test
    void aFebruary29StartRecursInLeapYearsOnlyYearlyAndSkipsShortMonthsMonthly() {
        Circle yearly = circle("2028-02-29T19:00", BERLIN, weekly("FREQ=YEARLY"));
        assertThat(Occurrences.between(yearly, Instant.parse("2028-01-01T00:00:00Z"), Instant.parse("2037-01-01T00:00:00Z"), 5))
                .extracting(o -> o.start().toLocalDate())
                .containsExactly(LocalDate.parse("2028-02-29"), LocalDate.parse("2032-02-29"), LocalDate.parse("2036-02-29"));
        assertThat(Occurrences.next(yearly, Instant.parse("2028-03-01T00:00:00Z")).orElseThrow().start().toLocalDate())
                .isEqualTo(LocalDate.parse("2032-02-29"));

        Circle monthly = circle("2028-02-29T19:00", BERLIN, weekly("FREQ=MONTHLY"));
        assertThat(from(monthly, "2029-01-01T00:00:00Z", 3)).extracting(o -> o.start().toLocalDate())
                .containsExactly(LocalDate.parse("2029-01-29"), LocalDate.parse("2029-03-29"), LocalDate.parse("2029-04-29"));
    }

    @Test
    void aMeetingMovedAcrossTheSpringChangeTakesTheNewOffset() {
        Circle circle = circle("2027-03-16T19:00", BERLIN, weekly("FREQ=WEEKLY;BYDAY=TU"))
                .withMove(LocalDateTime.parse("2027-03-23T19:00"), LocalDateTime.parse("2027-03-29T19:00"));
        List<Occurrence> meetings = from(circle, "2027-03-20T00:00:00Z", 2);
        assertThat(meetings.get(0).original()).isEqualTo(LocalDateTime.parse("2027-03-23T19:00"));
        assertThat(meetings.get(0).moved()).isTrue();
        assertThat(meetings.get(0).start().toInstant()).isEqualTo(Instant.parse("2027-03-29T17:00:00Z"));
        assertThat(meetings.get(1).start().toInstant()).isEqualTo(Instant.parse("2027-03-30T17:00:00Z"));
        assertThat(Occurrences.find(circle, LocalDateTime.parse("2027-03-23T19:00")).orElseThrow().start())
                .isEqualTo(ZonedDateTime.of(LocalDateTime.parse("2027-03-29T19:00"), BERLIN));
        assertThat(Occurrences.onDate(circle, LocalDate.parse("2027-03-29")).orElseThrow().original())
                .isEqualTo(LocalDateTime.parse("2027-03-23T19:00"));
    }

    @Test
    void skipsAreLeftOutAndCancelledCirclesHaveNoMeetings() {
        Circle circle = circle("2027-03-16T19:00", BERLIN, weekly("FREQ=WEEKLY;BYDAY=TU"))
                .withSkip(LocalDateTime.parse("2027-03-23T19:00"));
        assertThat(from(circle, "2027-03-17T00:00:00Z", 1)).extracting(o -> o.start().toLocalDate())
                .containsExactly(LocalDate.parse("2027-03-30"));
        assertThat(Occurrences.find(circle, LocalDateTime.parse("2027-03-23T19:00"))).isEmpty();
        assertThat(Occurrences.find(circle, LocalDateTime.parse("2027-03-24T19:00"))).isEmpty();
        assertThat(Occurrences.find(circle, LocalDateTime.parse("2027-03-30T19:00"))).isPresent();
        assertThat(from(circle.cancel(Instant.parse("2027-03-01T00:00:00Z")), "2027-03-01T00:00:00Z", 5)).isEmpty();
    }

    @Test
    void endsAfterCountOrOnTheUntilDate() {
        Circle counted = circle("2027-01-05T19:00", BERLIN, new Recurrence.Repeating("FREQ=WEEKLY;BYDAY=TU", new Recurrence.End.After(3)));
        assertThat(from(counted, "2027-01-01T00:00:00Z", 10)).hasSize(3);
        assertThat(from(counted, "2027-01-13T00:00:00Z", 10)).extracting(o -> o.start().toLocalDate())
                .containsExactly(LocalDate.parse("2027-01-19"));
        Circle until = circle("2027-01-05T19:00", BERLIN,
                new Recurrence.Repeating("FREQ=WEEKLY;BYDAY=TU", new Recurrence.End.Until(LocalDate.parse("2027-01-19"))));
        assertThat(from(until, "2027-01-01T00:00:00Z", 10)).extracting(o -> o.start().toLocalDate())
                .containsExactly(LocalDate.parse("2027-01-05"), LocalDate.parse("2027-01-12"), LocalDate.parse("2027-01-19"));
    }

    @Test
    void aMeetingInTheSpringGapStartsAfterIt() {
        Circle circle = circle("2027-03-21T02:30", BERLIN, weekly("FREQ=WEEKLY;BYDAY=SU"));
        List<Occurrence> meetings = from(circle, "2027-03-20T00:00:00Z", 2);
        assertThat(meetings.get(1).original()).isEqualTo(LocalDateTime.parse("2027-03-28T02:30"));
        assertThat(meetings.get(1).start().toLocalTime()).isEqualTo(LocalTime.of(3, 30));
    }

    @Test
    void aRuleThatNeverMatchesEndsQuietly() {
        Circle circle = circle("2027-01-30T19:00", BERLIN, weekly("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"));
        assertThat(from(circle, "2027-02-01T00:00:00Z", 3)).isEmpty();
    }

    @Test
    void aMeetingClashesWithAnyOtherItWouldOverlapRegularOrMovedButNotWithItself() {
        Circle circle = circle("2027-03-02T19:00", BERLIN, weekly("FREQ=WEEKLY;BYDAY=TU"));
        LocalDateTime ninth = LocalDateTime.parse("2027-03-09T19:00");
        LocalDateTime sixteenth = LocalDateTime.parse("2027-03-16T19:00");
        assertThat(Occurrences.clash(circle, ninth, circle.schedule().at(sixteenth))).map(Occurrence::original).contains(sixteenth);
        assertThat(Occurrences.clash(circle, ninth, circle.schedule().at(sixteenth.plusMinutes(89)))).isPresent();
        assertThat(Occurrences.clash(circle, ninth, circle.schedule().at(sixteenth.plusMinutes(90)))).as("starts as the other ends").isEmpty();
        assertThat(Occurrences.clash(circle, ninth, circle.schedule().at(ninth.plusHours(1)))).as("itself, a little later").isEmpty();

        Circle moved = circle.withMove(ninth, LocalDateTime.parse("2027-03-11T19:00"));
        assertThat(Occurrences.clash(moved, sixteenth, moved.schedule().at(LocalDateTime.parse("2027-03-11T20:00"))))
                .map(Occurrence::original).contains(ninth);
        assertThat(Occurrences.clash(moved.withSkip(sixteenth), ninth, moved.schedule().at(sixteenth))).as("a skipped one is free").isEmpty();
    }

    @Test
    void meetingsWhereTheClocksChangeAreFoundWithWhenTheyReallyStart() {
        Circle circle = circle("2026-11-29T02:30", BERLIN, weekly("FREQ=WEEKLY;BYDAY=SU"));
        List<Occurrences.ClockChange> changes = Occurrences.clockChanges(circle, Instant.parse("2026-11-27T09:00:00Z"), Duration.ofDays(366));
        assertThat(changes).extracting(Occurrences.ClockChange::local, Occurrences.ClockChange::gap)
                .containsExactly(Assertions.tuple(LocalDateTime.parse("2027-03-28T02:30"), true),
                        Assertions.tuple(LocalDateTime.parse("2027-10-31T02:30"), false));
        assertThat(changes.get(0).start().toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        assertThat(changes.get(1).start().toInstant()).isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
        assertThat(Occurrences.clockChanges(circle.withMove(LocalDateTime.parse("2027-03-28T02:30"), LocalDateTime.parse("2027-03-28T11:00")),
                Instant.parse("2026-11-27T09:00:00Z"), Duration.ofDays(366))).as("moved out of the gap").hasSize(1);
        assertThat(Occurrences.clockChanges(circle("2026-11-29T19:00", BERLIN, weekly("FREQ=WEEKLY;BYDAY=SU")),
                Instant.parse("2026-11-27T09:00:00Z"), Duration.ofDays(366))).isEmpty();
    }
}
