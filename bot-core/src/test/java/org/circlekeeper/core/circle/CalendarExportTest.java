package org.circlekeeper.core.circle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.testing.InMemoryCircleStore;
import org.circlekeeper.core.testing.InMemoryEventLinkStore;
import org.circlekeeper.core.testing.InMemoryFeedTokenStore;
import org.circlekeeper.core.testing.InMemoryReminderChoiceStore;
import org.circlekeeper.core.testing.InMemoryRsvpStore;
import org.junit.jupiter.api.Test;

/** The iCalendar export parses back with ical4j, with its rule, exceptions and time zones. */
class CalendarExportTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-02-20T09:00:00Z"), ZoneOffset.UTC);
    private static final CommunityRef COMMUNITY = new CommunityRef(Platform.DISCORD, "123456789012345678");
    private static final ChannelRef ROOM = new ChannelRef(Platform.DISCORD, "555", ChannelRef.Kind.GROUP);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final CalendarExport export = new CalendarExport(CLOCK);

    private static Circle tuesdays() {
        Schedule schedule = new Schedule(LocalDateTime.parse("2027-03-02T19:00"), BERLIN, Duration.ofMinutes(90),
                new Recurrence.Repeating("FREQ=WEEKLY;BYDAY=TU", new Recurrence.End.Until(LocalDate.parse("2027-06-30"))));
        return Circle.create("tuesday", "Tuesday circle", ROOM, schedule)
                .withPlace(new Place.Link(URI.create("https://meet.example.org/tuesday")))
                .withDescription("A quiet hour to share, or just listen.")
                .withSkip(LocalDateTime.parse("2027-03-09T19:00"))
                .withMove(LocalDateTime.parse("2027-03-23T19:00"), LocalDateTime.parse("2027-03-29T19:00"));
    }

    private static Calendar parse(byte[] ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)));
    }

    private static String value(CalendarComponent component, String property) {
        return component.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void aCircleHasItsRuleSkipsMovesAndZone() throws Exception {
        byte[] ics = export.export(COMMUNITY, List.of(tuesdays()));
        String text = new String(ics, StandardCharsets.UTF_8);
        assertThat(text).contains("DTSTART;TZID=Europe/Berlin:20270302T190000")
                .contains("RRULE:FREQ=WEEKLY;UNTIL=20270630T215959Z;BYDAY=TU")
                .contains("EXDATE;TZID=Europe/Berlin:20270309T190000")
                .contains("RECURRENCE-ID;TZID=Europe/Berlin:20270323T190000")
                .contains("DTSTART;TZID=Europe/Berlin:20270329T190000")
                .contains("DURATION:PT1H30M")
                .contains("STATUS:CONFIRMED")
                .contains("DTSTAMP:20270220T090000Z");

        Calendar calendar = parse(ics);
        List<CalendarComponent> zones = calendar.getComponents("VTIMEZONE");
        assertThat(zones).hasSize(1);
        assertThat(value(zones.get(0), "TZID")).isEqualTo("Europe/Berlin");
        List<CalendarComponent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        assertThat(events).extracting(e -> value(e, "UID")).containsOnly(CalendarExport.uid(COMMUNITY, tuesdays()));
        assertThat(value(events.get(0), "LOCATION")).isEqualTo("https://meet.example.org/tuesday");
        assertThat(value(events.get(0), "DESCRIPTION")).isEqualTo("A quiet hour to share, or just listen.");
    }

    @Test
    void ical4jExpandsTheExportToTheSameMeetingsWeCompute() throws Exception {
        Circle circle = tuesdays();
        VEvent master = (VEvent) parse(export.export(COMMUNITY, List.of(circle))).getComponents("VEVENT").get(0);
        ZonedDateTime from = ZonedDateTime.of(2027, 3, 1, 0, 0, 0, 0, BERLIN);
        ZonedDateTime to = ZonedDateTime.of(2027, 4, 30, 0, 0, 0, 0, BERLIN);
        Set<Period<ZonedDateTime>> periods = master.calculateRecurrenceSet(new Period<>(from, to));
        Set<Instant> theirs = periods.stream().map(p -> p.getStart().toInstant()).collect(Collectors.toCollection(TreeSet::new));

        Circle withoutMove = circle.withMove(LocalDateTime.parse("2027-03-23T19:00"), LocalDateTime.parse("2027-03-23T19:00"))
                .withSkip(LocalDateTime.parse("2027-03-23T19:00"));
        Set<Instant> ours = Occurrences.between(withoutMove, from.toInstant(), to.toInstant(), 100).stream()
                .map(o -> o.start().toInstant()).collect(Collectors.toCollection(TreeSet::new));
        // The master alone still holds the moved meeting's original slot; its RECURRENCE-ID override moves it.
        ours.add(Instant.parse("2027-03-23T18:00:00Z"));
        assertThat(theirs).isEqualTo(ours).contains(Instant.parse("2027-03-30T17:00:00Z"))
                .doesNotContain(Instant.parse("2027-03-09T18:00:00Z"));
    }

    @Test
    void cancelledCirclesAndFixedOffsetZones() throws Exception {
        Schedule utc = new Schedule(LocalDateTime.parse("2027-03-04T18:00"), ZoneId.of("UTC"), Duration.ofHours(1),
                new Recurrence.Repeating("FREQ=MONTHLY;BYDAY=1TH", new Recurrence.End.After(6)));
        Circle cancelled = Circle.create("monthly", "Monthly", ROOM, utc).withSkip(LocalDateTime.parse("2027-04-01T18:00"))
                .cancel(Instant.parse("2027-05-06T18:00:00Z"));
        CalendarExport inJune = new CalendarExport(Clock.fixed(Instant.parse("2027-06-01T00:00:00Z"), ZoneOffset.UTC));
        String text = new String(inJune.export(COMMUNITY, List.of(cancelled)), StandardCharsets.UTF_8);
        assertThat(text).as("called off as the May meeting began: April's is the last, of the six planned")
                .contains("DTSTART:20270304T180000Z").contains("RRULE:FREQ=MONTHLY;UNTIL=20270505T235959Z;BYDAY=1TH")
                .contains("EXDATE:20270401T180000Z").contains("STATUS:CONFIRMED").doesNotContain("VTIMEZONE").doesNotContain("TZID");
        assertThat(parse(text.getBytes(StandardCharsets.UTF_8)).getComponents("VEVENT")).hasSize(1);
    }

    @Test
    void aCommunityWithoutCirclesIsAnEmptyButValidCalendar() throws Exception {
        byte[] ics = export.export(COMMUNITY, List.of());
        assertThat(new String(ics, StandardCharsets.UTF_8)).startsWith("BEGIN:VCALENDAR").contains("END:VCALENDAR");
        assertThat(parse(ics).getComponents()).isEmpty();
    }

    @Test
    void theFeedAnswersOnlyItsCurrentToken() throws Exception {
        CircleStores stores = new CircleStores(new InMemoryCircleStore(), new InMemoryRsvpStore(CLOCK), new InMemoryReminderChoiceStore(),
                new InMemoryFeedTokenStore(), new InMemoryEventLinkStore());
        stores.circles().add(COMMUNITY, tuesdays());
        CalendarFeeds feeds = new CalendarFeeds(stores, CLOCK);
        String token = feeds.tokenFor(COMMUNITY);
        assertThat(token).hasSize(22);
        assertThat(feeds.tokenFor(COMMUNITY)).isEqualTo(token);
        CalendarFeeds.Feed feed = feeds.feedFor(token).orElseThrow();
        assertThat(feed.mediaType()).isEqualTo("text/calendar");
        assertThat(parse(feed.content()).getComponents("VEVENT")).hasSize(2);
        assertThat(CalendarFeeds.path(token)).isEqualTo("/calendar/" + token + ".ics");

        String rotated = feeds.rotate(COMMUNITY);
        assertThat(rotated).isNotEqualTo(token);
        assertThat(feeds.feedFor(token)).isEmpty();
        assertThat(feeds.feedFor(rotated)).isPresent();
        assertThat(feeds.feedFor("not a token")).isEmpty();
        assertThat(feeds.feedFor(null)).isEmpty();
    }

    @Test
    void aSeriesCancelledBeforeThisVersionEndsWhereItIsExportedNotNever() throws Exception {
        Schedule weekly = new Schedule(LocalDateTime.parse("2027-01-05T19:00"), ZoneId.of("Europe/Berlin"), Duration.ofHours(1),
                new Recurrence.Repeating("FREQ=WEEKLY;BYDAY=TU", new Recurrence.End.Never()));
        Circle called = Circle.create("tue", "Tuesday", ROOM, weekly).cancel(Instant.parse("2027-01-20T00:00:00Z"));
        Circle legacy = new Circle("old", "Old", "", new Place.ThisChat(), ROOM, weekly, new TreeSet<>(),
                new TreeMap<>(), true, 2);
        List<Instant> listed = CircleMeetingsTest.listed(export.export(COMMUNITY, List.of(called)), true);
        assertThat(listed).containsExactly(Instant.parse("2027-01-05T18:00:00Z"), Instant.parse("2027-01-12T18:00:00Z"),
                Instant.parse("2027-01-19T18:00:00Z"));
        assertThat(CircleMeetingsTest.listed(export.export(COMMUNITY, List.of(legacy)), false))
                .as("cancelled with no end kept, before this version: nothing from the export on (the clock is at 2027-02-20)")
                .allSatisfy(start -> assertThat(start).isBefore(CLOCK.instant()));
    }

    @Test
    void memberTextInTheCalendarCannotTurnAroundAndRightToLeftTextIsIsolated() throws Exception {
        Circle circle = tuesdays().withName("Tuesday \u202Eelcric").withDescription("\u05E9\u05DC\u05D5\u05DD");
        String text = new String(export.export(COMMUNITY, List.of(circle)), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\u202E").contains("SUMMARY:Tuesday elcric")
                .contains("DESCRIPTION:\u2068\u05E9\u05DC\u05D5\u05DD\u2069");
    }
}
