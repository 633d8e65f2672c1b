package org.circlekeeper.core.circle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.template.Markup;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.InMemoryJobQueue;
import org.circlekeeper.core.testing.RecordingMessenger.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a group meets in its first month with circles, through the engine: moving a meeting onto
 * another, a name that swallowed the schedule, a cancelled series in calendars, clock changes, names
 * in other scripts and text that would turn the bot's own words around. The clock starts on Friday
 * 27 November 2026 at 09:00 UTC; the group's zone is Europe/Berlin.
 */
class CircleMeetingsTest {

    private static final Duration TICK = Duration.ofMinutes(5);

    private final BotTester bot = new BotTester();
    private final Talk olivia = bot.asOrganiser("olivia").inGroup();
    private final Talk aliceAlone = bot.as("alice").inDirect();

    @BeforeEach
    void theGroupLivesInBerlin() {
        olivia.send("/community timezone Europe/Berlin");
    }

    private List<Sent> advanceTo(String instant) {
        return bot.advanceTo(Instant.parse(instant), TICK);
    }

    private InMemoryJobQueue jobs() {
        return (InMemoryJobQueue) bot.stores().jobs();
    }

    private CircleStore circles() {
        return bot.stores().circles().circles();
    }

    // ---- a meeting moved onto another ----

    @Test
    void aMeetingCannotBeMovedOntoAnotherAndEachMeetingIsRemindedOnce() {
        olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00");
        aliceAlone.send("/remind all 1h");

        Replies onto = olivia.send("/circle reschedule tuesday-circle 2026-12-08 2026-12-15 19:00");
        assertThat(onto.allPrivate()).isTrue();
        assertThat(onto.text()).contains("can't move to Tuesday, December 15, 2026, 7:00 PM (Europe/Berlin)")
                .contains("Tuesday circle already meets then").contains("Nothing was changed")
                .contains("/circle skip tuesday-circle 2026-12-15");
        assertThat(olivia.send("/circle reschedule tuesday-circle 2026-12-08 2026-12-15 19:30").text())
                .as("half an hour into the other meeting is still on top of it").contains("already meets then");

        assertThat(olivia.send("/circle reschedule tuesday-circle 2026-12-08 2026-12-10 19:00").text()).contains("moves to");
        assertThat(olivia.send("/circle reschedule tuesday-circle 2026-12-15 2026-12-10 19:00").text())
                .as("onto a meeting that was itself moved there").contains("already meets then");
        assertThat(olivia.send("/circle reschedule tuesday-circle 2026-12-10 2026-12-08 19:00").text())
                .as("a moved meeting may go back to its own place").contains("moves to");

        assertThat(olivia.send("/circles").text().split("December 15, 2026")).hasSize(2);
        List<Sent> sent = advanceTo("2026-12-16T00:00:00Z");
        assertThat(sent).filteredOn(s -> s.text().contains("December 15"))
                .as("one day-before and one hour-before in the channel, one private").extracting(s -> s.target().getClass().getSimpleName())
                .containsExactlyInAnyOrder("Channel", "Channel", "Member");
    }

    @Test
    void newTimesThatWouldPutAMovedMeetingOntoAnotherLetTheMoveGo() {
        olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00");
        olivia.send("/circle reschedule tuesday-circle 2026-12-08 2026-12-09 19:00");
        Replies edited = olivia.send("/circle edit tuesday-circle when every tuesday and wednesday 19:00");
        assertThat(edited.text()).contains("1 earlier skip(s) or move(s) no longer fit");
        assertThat(circles().find(BotTester.COMMUNITY, "tuesday-circle").orElseThrow().moves()).isEmpty();
        assertThat(olivia.send("/circles").text().split("December 9, 2026")).hasSize(2);
    }

