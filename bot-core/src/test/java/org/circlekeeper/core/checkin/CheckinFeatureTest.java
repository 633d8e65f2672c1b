package org.circlekeeper.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.message.Attachment;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.FormRequest;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.InMemoryCheckinStore;
import org.circlekeeper.core.testing.InMemoryJobQueue;
import org.circlekeeper.core.testing.RecordingMessenger.Sent;
import org.junit.jupiter.api.Test;

/**
 * Check-ins through the engine, as members and organisers use them. The clock starts on Friday
 * 27 November 2026 at 09:00 UTC; members without a zone of their own are in UTC.
 */
class CheckinFeatureTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);
    private static final Target GROUP = new Target.Channel(new ChannelRef(Platform.CONSOLE, BotTester.GROUP_CHANNEL, ChannelRef.Kind.GROUP));

    private final BotTester bot = new BotTester();
    private final Talk olivia = bot.asOrganiser("olivia").inGroup();
    private final Talk alice = bot.as("alice").inDirect();
    private final Talk bob = bot.as("bob").inDirect();

    private InMemoryCheckinStore store() {
        return (InMemoryCheckinStore) bot.stores().checkins().checkins();
    }

    private static MemberRef member(String name) {
        return new MemberRef(Platform.CONSOLE, name, null);
    }

    private Replies checkIn(Talk who, String mood) {
        return who.send("/checkin").press(mood);
    }

    /** Moves the clock hour by hour to a moment and returns the prompts sent meanwhile, with when they went out. */
    private List<Map.Entry<Instant, Sent>> hourByHourUntil(String instant) {
        List<Map.Entry<Instant, Sent>> sent = new ArrayList<>();
        Instant target = Instant.parse(instant);
        bot.outbox().drain();
        while (bot.clock().instant().isBefore(target)) {
            bot.advance(Duration.ofHours(1));
            bot.outbox().drain().forEach(s -> sent.add(Map.entry(bot.clock().instant(), s)));
        }
        return sent;
    }

    private static String to(Sent sent) {
        return ((Target.Member) sent.target()).member().userId();
    }

    // ---- checking in ----

    @Test
    void aCheckInAsksForAMoodPrivatelyThenTakesANoteThatIsSealedAtRest() {
        Replies ask = alice.send("/checkin");

        assertThat(ask.allPrivate()).isTrue();
        assertThat(ask.text()).contains("How are you today?");
        assertThat(ask.buttons()).extracting(Button::label)
                .containsExactly("☀️ Great", "🌤️ Good", "⛅ Okay", "🌥️ Low", "🌧️ Really hard");
        assertThat(ask.buttons()).allMatch(b -> b.actionId().matches("checkin\\.mood:[1-5]:20261127:[0-9a-f]{4}"));

        Replies saved = ask.press("Okay");
        assertThat(saved.allPrivate()).isTrue();
        assertThat(saved.text()).contains("I saved ⛅ Okay for today", "your first check-in here", "add a note, just for you");
        assertThat(saved.all()).as("nothing is taken as a note unasked").allMatch(r -> r.message().form() == null);
        assertThat(saved.button("Skip").actionId()).startsWith("checkin.skip:20261127:");
        Replies noteAsk = saved.press("Add a note");
        assertThat(noteAsk.form().formId()).startsWith("checkin.note:20261127:");
        assertThat(noteAsk.form().fields().get(0).maxLength()).isEqualTo(CheckinFeature.MAX_NOTE);

        Replies noted = alice.send("Slept badly, but the walk helped.");
        assertThat(noted.text()).contains("Your note is saved").contains("encrypted");

        Checkin stored = store().find(BotTester.COMMUNITY, member("alice"), FRIDAY).orElseThrow();
        assertThat(stored.mood()).isEqualTo(Mood.OKAY);
        assertThat(stored.note()).startsWith("v1:").doesNotContain("walk").doesNotContain("Slept");
        assertThat(alice.send("/checkin edit").text()).contains("Today's check-in: ⛅ Okay.", "Your note: “Slept badly, but the walk helped.”");
    }

    @Test
    void aNoteCanComeFromADiscordModal() {
        FormRequest form = checkIn(alice, "Good").press("Add a note").form();

        assertThat(alice.submit(form, Map.of("note", "from the modal")).text()).contains("Your note is saved");
        assertThat(alice.send("/checkin edit").text()).contains("“from the modal”");
    }

    @Test
    void skippingTheNoteStopsWaitingForIt() {
        checkIn(alice, "Good").press("Add a note").press("Skip");

        assertThat(alice.send("hello there").text()).as("not taken as a note").doesNotContain("note is saved");
        assertThat(store().find(BotTester.COMMUNITY, member("alice"), FRIDAY).orElseThrow().hasNote()).isFalse();
    }

    @Test
    void checkingInAgainTheSameDayChangesTheMoodAndKeepsTheNote() {
        checkIn(alice, "Low").press("Add a note");
        alice.send("a note");

        Replies again = alice.send("/checkin");
        assertThat(again.text()).contains("You've checked in today already: 🌥️ Low");
        assertThat(again.press("Good").text()).contains("today's check-in is now 🌤️ Good");

        Checkin stored = store().find(BotTester.COMMUNITY, member("alice"), FRIDAY).orElseThrow();
        assertThat(stored.mood()).isEqualTo(Mood.GOOD);
        assertThat(stored.hasNote()).isTrue();
    }

    @Test
    void todaysCheckInCanBeEditedAndDeleted() {
        checkIn(alice, "Okay").press("Add a note");
        alice.send("first words");

        Replies edit = alice.send("/checkin edit");
        assertThat(edit.press("Write a new note").form().formId()).endsWith(":e");
        assertThat(alice.send("second words").text()).contains("Your note is saved").doesNotContain("share");
        assertThat(alice.send("/checkin edit").text()).contains("“second words”");
        assertThat(alice.send("/checkin edit").press("Remove the note").text()).contains("removed");
        assertThat(store().find(BotTester.COMMUNITY, member("alice"), FRIDAY).orElseThrow().hasNote()).isFalse();

        assertThat(alice.send("/checkin delete").text()).contains("deleted");
        assertThat(store().find(BotTester.COMMUNITY, member("alice"), FRIDAY)).isEmpty();
        assertThat(alice.send("/checkin delete").text()).contains("no check-in today");
        assertThat(alice.send("/checkin edit").text()).contains("haven't checked in today");
    }

    @Test
    void todayIsTheMembersOwnDay() {
        alice.send("/timezone Pacific/Auckland");
        Replies saved = checkIn(alice, "Okay");
        assertThat(saved.text()).contains("I saved");
        assertThat(store().find(BotTester.COMMUNITY, member("alice"), FRIDAY)).as("22:00 on Friday in Auckland").isPresent();

        bot.advance(Duration.ofHours(3));

        assertThat(alice.send("/checkin delete").text()).as("Saturday has begun in Auckland, not yet in UTC").contains("no check-in today");
        assertThat(alice.send("/checkin").text()).contains("How are you today?").doesNotContain("already");
    }

    // ---- history, streaks, milestones, journey ----

    @Test
    void sevenDaysInARowAreCelebratedAndHistoryShowsAChartWithATextFallback() {
        String[] moods = {"Low", "Okay", "Okay", "Good", "Low", "Great", "Good"};
        Replies last = null;
        for (int day = 0; day < moods.length; day++) {
            last = checkIn(alice, moods[day]);
            if (day == 2) {
                assertThat(last.text()).contains("3 check-ins in a row");
            }
            if (day < moods.length - 1) {
                bot.advance(Duration.ofDays(1));
            }
        }
        assertThat(last.text()).contains("7 check-ins in a row", "showing up for yourself");

        Replies history = alice.send("/checkin history");
        assertThat(history.allPrivate()).isTrue();
        assertThat(history.text()).contains("Your last four weeks", "Check-ins in these four weeks: 7.",
                "You've checked in 7 day(s) in a row", "since Nov 27, 2026", "The chart is attached");
        assertThat(history.text()).contains("27 Nov – 3 Dec: 🌥️ ⛅ ⛅ 🌤️ 🌥️ ☀️ 🌤️").contains("· · ·");
        Attachment chart = history.all().get(0).message().attachment();
        assertThat(chart.mediaType()).isEqualTo("image/png");
        assertThat(chart.isImage()).isTrue();
        assertThat(chart.content()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aMonthWithTheGroupIsCelebratedOnce() {
        checkIn(alice, "Okay");
        bot.advance(Duration.ofDays(31));

        assertThat(checkIn(alice, "Okay").text()).contains("A month with the group");
        bot.advance(Duration.ofDays(1));
        assertThat(checkIn(alice, "Okay").text()).contains("I saved").doesNotContain("A month with the group");
    }

    @Test
    void aMemberMarksTheirJourneyAndSeesItOverTime() {
        Replies view = alice.send("/checkin journey");
        assertThat(view.text()).contains("from anxious and reserved", "confident and empowered", "Only you will see it");
        assertThat(view.buttons()).extracting(Button::label)
                .containsExactly("Anxious", "Reserved", "Sharing", "Supportive", "Confident", "Empowered");
        assertThat(view.press("Reserved").text()).contains("today you see yourself as Reserved");
        bot.advance(Duration.ofDays(20));
        alice.send("/checkin journey").press("Sharing");

        assertThat(alice.send("/checkin journey").text()).contains("27 Nov: reserved → 17 Dec: sharing");
        assertThat(alice.send("/checkin history").text()).contains("Your journey: 27 Nov: reserved → 17 Dec: sharing");
        assertThat(alice.send("/checkin journey clear").text()).contains("cleared");
        assertThat(store().journey(BotTester.COMMUNITY, member("alice"))).isEmpty();
    }

    @Test
    void historyWithNothingSaysSoKindly() {
        assertThat(alice.send("/checkin history").text()).contains("No check-ins in the last four weeks yet");
    }

    // ---- bad input ----

    @Test
    void aMoodOfSevenIsRefusedAndNothingIsSaved() {
        assertThat(alice.press("checkin.mood:7").text()).contains("“7” isn't on the scale", "1 (really hard) to 5 (great)");
        assertThat(alice.press("checkin.mood:7:20261127:" + CheckinKeys.tag(BotTester.COMMUNITY)).text()).contains("isn't on the scale");
        assertThat(alice.press("checkin.mood:3").text()).contains("couldn't read that button");
        assertThat(alice.press("checkin.mood:3:20261127:zzzz").text()).contains("couldn't read that button");

        assertThat(store().communities(member("alice"))).isEmpty();
        assertThat(((InMemoryCheckinStore) store()).size()).isZero();
    }

    @Test
    void aNoteOfTwentyThousandCharactersIsRefusedAndNothingIsSaved() {
        checkIn(alice, "Okay").press("Add a note");

        Replies tooLong = alice.send("x".repeat(20_000));
        assertThat(tooLong.text()).contains("That note has 20000 characters; a note holds up to 1000. Nothing was saved.");
        assertThat(store().find(BotTester.COMMUNITY, member("alice"), FRIDAY).orElseThrow().hasNote()).isFalse();

        assertThat(alice.send("shorter").text()).as("asked again, the next message is the note").contains("Your note is saved");
    }

    @Test
    void aButtonFromYesterdayChangesNothing() {
        Replies yesterday = alice.send("/checkin");
        bot.advance(Duration.ofDays(1));

        assertThat(yesterday.press("Great").text())
                .contains("That was for Nov 27, 2026, and that day has passed, so nothing changed. Send /checkin to check in now.");
        assertThat(store().communities(member("alice"))).isEmpty();
    }

    // ---- prompts ----

    @Test
    void promptsReachTwoMembersInTwoZonesAtTheirOwnNine() {
        assertThat(olivia.send("/checkin setup days daily time 09:00 questions gentle").text())
                .contains("every day at 09:00", "each member's own time zone", "/checkin prompts on");
        alice.send("/timezone Europe/Madrid");
        bob.send("/timezone America/New_York");
        assertThat(alice.send("/checkin prompts on").text()).contains("every day at 09:00, your time (Europe/Madrid)");
        bob.send("/checkin prompts on");

        List<Map.Entry<Instant, Sent>> prompts = hourByHourUntil("2026-11-28T23:00:00Z");

        assertThat(prompts).extracting(e -> e.getKey().toString() + " " + to(e.getValue())).containsExactly(
                "2026-11-27T14:00:00Z bob",       // 09:00 in New York (UTC-5)
                "2026-11-28T08:00:00Z alice",     // 09:00 in Madrid (UTC+1)
                "2026-11-28T14:00:00Z bob");
        Sent first = prompts.get(0).getValue();
        assertThat(first.message().visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(first.text()).contains("Tap how you are today", "/checkin prompts off");
        assertThat(first.message().buttons()).hasSize(5)
                .allMatch(b -> b.actionId().startsWith("checkin.mood:") && b.actionId().contains(":20261127:"));
        assertThat(prompts.get(1).getValue().message().buttons()).allMatch(b -> b.actionId().contains(":20261128:"));
    }

    @Test
    void aDuePromptGoesOutWhenTheClockJumpsPastItAndItsPlanningAtOnce() {
        olivia.send("/checkin setup days daily time 09:00");
        alice.send("/checkin prompts on");
        bot.outbox().drain();

        bot.advance(Duration.ofDays(1));

        List<Sent> sent = bot.outbox().drain();
        assertThat(sent).hasSize(1);
        assertThat(to(sent.get(0))).isEqualTo("alice");
        assertThat(store().profile(BotTester.COMMUNITY, member("alice")).planned()).endsWith(":20261129");
    }

    @Test
    void aPausedMemberIsNotPromptedUntilTheirBreakEnds() {
        olivia.send("/checkin setup days daily time 09:00");
        alice.send("/checkin prompts on");
        assertThat(alice.send("/checkin away 2026-11-29").text()).contains("No prompts until Nov 29, 2026");

        List<Map.Entry<Instant, Sent>> prompts = hourByHourUntil("2026-11-30T12:00:00Z");

        assertThat(prompts).extracting(e -> e.getKey().toString()).containsExactly("2026-11-30T09:00:00Z");
        assertThat(alice.send("/checkin away yesterday").text()).contains("within the next year");
        assertThat(alice.send("/checkin back").text()).contains("not on a break");
    }

    @Test
    void aMemberWhoCheckedInEarlyIsNotPromptedThatDay() {
        olivia.send("/checkin setup days daily time 09:00");
        alice.send("/checkin prompts on");
        hourByHourUntil("2026-11-28T07:00:00Z");
        checkIn(alice, "Good");

        List<Map.Entry<Instant, Sent>> prompts = hourByHourUntil("2026-11-29T12:00:00Z");

        assertThat(prompts).extracting(e -> e.getKey().toString()).containsExactly("2026-11-29T09:00:00Z");
    }

    @Test
    void aPromptIsCheckedAgainWhenItFires() {
        olivia.send("/checkin setup days daily time 09:00");
        alice.send("/checkin prompts on");
        CheckinProfile planned = store().profile(BotTester.COMMUNITY, member("alice"));
        assertThat(planned.planned()).isEqualTo("checkin.prompt:console:circle:console:alice:20261128");
        // opted out behind the planner's back: the planned job is still in the queue, but must not send
        store().saveProfile(BotTester.COMMUNITY, member("alice"), planned.withPrompts(false), bot.clock().instant().plus(Duration.ofDays(1)));

        assertThat(hourByHourUntil("2026-11-29T12:00:00Z")).isEmpty();
    }

    @Test
    void optingOutTakesThePlannedPromptBackAndOptingInAtAnOwnTimeMovesIt() {
        olivia.send("/checkin setup days mon,wed,fri time 09:00");
        alice.send("/checkin prompts on");
        InMemoryJobQueue jobs = (InMemoryJobQueue) bot.stores().jobs();
        assertThat(jobs.all()).extracting(Job::id).contains("checkin.prompt:console:circle:console:alice:20261130");

        assertThat(alice.send("/checkin prompts 07:30").text()).contains("07:30, your time (UTC), on Mon, Wed, Fri");
        assertThat(jobs.all()).filteredOn(j -> j.id().startsWith("checkin.prompt:")).extracting(Job::due)
                .containsExactly(Instant.parse("2026-11-30T07:30:00Z"));

        assertThat(alice.send("/checkin prompts off").text()).contains("no more prompts");
        assertThat(jobs.all()).noneMatch(j -> j.id().startsWith("checkin.prompt:"));
        assertThat(alice.send("/checkin prompts maybe").text()).contains("I didn't understand “maybe”");
    }

    @Test
    void aButtonFromYesterdaysPromptIsKindlyRefused() {
        olivia.send("/checkin setup days daily time 09:00");
        alice.send("/checkin prompts on");
        Sent prompt = hourByHourUntil("2026-11-28T10:00:00Z").get(0).getValue();
        Button good = prompt.message().buttons().stream().filter(b -> b.label().contains("Good")).findFirst().orElseThrow();
        hourByHourUntil("2026-11-29T01:00:00Z");

        assertThat(alice.press(good).text()).contains("That was for Nov 28, 2026, and that day has passed");
        assertThat(store().between(BotTester.COMMUNITY, member("alice"), FRIDAY, FRIDAY.plusDays(3))).isEmpty();
    }

    @Test
    void setupIsForOrganisersAndBadSetupChangesNothing() {
        assertThat(bot.as("alice").inGroup().send("/checkin setup days daily").text()).contains("for the group's organisers");
        assertThat(olivia.send("/checkin setup days someday").text()).contains("I didn't understand", "gentle");
        assertThat(olivia.send("/checkin setup questions nosuch").text()).contains("I didn't understand");
        assertThat(store().settings(BotTester.COMMUNITY).promptsOn()).isFalse();
        assertThat(olivia.send("/checkin setup").text()).contains("Check-in prompts are off", "Question sets: gentle, reflective");
    }

    // ---- the organisers' pulse ----

    /** Moves the clock to a moment (UTC), running due jobs on the way. */
    private void at(String instant) {
        bot.advance(Duration.between(bot.clock().instant(), Instant.parse(instant)));
    }

    @Test
    void thePulseIsHiddenBelowFiveContributorsAndShownAtFiveForTheLastClosedWeekItNames() {
        String[] names = {"ann", "ben", "cat", "dan"};
        String[] moods = {"Great", "Good", "Good", "Okay"};
        for (int i = 0; i < names.length; i++) {
            checkIn(bot.as(names[i]).inDirect(), moods[i]).press("Add a note");
            bot.as(names[i]).inDirect().send("secret note of " + names[i]);
        }
        at("2026-11-30T18:00:00Z");
        Replies hidden = olivia.send("/pulse");
        assertThat(hidden.allPrivate()).isTrue();
        assertThat(hidden.text()).contains("Fewer than 5 members checked in during the last full week (Nov 23, 2026 – Nov 29, 2026)",
                "someone could be recognised").doesNotContain("ann").doesNotContain("Check-ins:");

        PulseWeek week = PulseWeek.lastClosed(bot.clock().instant(), ZoneOffset.UTC);
        store().put(BotTester.COMMUNITY, member("eve"), new Checkin(week.sunday(), Mood.LOW, null, bot.clock().instant()),
                bot.clock().instant().plus(Duration.ofDays(180)));
        Replies shown = olivia.send("/pulse");

        assertThat(shown.text()).contains("The group's pulse, Nov 23, 2026 – Nov 29, 2026", "Check-ins: 5", "☀️ Great: 1 (20%)",
                "🌤️ Good: 2 (40%)", "🌥️ Low: 1 (20%)", "🌧️ Really hard: 0 (0%)", "Average: 3.6 of 5.", "Too few check-ins the week before",
                "today's check-ins show up in next week's pulse");
        for (String name : List.of("ann", "ben", "cat", "dan", "eve", "secret")) {
            assertThat(shown.text()).doesNotContain(name);
        }
        assertThat(bot.as("ann").inGroup().send("/pulse").text()).contains("for the group's organisers");
    }

    @Test
    void thePulseBeforeAndAfterOneMembersCheckInIsTheSameSoNobodysMoodCanBeIsolated() {
        for (String name : List.of("ann", "ben", "cat", "dan", "eve")) {
            checkIn(bot.as(name).inDirect(), "Good");
        }
        // Monday 30 November, 10:00 UTC: the week of 23-29 November is over in the group's zone (UTC) but not yet for a
        // member in Samoa (UTC-11), for whom it is still Sunday; the pulse still covers the week before.
        at("2026-11-30T10:00:00Z");
        Talk fay = bot.as("fay").inDirect();
        fay.send("/timezone Pacific/Pago_Pago");
        String before = olivia.send("/pulse").text();
        assertThat(before).contains("(Nov 16, 2026 – Nov 22, 2026)");
        Replies saved = checkIn(fay, "Really hard");
        assertThat(saved.text()).contains("I saved 🌧️ Really hard for today");
        assertThat(store().find(BotTester.COMMUNITY, member("fay"), LocalDate.of(2026, 11, 29))).as("fay's Sunday").isPresent();
        assertThat(olivia.send("/pulse").text()).as("a check-in between two pulses changes neither").isEqualTo(before);

        // Tuesday: the week is over everywhere, and its pulse includes fay; a check-in today changes nothing either.
        at("2026-12-01T09:00:00Z");
        String closed = olivia.send("/pulse").text();
        assertThat(closed).contains("The group's pulse, Nov 23, 2026 – Nov 29, 2026", "Check-ins: 6", "🌧️ Really hard: 1 (17%)");
        checkIn(bot.as("ann").inDirect(), "Really hard");
        checkIn(bot.as("gus").inDirect(), "Great");
        assertThat(olivia.send("/pulse").text()).isEqualTo(closed);
    }

    @Test
    void thePulseComparesWithTheWeekBeforeWhenBothHadFiveMembers() {
        String[] names = {"ann", "ben", "cat", "dan", "eve"};
        for (String name : names) {
            checkIn(bot.as(name).inDirect(), "Low");
        }
        bot.advance(Duration.ofDays(7));
        for (String name : names) {
            checkIn(bot.as(name).inDirect(), "Good");
        }
        at("2026-12-08T09:00:00Z");
        assertThat(olivia.send("/pulse").text()).contains("Nov 30, 2026 – Dec 6, 2026", "Check-ins: 5", "Average: 4.0 of 5.",
                "A little lighter than the week before.");
        bot.advance(Duration.ofDays(3));
        for (String name : names) {
            checkIn(bot.as(name).inDirect(), "Really hard");
        }
        at("2026-12-15T09:00:00Z");
        assertThat(olivia.send("/pulse").text()).contains("Dec 7, 2026 – Dec 13, 2026", "A little heavier than the week before",
                "check on each other");
    }

    // ---- low mood ----

    @Test
    void aReallyHardDayGetsTheMembersCrisisLinesFirstThenCopingIdeas() {
        alice.send("/country ES");

        Replies hard = checkIn(alice, "Really hard");

        assertThat(hard.allPrivate()).isTrue();
        String care = hard.all().get(0).message().markup();
        assertThat(care).startsWith("Thank you for telling me how it really is. I'm so sorry today is this hard")
                .contains("If you're in danger", "Crisis lines in Spain", "Línea 024", "call 024", "112", "/resource grounding-5-4-3-2-1");
        assertThat(care.indexOf("Crisis lines in Spain")).as("the crisis lines come before anything else")
                .isLessThan(care.indexOf("/resource grounding-5-4-3-2-1"));
        assertThat(hard.text()).contains("add a note").as("the note is still offered");
        assertThat(bot.outbox().all()).as("no buddy chosen: nobody is told").isEmpty();
    }

    @Test
    void aLowDayGetsWarmthAndAGentleOfferNotTheCrisisBlockEvenDaysInARow() {
        alice.send("/country ES");
        Replies low = checkIn(alice, "Low");
        assertThat(low.allPrivate()).isTrue();
        assertThat(low.text()).contains("Low days happen, and you don't have to be fine here.", "/resource grounding-5-4-3-2-1",
                "/crisis shows the crisis lines for your country").doesNotContain("Crisis lines in Spain").doesNotContain("Línea 024")
                .doesNotContain("in danger").doesNotContain("a few low days").doesNotContain("I can let");
        assertThat(low.buttons()).extracting(Button::label).as("no buddy chosen: nothing to offer").doesNotContain("Let them know");
        bot.advance(Duration.ofDays(1));

        Replies again = checkIn(alice, "Low");
        assertThat(again.text()).contains("It's been a few low days lately").doesNotContain("Crisis lines in Spain");
        assertThat(checkIn(alice, "Okay").text()).as("an okay day needs no word of care").doesNotContain("Low days happen");
    }

    @Test
    void aLowDayOffersToTellTheBuddyAndTellsThemOnlyWhenTheMemberPresses() {
        alice.send("/checkin buddy @bob");
        bot.outbox().drain();

        Replies low = checkIn(alice, "Low");
        assertThat(low.text()).contains("I can let bob know you could use some support: only that, nothing of your mood or notes.");
        assertThat(bot.outbox().all()).as("an offer, not an alert").isEmpty();

        assertThat(low.press("Let them know").text()).contains("I've let bob know privately");
        List<Sent> alert = bot.outbox().drain();
        assertThat(alert).singleElement().satisfies(a -> {
            assertThat(to(a)).isEqualTo("bob");
            assertThat(a.text()).contains("alice", "could use some support").doesNotContain("Low").doesNotContain("🌥");
        });
        assertThat(low.press("Let them know").text()).contains("I already let them know in the last day");
        assertThat(bot.outbox().all()).isEmpty();

        alice.send("/checkin buddy off");
        assertThat(low.press("Let them know").text()).contains("You have no check-in buddy any more, so I sent nothing.");
        assertThat(bot.as("mallory").inDirect().press(low.button("Let them know")).text()).as("another member's press")
                .contains("no check-in buddy");
    }

    @Test
    void aNoteTheSafetyCheckWouldCatchGetsTheCrisisLinesFirst() {
        alice.send("/country ES");
        Replies saved = checkIn(alice, "Okay").press("Add a note");
        Replies noted = alice.send("honestly I just want to die");

        assertThat(noted.all()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(noted.all().get(0).message().markup()).startsWith("What you wrote sounds really heavy.").contains("Crisis lines in Spain");
        assertThat(noted.text()).contains("Your note is saved");
        assertThat(saved.allPrivate()).isTrue();
        assertThat(checkIn(bob, "Okay").press("Add a note").text()).doesNotContain("Crisis lines");
        assertThat(bob.send("a calm walk by the river").text()).doesNotContain("Crisis lines").doesNotContain("heavy");
    }

    @Test
    void aBuddyHearsOnlyThatTheMemberCouldUseSupportAndNotTooOften() {
        assertThat(alice.send("/checkin buddy @bob").text()).contains("bob is your check-in buddy now");
        List<Sent> notice = bot.outbox().drain();
        assertThat(notice).hasSize(1);
        assertThat(to(notice.get(0))).isEqualTo("bob");
        assertThat(notice.get(0).text()).contains("alice chose you as their check-in buddy", "never their mood or notes");

        Replies hard = checkIn(alice, "Really hard");
        hard.press("Add a note");
        alice.send("everything went wrong with my sister");

        assertThat(hard.text()).contains("I've let bob know privately");
        List<Sent> alert = bot.outbox().drain();
        assertThat(alert).hasSize(1);
        assertThat(to(alert.get(0))).isEqualTo("bob");
        assertThat(alert.get(0).message().visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(alert.get(0).text()).contains("alice", "could use some support")
                .doesNotContain("Really hard").doesNotContain("sister").doesNotContain("🌧");

        alice.send("/checkin").press("Really hard");
        assertThat(bot.outbox().drain()).as("cooldown").isEmpty();
        bot.advance(Duration.ofHours(25));
        checkIn(alice, "Really hard");
        assertThat(bot.outbox().drain()).hasSize(1);
    }

    @Test
    void aBuddyMustBeSomeoneElseWhoCanBeReached() {
        assertThat(alice.send("/checkin buddy @alice").text()).contains("can't be your own buddy");
        assertThat(alice.send("/checkin buddy two words").text()).contains("couldn't tell who");
        assertThat(alice.send("/checkin buddy").text()).contains("haven't chosen a check-in buddy");
        assertThat(store().profile(BotTester.COMMUNITY, member("alice")).buddy()).isNull();
    }

    @Test
    void organisersAsBuddyNeedTheirSupportAlertChannel() {
        assertThat(alice.send("/checkin buddy organisers").text()).contains("haven't chosen a place for support alerts");
        olivia.send("/safety alerts on");
        assertThat(alice.send("/checkin buddy organisers").text()).contains("I'll let the organisers know privately");

        checkIn(alice, "Really hard");

        List<Sent> alert = bot.outbox().drain();
        assertThat(alert).hasSize(1);
        assertThat(alert.get(0).target()).isEqualTo(GROUP);
        assertThat(alert.get(0).text()).contains("alice could use some support today").doesNotContain("Really hard");
    }

    // ---- sharing a line ----

    @Test
    void aLineIsPostedOnlyAfterTheMemberSawExactlyWhatAndConfirmed() {
        olivia.send("/checkin setup days daily time 09:00");
        bot.outbox().drain();
        Replies offer = checkIn(alice, "Good").press("Skip");
        assertThat(offer.text()).contains("Nothing is posted unless you choose it and confirm");

        Replies ask = offer.press("Write a line");
        assertThat(ask.form().formId()).startsWith("checkin.line:");
        Replies preview = alice.send("Grateful for Tuesday's circle");
        assertThat(preview.text()).contains("This is exactly what I'll post in the group:",
                "✅ alice checked in today. “Grateful for Tuesday's circle”");
        assertThat(bot.outbox().all()).as("nothing before confirming").isEmpty();

        assertThat(preview.press("Post it").text()).contains("Posted in the group");
        List<Sent> posted = bot.outbox().drain();
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).target()).isEqualTo(GROUP);
        assertThat(posted.get(0).text()).isEqualTo("✅ alice checked in today. “Grateful for Tuesday's circle”");
        assertThat(preview.press("Post it").text()).contains("expired or was already used");
        assertThat(bot.outbox().all()).isEmpty();
    }

    @Test
    void theNoteIsNeverSharedAndDontPostPostsNothing() {
        Talk inGroup = bot.as("alice").inGroup();
        Replies saved = inGroup.send("/checkin").press("Okay");
        assertThat(saved.allPrivate()).isTrue();
        Replies offer = inGroup.submit(saved.press("Add a note").form(), Map.of("note", "my private words"));
        Replies preview = offer.press("Say I checked in");
        assertThat(preview.text()).contains("✅ alice checked in today.").doesNotContain("private words");

        assertThat(preview.press("Don't post").text()).contains("nothing was posted");
        assertThat(bot.outbox().all()).isEmpty();
    }

    // ---- the member's data ----

    @Test
    void myDataShowsTheCheckInsWithNotesOpenedAndForgetMeErasesAll() {
        olivia.send("/checkin setup days daily time 09:00");
        checkIn(alice, "Okay").press("Add a note");
        alice.send("only for me");
        alice.send("/checkin prompts on");
        alice.send("/checkin buddy @bob");
        alice.send("/checkin journey").press("Sharing");

        Replies data = alice.send("/mydata");
        String json = new String(data.all().get(0).message().attachment().content(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"checkins\"", "\"note\" : \"only for me\"", "\"mood\" : 3", "\"prompts\" : true",
                "\"buddy\" : \"console:bob\"", "\"stage\" : \"sharing\"");
        InMemoryJobQueue jobs = (InMemoryJobQueue) bot.stores().jobs();
        assertThat(jobs.all()).anyMatch(j -> j.id().contains("console:alice"));

        alice.send("/forgetme").press("Yes, erase everything");

        assertThat(((InMemoryCheckinStore) store()).size()).isZero();
        assertThat(store().communities(member("alice"))).isEmpty();
        assertThat(jobs.all()).noneMatch(j -> j.id().contains("alice") || j.payload().contains("alice"));
        assertThat(hourByHourUntil("2026-11-29T12:00:00Z")).isEmpty();
    }

    @Test
    void aSharedLineIsPostedWithTheNameTheMemberHasWhenTheyConfirmAndNoNameIsKept() {
        olivia.send("/checkin setup days daily time 09:00");
        bot.outbox().drain();
        Talk zoe = bot.as("Zoë Quill").inDirect();
        Replies preview = zoe.send("/checkin").press("Good").press("Skip").press("Say I checked in");
        assertThat(preview.text()).contains("✅ Zoë Quill checked in today.");

        String waiting = new String(zoe.send("/mydata").all().get(0).message().attachment().content(), StandardCharsets.UTF_8);
        assertThat(waiting).as("the waiting line is the member's data too").contains("\"lineWaitingForYourConfirmation\"")
                .doesNotContain("Zoë Quill");

        Talk renamed = bot.as("zoë quill").inDirect();
        assertThat(renamed.press(preview.button("Post it")).text()).contains("Posted in the group");
        assertThat(bot.outbox().drain()).singleElement().satisfies(sent ->
                assertThat(sent.text()).as("the name her platform gives as she confirms").isEqualTo("✅ zoë quill checked in today."));

        Replies data = zoe.send("/mydata");
        assertThat(data.text()).contains("Your display name is kept only where others must see who you are");
        String json = new String(data.all().get(0).message().attachment().content(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"checkins\"").doesNotContain("Zoë Quill");
    }

    @Test
    void aBuddyWhoErasesTheirDataIsNoLongerAnyonesBuddy() {
        alice.send("/checkin buddy @bob");
        assertThat(store().buddyOf(member("bob"))).containsKey(BotTester.COMMUNITY);

        bob.send("/forgetme").press("Yes, erase everything");

        assertThat(store().profile(BotTester.COMMUNITY, member("alice")).buddy()).isNull();
        assertThat(store().buddyOf(member("bob"))).isEmpty();
    }
}
