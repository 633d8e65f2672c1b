package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.circlekeeper.core.circle.Circle;
import org.circlekeeper.core.circle.CircleSettings;
import org.circlekeeper.core.circle.CircleStore;
import org.circlekeeper.core.circle.CircleStores;
import org.circlekeeper.core.circle.MemberRsvp;
import org.circlekeeper.core.circle.OccurrenceRef;
import org.circlekeeper.core.circle.Place;
import org.circlekeeper.core.circle.Recurrence;
import org.circlekeeper.core.circle.ReminderChoice;
import org.circlekeeper.core.circle.Rsvp;
import org.circlekeeper.core.circle.Schedule;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.VirtualClock;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the circle store ports does, run against the core's in-memory stores and
 * against Redis, so that the Redis stores are held to the semantics the core's tests rely on.
 */
abstract class CircleStoresContract {

    static final Instant START = Instant.parse("2026-11-27T09:00:00Z");
    static final CommunityRef GROUP = new CommunityRef(Platform.TELEGRAM, "-1001");
    static final CommunityRef OTHER_GROUP = new CommunityRef(Platform.TELEGRAM, "-1002");
    static final ChannelRef CHANNEL = new ChannelRef(Platform.TELEGRAM, "-1001", ChannelRef.Kind.GROUP);
    static final MemberRef ALICE = new MemberRef(Platform.TELEGRAM, "4711", "Alice");
    static final MemberRef BOB = new MemberRef(Platform.TELEGRAM, "4712", "Bob");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDateTime FIRST = LocalDateTime.parse("2026-12-01T19:00");
    static final OccurrenceRef MEETING = new OccurrenceRef("tuesday", FIRST);
    static final OccurrenceRef NEXT_MEETING = new OccurrenceRef("tuesday", FIRST.plusWeeks(1));
    /** When an answer for {@link #MEETING} stops counting: a week after it ends. */
    static final Instant KEPT_UNTIL = Instant.parse("2026-12-08T19:00:00Z");

    final VirtualClock clock = new VirtualClock(START);

    /** Fresh, empty stores on {@link #clock}. */
    abstract CircleStores stores();

    static Circle tuesday() {
        return Circle.create("tuesday", "Tuesday circle", CHANNEL,
                new Schedule(FIRST, BERLIN, Duration.ofMinutes(90), new Recurrence.Repeating("FREQ=WEEKLY;BYDAY=TU",
                        new Recurrence.End.Never())));
    }

    static MemberRef withoutName(MemberRef member) {
        return new MemberRef(member.platform(), member.userId(), null);
    }

    // ---- circles ----

    @Test
    void aCircleIsKeptAsItWasAdded() {
        CircleStores stores = stores();
        assertThat(stores.circles().all(GROUP)).isEmpty();
        assertThat(stores.circles().find(GROUP, "tuesday")).isEmpty();

        assertThat(stores.circles().add(GROUP, tuesday())).isTrue();

        assertThat(stores.circles().find(GROUP, "tuesday")).contains(tuesday());
        assertThat(stores.circles().all(GROUP)).containsExactly(tuesday());
        assertThat(stores.circles().all(OTHER_GROUP)).isEmpty();
        assertThat(stores.circles().find(OTHER_GROUP, "tuesday")).isEmpty();
    }

