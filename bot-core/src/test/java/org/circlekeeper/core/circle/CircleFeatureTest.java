package org.circlekeeper.core.circle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.message.Attachment;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.template.Markup;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.InMemoryJobQueue;
import org.circlekeeper.core.testing.InMemoryRsvpStore;
import org.circlekeeper.core.testing.RecordingMessenger.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Circles through the engine, as organisers and members use them. The clock starts on Friday
 * 27 November 2026 at 09:00 UTC; the group's zone is Europe/Berlin, so a Tuesday 19:00 circle first
 * meets on 1 December at 18:00 UTC.
 */
class CircleFeatureTest {

    private static final Target GROUP = new Target.Channel(new ChannelRef(Platform.CONSOLE, BotTester.GROUP_CHANNEL, ChannelRef.Kind.GROUP));
    private static final Duration TICK = Duration.ofMinutes(5);
    private static final String FIRST_MEETING_BERLIN = "Tuesday, December 1, 2026, 7:00 PM (Europe/Berlin)";

    private final BotTester bot = new BotTester();
    private final Talk olivia = bot.asOrganiser("olivia").inGroup();
    private final Talk alice = bot.as("alice").inGroup();
    private final Talk aliceAlone = bot.as("alice").inDirect();

    @BeforeEach
    void theGroupLivesInBerlin() {
        olivia.send("/community timezone Europe/Berlin");
    }

    private Replies createTuesdayCircle() {
        return olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00");
    }

    /**
     * Moves the clock to a moment as a running bot lives through it (due jobs run every five minutes)
     * and returns what the bot sent on its own meanwhile.
     */
    private List<Sent> advanceTo(String instant) {
        return bot.advanceTo(Instant.parse(instant), TICK);
    }

    private InMemoryJobQueue jobs() {
        return (InMemoryJobQueue) bot.stores().jobs();
    }

    private CircleStore circles() {
        return bot.stores().circles().circles();
    }

    /** The moments of a message: each meeting time is one, so Discord can show it in each viewer's zone. */
    private static List<Markup.Span> moments(String markup) {
        return Markup.parse(markup).stream().filter(s -> s.style() == Markup.Style.TIME).toList();
    }