    @Test
    void evenAStoredCircleHoldingTwoMeetingsAtOneMomentGetsOneReminderPerMoment() {
        olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00");
        aliceAlone.send("/remind all 1h");
        Circle circle = circles().find(BotTester.COMMUNITY, "tuesday-circle").orElseThrow();
        TreeMap<LocalDateTime, LocalDateTime> moves = new TreeMap<>(Map.of(LocalDateTime.parse("2026-12-08T19:00"),
                LocalDateTime.parse("2026-12-15T19:00")));
        assertThat(circles().replace(BotTester.COMMUNITY, circle.withSchedule(circle.schedule(), circle.skips(), moves))).isTrue();

        advanceTo("2026-12-10T00:00:00Z");
        Instant onTheFifteenth = Instant.parse("2026-12-15T18:00:00Z");
        assertThat(jobs().all()).filteredOn(j -> !j.kind().equals(Reminders.PLAN))
                .filteredOn(j -> j.due().equals(onTheFifteenth.minus(Duration.ofHours(1)))).extracting(Job::kind)
                .containsExactlyInAnyOrder(Reminders.CHANNEL, Reminders.MEMBER);
        List<Sent> sent = advanceTo("2026-12-16T00:00:00Z");
        assertThat(sent).filteredOn(s -> s.text().contains("December 15")).hasSize(3);
    }

    /** A queue planned by an older version named reminders by their meeting as well. */
    private static Job underTheOlderNaming(Job job) {
        return new Job(job.id().replace(":tuesday-circle:", ":tuesday-circle:20261201T1900:"), job.kind(), job.due(), job.payload());
    }

    @Test
    void aReminderPlannedUnderTheOlderNamingGoesOutOnceWhetherOrNotItWasPlannedAgain() {
        olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00");
        Job planned = jobs().all().stream().filter(j -> j.kind().equals(Reminders.CHANNEL)).findFirst().orElseThrow();
        jobs().schedule(underTheOlderNaming(planned));
        olivia.send("/circle edit tuesday-circle duration 90m");
        assertThat(jobs().all()).extracting(Job::id).as("planning again retires the older name")
                .contains(planned.id()).doesNotContain(underTheOlderNaming(planned).id());

        jobs().cancel(planned.id());
        jobs().schedule(underTheOlderNaming(planned));
        assertThat(advanceTo(planned.due().plusSeconds(60).toString())).as("not planned again yet: it still goes out").hasSize(1);
    }

    // ---- a cancelled series in calendars ----