    @Test
    void everyShapeOfCircleComesBackEqual() {
        CircleStores stores = stores();
        TreeSet<LocalDateTime> skips = new TreeSet<>(List.of(FIRST.plusWeeks(1), FIRST.plusWeeks(3)));
        TreeMap<LocalDateTime, LocalDateTime> moves = new TreeMap<>(Map.of(FIRST.plusWeeks(2), FIRST.plusWeeks(2).plusDays(1).withHour(18)));
        List<Circle> circles = List.of(
                new Circle("link", "Online “circle” ☕", "Bring tea.\nOr not — it's fine.", new Place.Link(URI.create("https://meet.example.org/x?y=1")),
                        CHANNEL, new Schedule(FIRST, ZoneId.of("America/New_York"), Duration.ofMinutes(45),
                        new Recurrence.Repeating("FREQ=MONTHLY;BYDAY=-1FR", new Recurrence.End.After(10))), skips, moves, false, 7),
                new Circle("room", "Room", "", new Place.Room("Quiet room"), CHANNEL,
                        new Schedule(FIRST, ZoneId.of("Australia/Sydney"), Duration.ofHours(2),
                                new Recurrence.Repeating("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", new Recurrence.End.Until(LocalDate.parse("2027-06-30")))),
                        new TreeSet<>(), new TreeMap<>(), true, 3),
                new Circle("channel", "Channel", "", new Place.Channel("#support-room"), CHANNEL,
                        new Schedule(FIRST, ZoneId.of("UTC"), Duration.ofMinutes(60), new Recurrence.Once()), new TreeSet<>(), new TreeMap<>(),
                        false, 1));
        circles.forEach(circle -> assertThat(stores.circles().add(GROUP, circle)).isTrue());

        assertThat(stores.circles().all(GROUP)).containsExactlyInAnyOrderElementsOf(circles);
        for (Circle circle : circles) {
            assertThat(stores.circles().find(GROUP, circle.id())).contains(circle);
        }
    }

    @Test
    void aTakenIdIsNotAddedAgain() {
        CircleStores stores = stores();
        stores.circles().add(GROUP, tuesday());

        assertThat(stores.circles().add(GROUP, tuesday().withName("Another"))).isFalse();

        assertThat(stores.circles().find(GROUP, "tuesday")).contains(tuesday());
        assertThat(stores.circles().add(OTHER_GROUP, tuesday().withName("Another"))).as("another community's ids are its own").isTrue();
    }

    @Test
    void replaceTakesOnlyTheNextVersion() {
        CircleStores stores = stores();
        Circle v1 = tuesday();
        assertThat(stores.circles().replace(GROUP, v1.withName("Nowhere"))).as("no such circle yet").isFalse();
        stores.circles().add(GROUP, v1);
        Circle v2 = v1.withName("Tuesday evening");

        assertThat(stores.circles().replace(GROUP, v1)).as("the same version again").isFalse();
        assertThat(stores.circles().replace(GROUP, v2.withDescription("skips one"))).as("a version ahead").isFalse();
        assertThat(stores.circles().replace(GROUP, v2)).isTrue();
        assertThat(stores.circles().find(GROUP, "tuesday")).contains(v2);

        Circle otherV2 = v1.withSkip(FIRST);
        assertThat(stores.circles().replace(GROUP, otherV2)).as("made from an old version").isFalse();
        assertThat(stores.circles().find(GROUP, "tuesday")).contains(v2);
        Circle v3 = v2.cancel(clock.instant().plus(Duration.ofDays(20)));
        assertThat(v3.schedule()).as("a series called off ends there, and its end is kept").isNotEqualTo(v2.schedule());
        assertThat(stores.circles().replace(GROUP, v3)).isTrue();
        assertThat(stores.circles().find(GROUP, "tuesday")).contains(v3);
    }

    @Test
    void removeSaysWhetherThereWasACircle() {
        CircleStores stores = stores();
        stores.circles().add(GROUP, tuesday());

        assertThat(stores.circles().remove(OTHER_GROUP, "tuesday")).isFalse();
        assertThat(stores.circles().remove(GROUP, "tuesday")).isTrue();
        assertThat(stores.circles().remove(GROUP, "tuesday")).isFalse();
        assertThat(stores.circles().all(GROUP)).isEmpty();
        assertThat(stores.circles().replace(GROUP, tuesday().withName("Gone"))).isFalse();
    }

    @Test
    void settingsAreTheDefaultUntilSavedAndNoLeadTimesIsAChoice() {
        CircleStores stores = stores();
        assertThat(stores.circles().settings(GROUP)).isEqualTo(CircleSettings.DEFAULT);

        stores.circles().saveSettings(GROUP, new CircleSettings(List.of(Duration.ofDays(2), Duration.ofMinutes(15))));
        assertThat(stores.circles().settings(GROUP).leadTimes()).containsExactly(Duration.ofDays(2), Duration.ofMinutes(15));
        assertThat(stores.circles().settings(OTHER_GROUP)).isEqualTo(CircleSettings.DEFAULT);

        stores.circles().saveSettings(GROUP, new CircleSettings(List.of()));
        assertThat(stores.circles().settings(GROUP).leadTimes()).isEmpty();
    }