    @Test
    void aRefusedCircleCommandWritesNothingHoweverOftenItIsTried() {
        createTuesdayCircle();
        List<Circle> before = circles().all(BotTester.COMMUNITY);
        int jobsBefore = jobs().all().size();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(olivia.send("/circle create \"Far\" 2033-01-04 10:00").text())
                    .contains("more than 5 years ahead").contains("Nothing was changed");
            assertThat(olivia.send("/circle create \"   \" every tuesday 19:00").text())
                    .contains("1 to 80 characters").contains("Nothing was changed");
            assertThat(olivia.send("/circle edit tuesday-circle name \"   \"").text()).contains("1 to 80 characters");
            assertThat(olivia.send("/circle edit tuesday-circle when 2033-01-04 10:00").text()).contains("more than 5 years ahead");
        }
        assertThat(circles().all(BotTester.COMMUNITY)).isEqualTo(before);
        assertThat(jobs().all()).hasSize(jobsBefore);
        assertThat(olivia.send("/circle create \"Near\" 2031-11-01 10:00").text()).contains("New circle: Near");
    }

    @Test
    void meetingTimesAreMomentsWhoseFallbackIsTheTextInTheReadersZone() {
        Instant first = Instant.parse("2026-12-01T18:00:00Z");
        Replies created = createTuesdayCircle();
        assertThat(moments(created.all().get(0).message().markup())).singleElement().satisfies(m -> {
            assertThat(m.time()).isEqualTo(first);
            assertThat(m.timeStyle()).isEqualTo(Markup.TimeStyle.FULL);
            assertThat(m.text()).isEqualTo(FIRST_MEETING_BERLIN);
        });
        aliceAlone.send("/timezone America/New_York");
        String newYork = "Tuesday, December 1, 2026, 1:00 PM (America/New_York)";
        for (String command : List.of("/next", "/circles")) {
            assertThat(moments(alice.send(command).all().get(0).message().markup())).as(command)
                    .extracting(Markup.Span::time, Markup.Span::text).startsWith(tuple(first, newYork));
        }
        assertThat(moments(olivia.send("/circle reschedule tuesday-circle 2026-12-01 20:00").all().get(0).message().markup()))
                .extracting(Markup.Span::time).containsExactly(first, first.plusSeconds(3600));
        List<Sent> reminder = advanceTo("2026-11-30T19:00:00Z");
        assertThat(reminder).singleElement().satisfies(sent -> assertThat(moments(sent.message().markup()))
                .extracting(Markup.Span::time, Markup.Span::text)
                .containsExactly(tuple(first.plusSeconds(3600), "Tuesday, December 1, 2026, 8:00 PM (Europe/Berlin)")));
    }

    @Test
    void aWholeConversationRemindsAtTheRightMomentsInTheRightZonesOnce() {
        Replies created = createTuesdayCircle();
        assertThat(created.allPrivate()).isFalse();
        assertThat(created.text()).contains("New circle: Tuesday circle (id tuesday-circle)")
                .contains("every Tuesday at 7:00 PM (Europe/Berlin)")
                .contains("First meeting: " + FIRST_MEETING_BERLIN);
        assertThat(created.buttons()).extracting(Button::label).containsExactly("I'm coming", "Not this time", "Maybe");
        assertThat(created.buttons()).allSatisfy(b -> assertThat(b.actionId().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64));

        aliceAlone.send("/timezone America/New_York");
        Replies answered = alice.press(created.button("I'm coming"));
        assertThat(answered.allPrivate()).isTrue();
        assertThat(answered.text()).contains("you're coming to Tuesday circle on Tuesday, December 1, 2026, 1:00 PM (America/New_York)");

        Replies chosen = aliceAlone.send("/remind all 15m");
        assertThat(chosen.allPrivate()).isTrue();
        assertThat(chosen.text()).contains("15m before every meeting");
        assertThat(aliceAlone.send("/circles").text()).contains("times in America/New_York")
                .contains("Tuesday circle — Tuesday, December 1, 2026, 1:00 PM (America/New_York)").contains("you're coming");

        String attendees = olivia.send("/circle attendees tuesday-circle").text();
        assertThat(attendees).contains("Coming: alice\n").contains("Not this time: 0");

        assertThat(advanceTo("2026-11-30T17:59:00Z")).isEmpty();
        List<Sent> dayBefore = advanceTo("2026-11-30T18:00:00Z");
        assertThat(dayBefore).hasSize(1);
        assertThat(dayBefore.get(0).target()).isEqualTo(GROUP);
        assertThat(dayBefore.get(0).text()).contains("Reminder: Tuesday circle").contains(FIRST_MEETING_BERLIN)
                .contains("here in the group chat");
        assertThat(dayBefore.get(0).message().buttons()).extracting(Button::label).contains("I'm coming");

        List<Sent> hourBefore = advanceTo("2026-12-01T17:00:00Z");
        assertThat(hourBefore).extracting(Sent::target).containsExactly(GROUP);

        List<Sent> privately = advanceTo("2026-12-01T17:45:00Z");
        assertThat(privately).hasSize(1);
        assertThat(privately.get(0).target()).isEqualTo(new Target.Member(bot.as("alice").member()));
        assertThat(privately.get(0).text()).contains("A gentle reminder: Tuesday circle")
                .contains("Tuesday, December 1, 2026, 1:00 PM (America/New_York)");

        assertThat(advanceTo("2026-12-02T12:00:00Z")).as("nothing repeats").isEmpty();
        assertThat(advanceTo("2026-12-07T18:00:00Z")).as("next week's day-before reminder").hasSize(1)
                .allSatisfy(s -> assertThat(s.text()).contains("Tuesday, December 8, 2026, 7:00 PM (Europe/Berlin)"));
    }

    @Test
    void membersInOtherZonesAreRemindedAtTheSameInstantInTheirOwnTime() {
        createTuesdayCircle();
        olivia.send("/circle reminders off");
        bot.as("bob").inDirect().send("/timezone Australia/Sydney");
        bot.as("bob").inDirect().send("/remind tuesday-circle 1h");
        aliceAlone.send("/timezone America/New_York");
        aliceAlone.send("/remind all 1h");
        assertThat(jobs().all()).filteredOn(j -> j.kind().equals(Reminders.MEMBER)).extracting(Job::due)
                .containsExactly(Instant.parse("2026-12-01T17:00:00Z"), Instant.parse("2026-12-01T17:00:00Z"));

        assertThat(advanceTo("2026-12-01T16:59:00Z")).isEmpty();
        List<Sent> sent = advanceTo("2026-12-01T17:00:00Z");
        assertThat(sent).hasSize(2).extracting(Sent::text).anySatisfy(t -> assertThat(t).contains("Wednesday, December 2, 2026, 5:00 AM (Australia/Sydney)"))
                .anySatisfy(t -> assertThat(t).contains("Tuesday, December 1, 2026, 1:00 PM (America/New_York)"));
    }

    @Test
    void aSkippedMeetingGetsNoReminderAndItsButtonsSayNoLonger() {
        Replies created = createTuesdayCircle();
        aliceAlone.send("/remind all 15m");
        Replies skipped = olivia.send("/circle skip tuesday-circle 2026-12-01");
        assertThat(skipped.allPrivate()).isFalse();
        assertThat(skipped.text()).contains("There's no Tuesday circle on " + FIRST_MEETING_BERLIN);
        assertThat(olivia.send("/circle skip tuesday-circle 2026-12-01").text()).contains("already skipped");

        assertThat(alice.press(created.button("Maybe")).text()).contains("no longer happening");
        assertThat(olivia.send("/circle show tuesday-circle").text()).contains("skipped: " + FIRST_MEETING_BERLIN)
                .contains("• Tuesday, December 8, 2026");
        assertThat(advanceTo("2026-12-02T00:00:00Z")).isEmpty();
        assertThat(advanceTo("2026-12-07T18:00:00Z")).hasSize(1);
    }

    @Test
    void aCancelledCircleGoesQuietAndCannotBeChanged() {
        Replies created = createTuesdayCircle();
        aliceAlone.send("/remind all 1d 15m");
        Replies cancelled = olivia.send("/circle cancel tuesday-circle");
        assertThat(cancelled.text()).contains("Tuesday circle is cancelled");
        assertThat(jobs().all()).extracting(Job::kind).containsOnly(Reminders.PLAN);

        assertThat(advanceTo("2026-12-09T00:00:00Z")).isEmpty();
        assertThat(alice.press(created.button("I'm coming")).text()).contains("no longer happening");
        assertThat(olivia.send("/circle skip tuesday-circle 2026-12-08").text()).contains("is cancelled, so it can't be changed");
        assertThat(olivia.send("/circle cancel tuesday-circle").text()).contains("was already cancelled");
        assertThat(olivia.send("/circle list").text()).contains("Tuesday circle (tuesday-circle) — cancelled");
        assertThat(jobs().all()).as("the chain ended too").isEmpty();
    }

    @Test
    void afterThreeDaysDownStaleRemindersAreDroppedAndThoseInGraceGoOutOnce() {
        createTuesdayCircle();
        aliceAlone.send("/remind all 15m");
        assertThat(advanceTo("2026-11-28T17:50:00Z")).isEmpty();

        bot.clock().advance(Duration.ofDays(3));
        bot.scheduler().runDue();
        List<Sent> afterDowntime = bot.outbox().drain();
        assertThat(afterDowntime).as("the 1d and 1h channel reminders are stale, the 15m one is 5 minutes late").hasSize(1);
        assertThat(afterDowntime.get(0).target()).isEqualTo(new Target.Member(bot.as("alice").member()));

        bot.scheduler().runDue();
        assertThat(advanceTo("2026-12-01T18:30:00Z")).as("sent once").isEmpty();
        assertThat(advanceTo("2026-12-07T18:00:00Z")).as("planning went on").extracting(Sent::target).containsExactly(GROUP);
        assertThat(jobs().all()).extracting(Job::kind).filteredOn(Reminders.PLAN::equals).hasSize(1);
    }

    @Test
    void aRescheduledMeetingIsRemindedAtItsNewTime() {
        Replies created = createTuesdayCircle();
        Replies moved = olivia.send("/circle reschedule tuesday-circle 2026-12-01 2026-12-02 20:00");
        assertThat(moved.text()).contains("moves to Wednesday, December 2, 2026, 8:00 PM (Europe/Berlin)");
        assertThat(advanceTo("2026-12-01T19:00:00Z")).as("the day-before reminder of the new time only").hasSize(1)
                .allSatisfy(s -> assertThat(s.text()).contains("Wednesday, December 2, 2026, 8:00 PM"));
        assertThat(alice.press(created.button("I'm coming")).text()).as("the same meeting, moved")
                .contains("Wednesday, December 2, 2026, 8:00 PM");
        assertThat(advanceTo("2026-12-02T19:00:00Z")).hasSize(1);
        assertThat(olivia.send("/circle reschedule tuesday-circle 2026-12-08 2026-11-01 20:00").text()).contains("in the past");
        assertThat(olivia.send("/circle reschedule tuesday-circle 2026-12-08 soonish").text()).contains("couldn't read \"soonish\"");
    }

    @Test
    void aPrivateReminderAnsweredInADirectChatSettledElsewhereStillCountsInItsOwnGroup() {
        createTuesdayCircle();
        aliceAlone.send("/remind all 1h");
        Sent reminder = advanceTo("2026-12-01T17:00:00Z").stream()
                .filter(s -> s.target() instanceof Target.Member).findFirst().orElseThrow();
        Button coming = reminder.message().buttons().stream().filter(b -> b.label().equals("I'm coming")).findFirst().orElseThrow();

        MemberRef member = bot.as("alice").member();
        CommunityRef elsewhere = new CommunityRef(Platform.CONSOLE, "another-group");
        Context direct = new Context(member, new ChannelRef(Platform.CONSOLE, "dm:alice", ChannelRef.Kind.DIRECT), elsewhere,
                Role.MEMBER, null);
        List<Reply> replies = bot.engine().handle(new Inbound.ButtonPressed(direct, coming.actionId(), null));
        assertThat(replies).singleElement().satisfies(r -> assertThat(r.message().markup()).contains("you're coming"));
        assertThat(olivia.send("/circle attendees tuesday-circle").text()).contains("Coming: alice");

        Context otherGroup = new Context(bot.as("bob").member(), new ChannelRef(Platform.CONSOLE, "#other", ChannelRef.Kind.GROUP),
                elsewhere, Role.MEMBER, null);
        assertThat(bot.engine().handle(new Inbound.ButtonPressed(otherGroup, coming.actionId(), null)))
                .singleElement().satisfies(r -> assertThat(r.message().markup()).contains("no longer know"));
    }

    @Test
    void anOldMeetingsButtonSaysItIsOver() {
        Replies created = createTuesdayCircle();
        advanceTo("2026-12-01T20:00:00Z");
        assertThat(alice.press(created.button("I'm coming")).text()).contains("already over");
        assertThat(alice.press("circle.rsvp:tuesday-circle:20261201T1900:y:zzzz").text()).contains("no longer know");
        assertThat(alice.press("circle.rsvp:nonsense").text()).contains("no longer know");
    }

    @Test
    void badInputGetsAKindReplyAndChangesNothing() {
        assertThat(olivia.send("/circle create Tuesday whenever we feel like it").text())
                .contains("couldn't read \"whenever we feel like it\"").contains("every tuesday 19:00").contains("Nothing was changed");
        assertThat(olivia.send("/circle create Tuesday 2020-01-01 19:00").text()).contains("is in the past");
        assertThat(olivia.send("/circle create Tuesday every tuesday").text()).contains("needs a time of day");
        assertThat(olivia.send("/circle create \"" + "x".repeat(81) + "\" every tuesday 19:00").text())
                .contains("up to 80 characters").contains("Nothing was changed");
        Replies member = alice.send("/circle create Mine every tuesday 19:00");
        assertThat(member.text()).contains("is for the group's organisers").contains("Nothing was changed");
        assertThat(member.allPrivate()).isTrue();
        assertThat(circles().all(BotTester.COMMUNITY)).isEmpty();
        assertThat(jobs().all()).isEmpty();

        createTuesdayCircle();
        Circle before = circles().find(BotTester.COMMUNITY, "tuesday-circle").orElseThrow();
        assertThat(olivia.send("/circle show wednesday").text()).contains("I don't know a circle called \"wednesday\"")
                .contains("tuesday-circle");
        assertThat(olivia.send("/circle skip tuesday-circle 09/03/2027").text()).contains("isn't a date I can read");
        assertThat(olivia.send("/circle skip tuesday-circle 2026-12-02").text()).contains("no coming Tuesday circle meeting");
        assertThat(olivia.send("/circle edit tuesday-circle place http://insecure.example").text()).contains("https://");
        assertThat(olivia.send("/circle edit tuesday-circle duration forever").text()).contains("as a duration");
        assertThat(olivia.send("/circle edit tuesday-circle when every tuesday").text()).contains("needs a time of day");
        assertThat(olivia.send("/circle edit tuesday-circle colour blue").text()).contains("can be one of");
        assertThat(olivia.send("/circle reminders soon").text()).contains("reminder times");
        assertThat(alice.send("/remind tuesday-circle sometime").text()).contains("reminder times");
        assertThat(alice.send("/remind wednesday 1h").text()).contains("I don't know a circle");
        assertThat(circles().find(BotTester.COMMUNITY, "tuesday-circle")).contains(before);
        assertThat(bot.stores().circles().reminders().all(BotTester.COMMUNITY)).isEmpty();
    }

    @Test
    void organisersEditPlaceDurationAndTime() {
        createTuesdayCircle();
        assertThat(olivia.send("/circle edit tuesday-circle place https://meet.example.org/tuesday").text())
                .contains("now meets online at https://meet.example.org/tuesday");
        assertThat(olivia.send("/circle edit tuesday-circle duration 90m").text()).contains("now lasts 1h30m");
        assertThat(olivia.send("/circle edit tuesday-circle description A quiet hour to share, or just listen.").text())
                .contains("new description");
        Replies when = olivia.send("/circle edit tuesday-circle when first monday of the month 18:30");
        assertThat(when.text()).contains("on the first Monday of every month at 6:30 PM (Europe/Berlin)")
                .contains("Next: Monday, December 7, 2026, 6:30 PM (Europe/Berlin)");
        String show = olivia.send("/circle show tuesday-circle").text();
        assertThat(show).contains("A quiet hour to share").contains("lasts 1h30m").contains("online at https://meet.example.org/tuesday")
                .contains("Reminders in the channel: 1d, 1h before");
        assertThat(advanceTo("2026-12-06T17:30:00Z")).hasSize(1)
                .allSatisfy(s -> assertThat(s.text()).contains("Monday, December 7, 2026, 6:30 PM").contains("A quiet hour"));
        assertThat(olivia.send("/circle edit tuesday-circle name Monday circle").text())
                .contains("Tuesday circle is now called Monday circle");
    }

    @Test
    void communityLeadTimesReplanTheChannelReminders() {
        createTuesdayCircle();
        assertThat(olivia.send("/circle reminders").text()).contains("1d, 1h before each meeting");
        assertThat(olivia.send("/circle reminders 2h 10m").text()).contains("2h, 10m before each meeting");
        assertThat(jobs().all()).extracting(Job::kind).filteredOn(Reminders.CHANNEL::equals).hasSize(2);
        assertThat(advanceTo("2026-12-01T16:00:00Z")).extracting(Sent::target).containsExactly(GROUP);
        assertThat(advanceTo("2026-12-01T17:50:00Z")).hasSize(1);
        assertThat(olivia.send("/circle reminders off").text()).contains("no more reminders in the channel");
        assertThat(advanceTo("2026-12-08T19:00:00Z")).isEmpty();
    }

    @Test
    void membersSeeTheNextMeetingAndTheirOwnChoicesPrivately() {
        assertThat(aliceAlone.send("/next").text()).contains("no meeting planned yet");
        assertThat(aliceAlone.send("/circles").text()).contains("no meetings planned");
        createTuesdayCircle();
        olivia.send("/circle create Sunday every sunday 11:00 until 2027-01-31");
        Replies next = alice.send("/next");
        assertThat(next.allPrivate()).isTrue();
        assertThat(next.text()).contains("Next: Sunday").contains("Sunday, November 29, 2026, 11:00 AM (Europe/Berlin)")
                .contains("Will you come?");
        next.press("Not this time");
        assertThat(alice.send("/next").text()).contains("You said: not this time");
        assertThat(alice.send("/next tuesday-circle").text()).contains("Next: Tuesday circle");

        assertThat(alice.send("/remind").text()).contains("no private reminders");
        alice.send("/remind all 1d");
        alice.send("/remind sunday off");
        Replies mine = alice.send("/remind");
        assertThat(mine.allPrivate()).isTrue();
        assertThat(mine.text()).contains("Every circle: 1d before").contains("Sunday (sunday): off");
        assertThat(advanceTo("2026-11-30T18:00:00Z")).extracting(Sent::target)
                .contains(new Target.Member(bot.as("alice").member()));
        assertThat(alice.send("/remind all off").text()).contains("no more private reminders");
        assertThat(bot.stores().circles().reminders().all(BotTester.COMMUNITY)).isEmpty();
        assertThat(olivia.send("/circle list").text()).contains("every Sunday at 11:00 AM (Europe/Berlin), until Sunday, January 31, 2027");
    }

    @Test
    void theCalendarFileAndTheFeed() throws Exception {
        createTuesdayCircle();
        olivia.send("/circle skip tuesday-circle 2026-12-08");
        Replies file = olivia.send("/circle ics tuesday-circle");
        assertThat(file.allPrivate()).isTrue();
        Attachment ics = file.all().get(0).message().attachment();
        assertThat(ics.mediaType()).isEqualTo("text/calendar");
        assertThat(ics.fileName()).isEqualTo("tuesday-circle.ics");
        String text = new String(ics.content(), StandardCharsets.UTF_8);
        assertThat(text).contains("BEGIN:VTIMEZONE").contains("TZID:Europe/Berlin").contains("RRULE:FREQ=WEEKLY;BYDAY=TU")
                .contains("EXDATE;TZID=Europe/Berlin:20261208T190000");
        Calendar parsed = new CalendarBuilder().build(new StringReader(text));
        assertThat(parsed.getComponents("VEVENT")).hasSize(1);
        assertThat(olivia.send("/circle ics").all().get(0).message().attachment().fileName()).isEqualTo("circles.ics");

        String feed = olivia.send("/circle feed").text();
        String token = feed.replaceAll("(?s).*calendar token is ([A-Za-z0-9_-]{22}).*", "$1");
        CalendarFeeds feeds = new CalendarFeeds(bot.stores().circles(), bot.clock());
        assertThat(feeds.feedFor(token)).isPresent();
        assertThat(olivia.send("/circle feed rotate").text()).contains("new address");
        assertThat(feeds.feedFor(token)).isEmpty();
        assertThat(alice.send("/circle feed").text()).contains("for the group's organisers");
    }

    @Test
    void forgetMeErasesAnswersAndReminderChoicesEverywhere() {
        Replies created = createTuesdayCircle();
        alice.press(created.button("I'm coming"));
        aliceAlone.send("/remind all 1d 15m");
        assertThat(jobs().all()).extracting(Job::kind).filteredOn(Reminders.MEMBER::equals).hasSize(2);
        Replies data = aliceAlone.send("/mydata");
        String mydata = data.text();
        assertThat(mydata).contains("Your answers about coming to circles").contains("Your circle reminders");
        String json = new String(data.all().get(0).message().attachment().content(), StandardCharsets.UTF_8);
        assertThat(json).as("the one name kept with an answer says what it is for")
                .contains("\"nameShownToOrganisers\" : \"alice\"").doesNotContain("\"name\"");

        aliceAlone.send("/forgetme").press("Yes, erase everything");
        InMemoryRsvpStore rsvps = (InMemoryRsvpStore) bot.stores().circles().rsvps();
        assertThat(rsvps.size()).isZero();
        assertThat(bot.stores().circles().reminders().ofMember(bot.as("alice").member())).isEmpty();
        assertThat(jobs().all()).extracting(Job::kind).doesNotContain(Reminders.MEMBER);
        assertThat(olivia.send("/circle attendees tuesday-circle").text()).contains("Nobody has answered yet");
        assertThat(aliceAlone.send("/mydata").text()).contains("I keep nothing about you");
        assertThat(advanceTo("2026-12-01T17:00:00Z")).extracting(Sent::target).containsExactly(GROUP, GROUP);
        assertThat(advanceTo("2026-12-01T18:00:00Z")).as("her private reminder is gone").isEmpty();
    }

    @Test
    void spanishSpeakersTypeAndReadSpanish() {
        bot.asOrganiser("olivia").inDirect().send("/language es");
        Replies created = olivia.send("/circle create \"Círculo del martes\" cada martes 19:00");
        assertThat(created.text()).contains("Nuevo círculo: Círculo del martes (identificador circulo-del)")
                .contains("cada martes a las 19:00 (Europe/Berlin)").contains("martes, 1 de diciembre de 2026, 19:00 (Europe/Berlin)");
        assertThat(created.buttons()).extracting(Button::label).containsExactly("Voy", "Esta vez no", "Quizás");
        assertThat(olivia.send("/circle create Mensual primer lunes de cada mes 18:30").text())
                .contains("el primer lunes de cada mes a las 18:30");
        assertThat(olivia.send("/circle create Viernes último viernes del mes 19:00").text())
                .contains("el último viernes de cada mes a las 19:00");
        assertThat(olivia.send("/circle create Nada cuando podamos").text()).contains("No he podido entender").contains("cada martes 19:00");

        Talk lucia = bot.as("lucia", Locale.forLanguageTag("es")).inDirect();
        assertThat(lucia.send("/remind todos 1h").text()).contains("te recordaré en privado 1h antes");
        lucia.send("/language es");
        List<Sent> sent = advanceTo("2026-12-07T16:30:00Z");
        assertThat(sent).extracting(Sent::text).anySatisfy(t -> assertThat(t).contains("Un recordatorio amable: Mensual")
                .contains("lunes, 7 de diciembre de 2026").doesNotContain("Monday"));
    }
}