    /**
     * The meetings a calendar app lists, as ical4j's own recurrence expansion finds them (over two
     * years), leaving out events marked cancelled when asked.
     */
    static List<Instant> listed(byte[] ics, boolean withCancelled) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)));
        Period<ZonedDateTime> window = new Period<>(ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                ZonedDateTime.of(2028, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC));
        List<Instant> starts = new ArrayList<>();
        for (VEvent event : calendar.<VEvent>getComponents("VEVENT")) {
            boolean cancelled = event.getStatus() != null && event.getStatus().getValue().equals("CANCELLED");
            if (withCancelled || !cancelled) {
                for (Period<Temporal> period : event.<Temporal>calculateRecurrenceSet(window)) {
                    starts.add(Instant.from(period.getStart()));
                }
            }
        }
        return starts.stream().sorted().toList();
    }

    private byte[] icsOf(String id) {
        return olivia.send("/circle ics " + id).all().get(0).message().attachment().content();
    }

    @Test
    void aCancelledSeriesEndsAtItsCancellationInTheFileAndTheFeed() throws Exception {
        olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00");
        olivia.send("/circle reschedule tuesday-circle 2026-12-08 2026-12-23 19:00");
        assertThat(listed(icsOf("tuesday-circle"), true)).as("before: every week, for ever").hasSizeGreaterThan(100);
        String feedText = olivia.send("/circle feed").text();
        String token = feedText.replaceAll("(?s).*calendar token is ([A-Za-z0-9_-]{22}).*", "$1");

        advanceTo("2026-12-15T09:00:00Z");
        assertThat(olivia.send("/circle cancel tuesday-circle").text()).contains("is cancelled");
        List<Instant> expected = List.of(Instant.parse("2026-12-01T18:00:00Z"));
        assertThat(listed(icsOf("tuesday-circle"), true)).as("the first meeting took place; the one moved past the end is gone")
                .isEqualTo(expected);
        assertThat(listed(olivia.send("/circle ics").all().get(0).message().attachment().content(), true)).isEqualTo(expected);
        byte[] feed = new CalendarFeeds(bot.stores().circles(), bot.clock()).feedFor(token).orElseThrow().content();
        assertThat(listed(feed, true)).isEqualTo(expected);
    }

    @Test
    void aSeriesCancelledBeforeItBeganIsOneCancelledEventAndListsNothing() throws Exception {
        olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00");
        olivia.send("/circle cancel tuesday-circle");
        byte[] ics = icsOf("tuesday-circle");
        String text = new String(ics, StandardCharsets.UTF_8);
        assertThat(text.substring(text.indexOf("BEGIN:VEVENT"))).doesNotContain("RRULE").contains("STATUS:CANCELLED");
        assertThat(listed(ics, false)).isEmpty();
    }

    // ---- text that would turn the bot's words around ----

    @Test
    void aCircleNameWithARightToLeftOverrideCannotTurnTheBotsWordsAround() {
        String rlo = "\u202E";
        Replies created = olivia.send("/circle create \"Tuesday " + rlo + "elcric\" every tuesday 19:00");
        assertThat(created.text()).contains("New circle: Tuesday elcric (id tuesday-elcric)").doesNotContain(rlo);
        aliceAlone.send("/remind all 1h");
        olivia.send("/circle edit tuesday-elcric description " + rlo + "read me " + "\u05E9\u05DC\u05D5\u05DD");
        olivia.send("/circle edit tuesday-elcric place Room " + rlo + "5");
        List<String> everything = new ArrayList<>();
        for (String command : List.of("/circle list", "/circle show tuesday-elcric", "/circles", "/next")) {
            everything.add(olivia.send(command).all().get(0).message().markup());
        }
        advanceTo("2026-12-01T18:00:00Z").forEach(sent -> everything.add(sent.message().markup()));
        assertThat(everything).hasSizeGreaterThan(5).allSatisfy(markup -> assertThat(markup).doesNotContain(rlo));
        assertThat(everything.get(1)).as("right-to-left text sits in an isolate")
                .contains("\u2068read me \u05E9\u05DC\u05D5\u05DD\u2069").doesNotContain(rlo);
    }

    // ---- a name that is no name ----

    @Test
    void aForgottenNameIsAskedForInsteadOfGuessedAndNothingIsCreated() {
        Replies forgotten = olivia.send("/circle create every tuesday 19:00");
        assertThat(forgotten.allPrivate()).isTrue();
        assertThat(forgotten.text()).contains("the name came out as \"every\"").contains("every Tuesday at 7:00 PM (Europe/Berlin)")
                .contains("Nothing was created").contains("/circle create \"Your circle's name\" every tuesday 19:00");
        Replies unclosed = olivia.send("/circle create \"Unclosed every tuesday 19:00");
        assertThat(unclosed.allPrivate()).isTrue();
        assertThat(unclosed.text()).contains("The name you gave, \"Unclosed, opens a quote that never closes").contains("Nothing was created");
        assertThat(olivia.send("/circle create first monday of the month 18:30").text()).contains("the name came out as \"first\"");
        assertThat(olivia.send("/circle create tuesday 19:00").text()).contains("the name came out as \"tuesday\"");
        assertThat(circles().all(BotTester.COMMUNITY)).isEmpty();
        assertThat(jobs().all()).isEmpty();

        assertThat(olivia.send("/circle create Tuesday every tuesday 19:00").text()).contains("New circle: Tuesday (id tuesday)");
    }

    @Test
    void spanishSpeakersAreAskedInSpanish() {
        Talk ines = bot.asOrganiser("ines", Locale.forLanguageTag("es")).inGroup();
        assertThat(ines.send("/circle create cada martes 19:00").text()).contains("el nombre ha quedado como «cada»")
                .contains("No se ha creado nada");
    }

    // ---- clock changes ----

    @Test
    void theOrganiserIsToldWhichMeetingsFallWhereTheClocksChangeAndWhenTheyReallyAre() {
        Replies created = olivia.send("/circle create \"Night owls\" every sunday 02:30");
        assertThat(created.all()).hasSize(2);
        assertThat(created.all().get(0).message().markup()).contains("New circle");
        String note = Markup.plain(created.all().get(1).message().markup());
        assertThat(created.all().get(1).message().visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(note).contains("clocks change in Europe/Berlin")
                .contains("March 28, 2027, 2:30 AM doesn't exist there (the clocks jump forward), so that meeting starts at 3:30 AM")
                .contains("October 31, 2027, 2:30 AM happens twice there (the clocks go back); the meeting is at the first one, 2:30 AM UTC+02:00");

        assertThat(olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00").all()).as("no clock change, no note").hasSize(1);
        Replies edited = olivia.send("/circle edit tuesday-circle when every sunday 02:15");
        assertThat(edited.text()).contains("now meets").contains("March 28, 2027, 2:15 AM doesn't exist");
        assertThat(olivia.send("/circle edit night-owls when every sunday 19:00").all()).hasSize(1);
        Replies moved = olivia.send("/circle reschedule night-owls 2027-03-21 2027-03-28 02:30");
        assertThat(moved.text()).as("one meeting moved into the gap is named too")
                .contains("March 28, 2027, 2:30 AM doesn't exist there (the clocks jump forward), so that meeting starts at 3:30 AM");
    }

    // ---- names in other scripts ----

    @Test
    void circlesNamedInOtherScriptsGetReadableIdsAndTheirNamesWorkWhereAnIdIsAsked() {
        assertThat(olivia.send("/circle create \"שלום עולם\" every tuesday 19:00").text()).contains("(id slwm-wlm)");
        assertThat(olivia.send("/circle create 🌱🌱🌱 every wednesday 19:00").text()).contains("(id seedling)");
        assertThat(olivia.send("/circle create \"Привет друзья\" every thursday 19:00").text()).contains("(id privet-druz-a)");

        assertThat(olivia.send("/circle skip \"שלום עולם\" 2026-12-08").text()).contains("There's no").contains("December 8, 2026");
        assertThat(olivia.send("/circle show 🌱🌱🌱").text()).contains("(seedling)");
        assertThat(olivia.send("/circle show \"привет  ДРУЗЬЯ\"").text()).as("case and spacing do not matter").contains("(privet-druz-a)");
        assertThat(aliceAlone.send("/next שלום עולם").all()).isNotEmpty();
        assertThat(bot.as("alice").inGroup().send("/remind 🌱🌱🌱 1h").text()).contains("1h before");

        olivia.send("/circle create \"Hope\" every friday 19:00");
        olivia.send("/circle create \"hope\" every saturday 19:00");
        assertThat(olivia.send("/circle show HOPE").text()).as("an id wins over a name").contains("(hope)");
        olivia.send("/circle edit hope-2 name Hope");
        assertThat(olivia.send("/circle show \"hope \"").text()).contains("(hope)");
        assertThat(olivia.send("/circle cancel Hope").text()).as("the id hope").contains("is cancelled");
        olivia.send("/circle edit hope-2 name Together");
        olivia.send("/circle create \"Together\" every monday 19:00");
        assertThat(olivia.send("/circle show together").text()).contains("(together)");
        assertThat(olivia.send("/circle skip Together 2026-12-07").text()).as("the id together").contains("There's no");
        olivia.send("/circle edit hope-2 name Stillness");
        olivia.send("/circle edit together name Stillness");
        assertThat(olivia.send("/circle show Stillness").text()).contains("More than one circle is called \"Stillness\": hope-2, together");
    }
}