    // ---- answers ----

    @Test
    void anAnswerIsKeptPerMeetingAndReplacedByTheNext() {
        CircleStores stores = stores();
        Rsvp coming = new Rsvp(Rsvp.Answer.COMING, "Alice", START);
        stores.rsvps().put(GROUP, MEETING, ALICE, coming, KEPT_UNTIL);

        assertThat(stores.rsvps().get(GROUP, MEETING, ALICE)).contains(coming);
        assertThat(stores.rsvps().get(GROUP, NEXT_MEETING, ALICE)).isEmpty();
        assertThat(stores.rsvps().get(OTHER_GROUP, MEETING, ALICE)).isEmpty();
        assertThat(stores.rsvps().get(GROUP, MEETING, BOB)).isEmpty();

        Rsvp maybe = new Rsvp(Rsvp.Answer.MAYBE, "Alice B.", START.plusSeconds(60));
        stores.rsvps().put(GROUP, MEETING, ALICE, maybe, KEPT_UNTIL);
        assertThat(stores.rsvps().get(GROUP, MEETING, ALICE)).contains(maybe);
    }

    @Test
    void organisersSeeEveryAnswerForAMeetingByMember() {
        CircleStores stores = stores();
        Rsvp alice = new Rsvp(Rsvp.Answer.COMING, "Alice", START);
        Rsvp bob = new Rsvp(Rsvp.Answer.NOT_THIS_TIME, "Bob", START.plusSeconds(1));
        stores.rsvps().put(GROUP, MEETING, ALICE, alice, KEPT_UNTIL);
        stores.rsvps().put(GROUP, MEETING, BOB, bob, KEPT_UNTIL);
        stores.rsvps().put(GROUP, NEXT_MEETING, BOB, alice, KEPT_UNTIL.plus(Duration.ofDays(7)));

        assertThat(stores.rsvps().answers(GROUP, MEETING)).isEqualTo(Map.of(withoutName(ALICE), alice, withoutName(BOB), bob));
        assertThat(stores.rsvps().answers(GROUP, new OccurrenceRef("friday", FIRST))).isEmpty();
    }

    @Test
    void answersStopCountingWhenTheyExpire() {
        CircleStores stores = stores();
        Rsvp coming = new Rsvp(Rsvp.Answer.COMING, "Alice", START);
        stores.rsvps().put(GROUP, MEETING, ALICE, coming, KEPT_UNTIL);
        stores.rsvps().put(GROUP, NEXT_MEETING, ALICE, coming, KEPT_UNTIL.plus(Duration.ofDays(7)));

        clock.set(KEPT_UNTIL.minusMillis(1));
        assertThat(stores.rsvps().get(GROUP, MEETING, ALICE)).isPresent();
        clock.set(KEPT_UNTIL);

        assertThat(stores.rsvps().get(GROUP, MEETING, ALICE)).isEmpty();
        assertThat(stores.rsvps().answers(GROUP, MEETING)).isEmpty();
        assertThat(stores.rsvps().ofMember(ALICE)).containsExactly(new MemberRsvp(GROUP, NEXT_MEETING, coming));
    }

    @Test
    void anAnswerAlreadyExpiredEndsTheEarlierOne() {
        CircleStores stores = stores();
        stores.rsvps().put(GROUP, MEETING, ALICE, new Rsvp(Rsvp.Answer.COMING, "Alice", START), KEPT_UNTIL);

        stores.rsvps().put(GROUP, MEETING, ALICE, new Rsvp(Rsvp.Answer.MAYBE, "Alice", START), START.minusSeconds(1));

        assertThat(stores.rsvps().get(GROUP, MEETING, ALICE)).isEmpty();
        assertThat(stores.rsvps().ofMember(ALICE)).isEmpty();
    }

    @Test
    void aMembersAnswersAreFoundInEveryCommunity() {
        CircleStores stores = stores();
        Rsvp here = new Rsvp(Rsvp.Answer.COMING, "Alice", START);
        Rsvp there = new Rsvp(Rsvp.Answer.MAYBE, "Ali", START.plusSeconds(5));
        stores.rsvps().put(GROUP, MEETING, ALICE, here, KEPT_UNTIL);
        stores.rsvps().put(OTHER_GROUP, NEXT_MEETING, ALICE, there, KEPT_UNTIL);
        stores.rsvps().put(GROUP, MEETING, BOB, here, KEPT_UNTIL);

        assertThat(stores.rsvps().ofMember(ALICE)).containsExactlyInAnyOrder(
                new MemberRsvp(GROUP, MEETING, here), new MemberRsvp(OTHER_GROUP, NEXT_MEETING, there));
        assertThat(stores.rsvps().ofMember(new MemberRef(Platform.DISCORD, "4711", null))).isEmpty();
    }

    @Test
    void aMemberWhoLeftOneCommunityLosesTheirAnswersThereOnly() {
        CircleStores stores = stores();
        Rsvp coming = new Rsvp(Rsvp.Answer.COMING, "Alice", START);
        stores.rsvps().put(GROUP, MEETING, ALICE, coming, KEPT_UNTIL);
        stores.rsvps().put(GROUP, NEXT_MEETING, ALICE, coming, KEPT_UNTIL);
        stores.rsvps().put(OTHER_GROUP, NEXT_MEETING, ALICE, coming, KEPT_UNTIL);
        stores.rsvps().put(GROUP, MEETING, BOB, coming, KEPT_UNTIL);

        stores.rsvps().eraseMember(ALICE, GROUP);

        assertThat(stores.rsvps().ofMember(ALICE)).containsExactly(new MemberRsvp(OTHER_GROUP, NEXT_MEETING, coming));
        assertThat(stores.rsvps().get(GROUP, MEETING, ALICE)).isEmpty();
        assertThat(stores.rsvps().get(GROUP, NEXT_MEETING, ALICE)).isEmpty();
        assertThat(stores.rsvps().answers(GROUP, MEETING)).containsOnlyKeys(withoutName(BOB));
    }

    @Test
    void aLostPlaceIsMarkedOnceUntilItWorksAgainAndTheMarksAreBounded() {
        CircleStore circles = stores().circles();
        assertThat(circles.markPlaceLost(GROUP, "c1")).isTrue();
        assertThat(circles.markPlaceLost(GROUP, "c1")).isFalse();
        assertThat(circles.markPlaceLost(OTHER_GROUP, "c1")).as("another community's marks are its own").isTrue();

        circles.clearPlaceLost(GROUP, "c1");
        assertThat(circles.markPlaceLost(GROUP, "c1")).isTrue();

        for (int i = 2; i <= CircleStore.MAX_LOST_PLACES; i++) {
            assertThat(circles.markPlaceLost(GROUP, "c" + i)).isTrue();
        }
        assertThat(circles.markPlaceLost(GROUP, "one-too-many")).isFalse();
    }

    @Test
    void erasingAMemberTakesEveryAnswerOfTheirsAndNothingElse() {
        CircleStores stores = stores();
        Rsvp coming = new Rsvp(Rsvp.Answer.COMING, "Alice", START);
        stores.rsvps().put(GROUP, MEETING, ALICE, coming, KEPT_UNTIL);
        stores.rsvps().put(OTHER_GROUP, NEXT_MEETING, ALICE, coming, KEPT_UNTIL);
        stores.rsvps().put(GROUP, MEETING, BOB, coming, KEPT_UNTIL);

        stores.rsvps().eraseMember(ALICE);

        assertThat(stores.rsvps().ofMember(ALICE)).isEmpty();
        assertThat(stores.rsvps().get(GROUP, MEETING, ALICE)).isEmpty();
        assertThat(stores.rsvps().get(OTHER_GROUP, NEXT_MEETING, ALICE)).isEmpty();
        assertThat(stores.rsvps().answers(GROUP, MEETING)).containsOnlyKeys(withoutName(BOB));
        stores.rsvps().eraseMember(ALICE);
    }

    @Test
    void idsWithAnyCharactersComeBackAsTheyWere() {
        CircleStores stores = stores();
        MemberRef odd = new MemberRef(Platform.CONSOLE, "a:b/c%d}ü", null);
        CommunityRef oddGroup = new CommunityRef(Platform.CONSOLE, "x/y:z{1}");
        Rsvp coming = new Rsvp(Rsvp.Answer.COMING, "", START);
        stores.rsvps().put(oddGroup, MEETING, odd, coming, KEPT_UNTIL);
        ReminderChoice choice = new ReminderChoice(List.of(Duration.ofHours(1)), Map.of());
        stores.reminders().save(oddGroup, odd, choice);

        assertThat(stores.rsvps().answers(oddGroup, MEETING)).isEqualTo(Map.of(odd, coming));
        assertThat(stores.rsvps().ofMember(odd)).containsExactly(new MemberRsvp(oddGroup, MEETING, coming));
        assertThat(stores.reminders().all(oddGroup)).isEqualTo(Map.of(odd, choice));
        assertThat(stores.reminders().ofMember(odd)).isEqualTo(Map.of(oddGroup, choice));
    }

    // ---- reminder choices ----

    @Test
    void aChoiceIsKeptPerMemberAndCommunity() {
        CircleStores stores = stores();
        assertThat(stores.reminders().get(GROUP, ALICE)).isEqualTo(ReminderChoice.NONE);
        ReminderChoice choice = ReminderChoice.NONE.withAll(List.of(Duration.ofDays(1), Duration.ofMinutes(15)))
                .withCircle("friday", List.of()).withCircle("tuesday", List.of(Duration.ofHours(2)));

        stores.reminders().save(GROUP, ALICE, choice);

        assertThat(stores.reminders().get(GROUP, ALICE)).isEqualTo(choice);
        assertThat(stores.reminders().get(GROUP, ALICE).leadsFor("friday")).isEmpty();
        assertThat(stores.reminders().get(OTHER_GROUP, ALICE)).isEqualTo(ReminderChoice.NONE);
        assertThat(stores.reminders().get(GROUP, BOB)).isEqualTo(ReminderChoice.NONE);
    }

    @Test
    void planningReadsEveryChoiceOfACommunity() {
        CircleStores stores = stores();
        ReminderChoice aliceChoice = ReminderChoice.NONE.withAll(List.of(Duration.ofHours(1)));
        ReminderChoice bobChoice = ReminderChoice.NONE.withCircle("tuesday", List.of(Duration.ofMinutes(30)));
        stores.reminders().save(GROUP, ALICE, aliceChoice);
        stores.reminders().save(GROUP, BOB, bobChoice);
        stores.reminders().save(OTHER_GROUP, BOB, aliceChoice);

        assertThat(stores.reminders().all(GROUP)).isEqualTo(Map.of(withoutName(ALICE), aliceChoice, withoutName(BOB), bobChoice));
        assertThat(stores.reminders().ofMember(BOB)).isEqualTo(Map.of(GROUP, bobChoice, OTHER_GROUP, aliceChoice));
    }

    @Test
    void anEmptyChoiceRemovesIt() {
        CircleStores stores = stores();
        stores.reminders().save(GROUP, ALICE, ReminderChoice.NONE.withAll(List.of(Duration.ofHours(1))));
        stores.reminders().save(OTHER_GROUP, ALICE, ReminderChoice.NONE.withAll(List.of(Duration.ofHours(2))));

        stores.reminders().save(GROUP, ALICE, ReminderChoice.NONE);

        assertThat(stores.reminders().get(GROUP, ALICE)).isEqualTo(ReminderChoice.NONE);
        assertThat(stores.reminders().all(GROUP)).isEmpty();
        assertThat(stores.reminders().ofMember(ALICE)).containsOnlyKeys(OTHER_GROUP);
    }

    @Test
    void erasingAMemberTakesTheirChoicesEverywhere() {
        CircleStores stores = stores();
        ReminderChoice choice = ReminderChoice.NONE.withAll(List.of(Duration.ofHours(1)));
        stores.reminders().save(GROUP, ALICE, choice);
        stores.reminders().save(OTHER_GROUP, ALICE, choice);
        stores.reminders().save(GROUP, BOB, choice);

        stores.reminders().eraseMember(ALICE);

        assertThat(stores.reminders().ofMember(ALICE)).isEmpty();
        assertThat(stores.reminders().get(GROUP, ALICE)).isEqualTo(ReminderChoice.NONE);
        assertThat(stores.reminders().all(OTHER_GROUP)).isEmpty();
        assertThat(stores.reminders().all(GROUP)).containsOnlyKeys(withoutName(BOB));
    }

    // ---- calendar-feed tokens ----

    @Test
    void aTokenNamesItsCommunityBothWaysRound() {
        CircleStores stores = stores();
        assertThat(stores.feeds().token(GROUP)).isEmpty();
        assertThat(stores.feeds().community("AAAAAAAAAAAAAAAAAAAAAA")).isEmpty();

        stores.feeds().put(GROUP, "AAAAAAAAAAAAAAAAAAAAAA");
        stores.feeds().put(OTHER_GROUP, "BBBBBBBBBBBBBBBBBBBBBB");

        assertThat(stores.feeds().token(GROUP)).contains("AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(stores.feeds().community("AAAAAAAAAAAAAAAAAAAAAA")).contains(GROUP);
        assertThat(stores.feeds().community("BBBBBBBBBBBBBBBBBBBBBB")).contains(OTHER_GROUP);
        assertThat(stores.feeds().community("AAAAAAAAAAAAAAAAAAAAAB")).isEmpty();
    }

    @Test
    void aNewTokenStopsTheOldOneAtOnce() {
        CircleStores stores = stores();
        stores.feeds().put(GROUP, "AAAAAAAAAAAAAAAAAAAAAA");

        stores.feeds().put(GROUP, "CCCCCCCCCCCCCCCCCCCCCC");

        assertThat(stores.feeds().token(GROUP)).contains("CCCCCCCCCCCCCCCCCCCCCC");
        assertThat(stores.feeds().community("CCCCCCCCCCCCCCCCCCCCCC")).contains(GROUP);
        assertThat(stores.feeds().community("AAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
        stores.feeds().put(GROUP, "CCCCCCCCCCCCCCCCCCCCCC");
        assertThat(stores.feeds().community("CCCCCCCCCCCCCCCCCCCCCC")).as("putting the same token again keeps it").contains(GROUP);
    }

    // ---- links to platform events ----

    @Test
    void aCircleIsLinkedToAnEventOnlyFromWhatTheCallerSawLast() {
        CircleStores stores = stores();
        assertThat(stores.events().find(GROUP, "tuesday")).isEmpty();

        assertThat(stores.events().replace(GROUP, "tuesday", null, "900000000000000001")).isTrue();
        assertThat(stores.events().find(GROUP, "tuesday")).contains("900000000000000001");
        assertThat(stores.events().find(OTHER_GROUP, "tuesday")).isEmpty();

        assertThat(stores.events().replace(GROUP, "tuesday", null, "900000000000000002")).as("another replica linked it already").isFalse();
        assertThat(stores.events().replace(GROUP, "tuesday", "900000000000000009", null)).as("not the stored id").isFalse();
        assertThat(stores.events().find(GROUP, "tuesday")).contains("900000000000000001");

        assertThat(stores.events().replace(GROUP, "tuesday", "900000000000000001", "900000000000000002")).isTrue();
        assertThat(stores.events().find(GROUP, "tuesday")).contains("900000000000000002");
        assertThat(stores.events().replace(GROUP, "tuesday", "900000000000000002", null)).isTrue();
        assertThat(stores.events().find(GROUP, "tuesday")).isEmpty();
    }

    @Test
    void aCommunityLinksNoMoreEventsThanItMayHaveCircles() {
        CircleStores stores = stores();
        for (int i = 0; i < CircleStore.MAX_CIRCLES; i++) {
            assertThat(stores.events().replace(GROUP, "c" + i, null, "9" + i)).isTrue();
        }

        assertThat(stores.events().replace(GROUP, "one-more", null, "1")).isFalse();
        assertThat(stores.events().find(GROUP, "one-more")).isEmpty();
        assertThat(stores.events().replace(GROUP, "c0", "90", "1")).as("relinking a linked circle adds nothing").isTrue();
        assertThat(stores.events().replace(OTHER_GROUP, "one-more", null, "1")).as("the bound is per community").isTrue();
    }
}
