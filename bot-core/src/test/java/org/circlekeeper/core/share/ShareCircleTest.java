package org.circlekeeper.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.RetryLater;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.InMemoryShareStore;
import org.circlekeeper.core.testing.RecordingMessenger.Sent;
import org.junit.jupiter.api.Test;

/**
 * The share circle through the engine, as a group runs it: olivia (an organiser) chairs, alice, bob
 * and carol take part, erin looks in without joining. The clock starts on Friday 27 November 2026 at
 * 09:00 UTC and only moves when a test moves it.
 */
class ShareCircleTest {

    private static final ChannelRef CHANNEL = new ChannelRef(Platform.CONSOLE, BotTester.GROUP_CHANNEL, ChannelRef.Kind.GROUP);
    private static final ShareRoom ROOM = new ShareRoom(BotTester.COMMUNITY, CHANNEL);

    private final BotTester bot = new BotTester();
    private final Talk olivia = bot.asOrganiser("olivia").inGroup();
    private final Talk alice = bot.as("alice").inGroup();
    private final Talk bob = bot.as("bob").inGroup();
    private final Talk carol = bot.as("carol").inGroup();
    private final Talk erin = bot.as("erin").inGroup();

    private ShareStore store() {
        return bot.stores().share();
    }

    private ShareSession live() {
        return store().live(ROOM).orElseThrow();
    }

    /** What the bot posted by itself since the last call. */
    private List<Sent> posted() {
        return bot.outbox().drain();
    }

    private static String texts(List<Sent> sent) {
        return String.join("\n\n", sent.stream().map(Sent::text).toList());
    }

    /** The last message with a button whose label contains {@code label}, and that button. */
    private static Button last(List<Sent> sent, String label) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            for (Button button : sent.get(i).message().buttons()) {
                if (button.label().contains(label)) {
                    return button;
                }
            }
        }
        throw new AssertionError("no button '" + label + "' in " + sent);
    }

    /** olivia starts a basic circle and alice, bob and carol join; returns what was posted. */
    private List<Sent> startWithFour() {
        olivia.send("/share start basic");
        alice.send("/share join");
        bob.send("/share join");
        carol.send("/share join");
        return posted();
    }

    /** From the opening to the open sharing: everyone in the check-in round says done. */
    private void throughCheckIn() {
        olivia.send("/share next");
        for (Talk talk : List.of(olivia, alice, bob, carol)) {
            talk.send("/share done");
        }
    }

    @Test
    void aPostThePlatformAsksToDelayIsSkippedAndTheCircleGoesOnWithoutAnApology() {
        startWithFour();
        bot.outbox().failNext(new RetryLater("a long rate-limit pause",
                BotTester.START.plusSeconds(3600)));

        String answer = olivia.send("/share next").text();

        assertThat(answer).doesNotContain("something went wrong");
        assertThat(live().step()).isEqualTo(1);
        alice.send("/share done");
        assertThat(texts(posted())).as("the next post goes out as usual").isNotEmpty();
    }

    @Test
    void theOpeningWelcomesNamesTheChairAndRemindsOfConfidentiality() {
        List<Sent> opening = startWithFour();

        assertThat(opening.get(0).target()).isEqualTo(new Target.Channel(CHANNEL));
        assertThat(opening.get(0).text()).contains("Our circle is starting: Basic peer-support circle, with olivia chairing today.")
                .contains("Passing is always fine.").contains("What is shared here stays here");
        assertThat(opening.get(1).text()).isEqualTo("Here: olivia");
        assertThat(opening.get(1).message().buttons()).extracting(Button::label).containsExactly("I'm here", "Next step");
        assertThat(opening).filteredOn(Sent::edit).last().extracting(Sent::text).isEqualTo("Here: olivia, alice, bob, carol");
        assertThat(opening).filteredOn(Sent::edit).allSatisfy(s -> assertThat(s.messageId()).isEqualTo(opening.get(1).messageId()));
        assertThat(opening).flatExtracting(s -> s.message().buttons())
                .allSatisfy(b -> assertThat(b.actionId().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64));
    }

    @Test
    void roundsGoAroundEveryoneInJoinOrderAndEachRoundStartsOnePlaceFurther() {
        startWithFour();
        olivia.send("/share next");
        assertThat(texts(posted())).contains("Check-in round").contains("The talking piece is with olivia.")
                .contains("about 2 minutes each");
        olivia.send("/share done");
        alice.send("/share done");
        assertThat(bob.send("/share pass").all()).as("the circle hears it, nothing private").isEmpty();
        List<Sent> passed = posted();
        assertThat(texts(passed)).contains("Thank you, bob. Passing is always fine.").contains("The talking piece is with carol.");
        carol.send("/share done");
        assertThat(texts(posted())).contains("Thank you, carol.").contains("Everyone has had a turn.").contains("Open sharing");

        olivia.send("/share next");
        List<Sent> celebration = posted();
        assertThat(texts(celebration)).contains("Celebration round").contains("The talking piece is with alice.");
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            order.add(live().speaker().name());
            bot.as(live().speaker().name()).inGroup().send("/share done");
        }
        assertThat(order).containsExactly("alice", "bob", "carol", "olivia");
        assertThat(texts(posted())).contains("Closing").contains("Take good care until we meet again.");
        assertThat(store().live(ROOM)).isEmpty();
        assertThat(store().history(BotTester.COMMUNITY, 5)).singleElement()
                .satisfies(s -> assertThat(List.of(s.joined(), s.shares(), s.passes(), s.anonymous())).containsExactly(4, 7, 1, 0));
    }

    @Test
    void someoneWhoJoinsDuringARoundGetsATurnInIt() {
        olivia.send("/share start checkin");
        alice.send("/share join");
        olivia.send("/share next");
        bob.send("/share join");
        olivia.send("/share done");
        alice.send("/share done");
        assertThat(live().speaker().name()).isEqualTo("bob");
        bob.send("/share done");
        assertThat(texts(posted())).as("no circle is planned").contains("Thank you for checking in.").doesNotContain("We meet next");
    }

    @Test
    void doneFromSomeoneNotHoldingThePieceIsKindlyRefusedAndChangesNothing() {
        startWithFour();
        olivia.send("/share next");
        List<Sent> round = posted();
        long version = live().version();

        Replies notHers = alice.send("/share done");
        assertThat(notHers.allPrivate()).isTrue();
        assertThat(notHers.text()).isEqualTo("Only the person holding the talking piece can pass it on, and right now that's olivia. "
                + "Nothing was changed.");
        assertThat(alice.press(last(round, "Done")).text()).contains("right now that's olivia");
        assertThat(alice.press(last(round, "Pass")).text()).contains("right now that's olivia");
        assertThat(live().version()).isEqualTo(version);
        assertThat(live().speaker().name()).isEqualTo("olivia");
        assertThat(posted()).isEmpty();
    }

    @Test
    void aSecondCircleInTheSameChannelIsRefusedWhileAnotherGroupMayStartItsOwn() {
        olivia.send("/share start basic");
        long version = live().version();

        Replies second = olivia.send("/share start checkin");
        assertThat(second.allPrivate()).isTrue();
        assertThat(second.text()).contains("A circle is already running here (Basic peer-support circle, chaired by olivia)")
                .contains("nothing was changed");
        assertThat(live().version()).isEqualTo(version);
        assertThat(live().format()).isEqualTo("basic");

        bot.asOrganiser("olivia").inGroupOf("other").send("/share start checkin");
        assertThat(store().live(new ShareRoom(new CommunityRef(Platform.CONSOLE, "other"),
                new ChannelRef(Platform.CONSOLE, "#other", ChannelRef.Kind.GROUP)))).isPresent();
    }

    @Test
    void aMemberNotInTheCirclePressingButtonsIsKindlyToldAndNothingChanges() {
        startWithFour();
        throughCheckIn();
        alice.send("/share raise");
        List<Sent> sharing = posted();
        long version = live().version();

        for (String label : List.of("Raise hand", "Lower hand", "My place", "Done", "Pass", "With you")) {
            Replies pressed = erin.press(last(sharing, label));
            assertThat(pressed.allPrivate()).as(label).isTrue();
            assertThat(pressed.text()).as(label).startsWith("You're not in the circle yet, so nothing was changed.");
        }
        assertThat(erin.press(last(sharing, "Next step")).text()).as("the chair's button")
                .isEqualTo("Only the chair (or an organiser) moves the circle on with this button. Nothing was changed.");
        assertThat(erin.press(last(sharing, "Call next")).text()).as("the chair's button").startsWith("Only the chair");
        assertThat(live().version()).isEqualTo(version);
        assertThat(posted()).isEmpty();
    }

    @Test
    void aSecondPressOfTheSameNextButtonMovesOnlyOnce() {
        startWithFour();
        throughCheckIn();
        alice.send("/share raise");
        bob.send("/share raise");
        carol.send("/share raise");
        List<Sent> sharing = posted();
        Button callNext = last(sharing, "Call next");

        assertThat(olivia.press(callNext).all()).isEmpty();
        Replies again = olivia.press(callNext);
        assertThat(again.text()).isEqualTo("That turn is already over, so nothing was changed.");
        assertThat(live().speaker().name()).isEqualTo("bob");
        assertThat(posted()).filteredOn(s -> !s.edit()).extracting(Sent::text).filteredOn(t -> t.contains("talking piece is with"))
                .singleElement().asString().contains("The talking piece is with bob.");

        Button nextStep = last(sharing, "Next step");
        olivia.press(nextStep);
        assertThat(olivia.press(nextStep).text()).contains("already moved past that step");
        assertThat(texts(posted())).containsOnlyOnce("Celebration round");
    }

    @Test
    void theChairReordersAndRemovesAndEveryoneCanSeeTheirPlace() {
        startWithFour();
        throughCheckIn();
        olivia.send("/share raise");
        alice.send("/share raise");
        bob.send("/share raise");
        assertThat(carol.send("/share raise").text()).contains("You're number 3 in the queue");
        assertThat(posted()).filteredOn(Sent::edit).last().extracting(Sent::text).asString()
                .contains("The talking piece is with olivia.").contains("Waiting to share: 1. alice  2. bob  3. carol");

        assertThat(olivia.send("/share move carol 1").text()).isEqualTo("Done: carol is now number 1 in the queue.");
        assertThat(carol.send("/share place").text()).isEqualTo("You're number 1 of 3 in the queue.");
        assertThat(alice.send("/share move bob 1").text()).contains("is for the person chairing this meeting");
        assertThat(olivia.send("/share remove @bob").text()).contains("bob is no longer in the queue");
        assertThat(olivia.send("/share move frank 1").text()).contains("I couldn't find “frank” in the circle");
        assertThat(alice.send("/share lower").text()).contains("Your hand is down");
        assertThat(live().queue()).extracting(Person::name).containsExactly("carol");
        assertThat(posted()).filteredOn(Sent::edit).last().extracting(Sent::text).asString().contains("Waiting to share: 1. carol");

        olivia.send("/share done");
        assertThat(live().speaker().name()).isEqualTo("carol");
        carol.send("/share done");
        assertThat(texts(posted())).contains("The floor is open.");
    }

    @Test
    void supportGoesToTheSpeakerWithoutNamesOrCounts() {
        startWithFour();
        throughCheckIn();
        alice.send("/share raise");
        List<Sent> piece = posted();
        assertThat(bob.press(last(piece, "With you")).text()).contains("Sent. alice will hear it");
        carol.press(last(piece, "With you"));
        olivia.press(last(piece, "Sending strength"));
        assertThat(alice.press(last(piece, "Thank you")).text()).contains("for the others while you share");

        alice.send("/share done");
        String thanks = texts(posted());
        assertThat(thanks).contains("Thank you, alice. The circle sends you: we're with you · strength.")
                .doesNotContain("bob").doesNotContain("carol").doesNotContain("2");
        assertThat(live().support()).isZero();
    }

    @Test
    void anAnonymousShareIsPostedWithoutANameAndNeitherItNorItsAuthorIsKept() {
        olivia.send("/share anonymous on");
        startWithFour();
        throughCheckIn();
        List<Sent> circle0 = posted();
        assertThat(last(circle0, "Share without my name").actionId()).startsWith("share.anon:");
        Talk carolAlone = bot.as("carol").inDirect();

        Replies asked = carol.send("/share anon");
        assertThat(asked.allPrivate()).isTrue();
        assertThat(asked.text()).contains("send it to me privately, as your next message");
        assertThat(asked.all().get(0).message().form()).isNotNull();
        String share = "Something I could not say with my name.";
        assertThat(carolAlone.send(share).text()).contains("I posted it in the circle without your name");

        List<Sent> circle = posted();
        assertThat(circle).singleElement().satisfies(s -> {
            assertThat(s.target()).isEqualTo(new Target.Channel(CHANNEL));
            assertThat(s.text()).isEqualTo("Someone in the circle shares, without their name:\n\n" + share);
        });
        assertThat(live().counts().anonymous()).isEqualTo(1);
        assertThat(ShareCodec.write(live())).doesNotContain(share);
        assertThat(store().history(BotTester.COMMUNITY, 1)).isEmpty();

        for (int i = 0; i < 2; i++) {
            carol.press(last(circle0, "Share without my name"));
            carolAlone.send("Again " + i);
        }
        carol.send("/share anon");
        assertThat(carolAlone.send("A fourth").text()).contains("Let's leave some room for others");
        assertThat(texts(posted())).doesNotContain("A fourth");
        bot.clock().advance(ShareFeature.ANON_WINDOW);
        carol.send("/share anon");
        assertThat(carolAlone.send("Later").text()).contains("I posted it");
        assertThat(carolAlone.send("/share anon").text()).as("the command is for the group").contains("works in the group's chat");
    }

    @Test
    void anAnonymousShareWaitsForTheSpeakersTurnToEndAndNeverInterrupts() {
        olivia.send("/share anonymous on");
        startWithFour();
        throughCheckIn();
        alice.send("/share raise");
        posted();
        Talk carolAlone = bot.as("carol").inDirect();
        String share = "Something I could not say with my name.";

        carol.send("/share anon");
        Replies queued = carolAlone.send(share);
        assertThat(queued.allPrivate()).isTrue();
        assertThat(queued.text()).startsWith("Someone is sharing right now, so your words wait in the queue as “an anonymous share” "
                + "(number 1)");
        List<Sent> whileAliceShares = posted();
        assertThat(whileAliceShares).as("nothing is posted while alice holds the piece; only the board changes")
                .allMatch(Sent::edit);
        assertThat(texts(whileAliceShares)).contains("Waiting to share: 1. an anonymous share").doesNotContain(share);
        assertThat(live().waiting()).containsValue(share);
        assertThat(ShareCodec.write(live())).as("the author is never stored").doesNotContain("\"console:carol\"]")
                .contains("anon:");
        assertThat(live().waiting().keySet()).noneMatch(k -> k.contains("carol"));

        bob.send("/share raise");
        assertThat(carol.send("/share status").text()).contains("Waiting: an anonymous share, bob");
        alice.send("/share done");
        String after = texts(posted().stream().filter(sent -> !sent.edit()).toList());
        assertThat(after).contains("Thank you, alice", "Someone in the circle shares, without their name:\n\n" + share,
                "The talking piece is with bob.");
        assertThat(after.indexOf("Thank you, alice")).isLessThan(after.indexOf(share));
        assertThat(after.indexOf(share)).isLessThan(after.indexOf("The talking piece is with bob."));
        assertThat(live().waiting()).isEmpty();
        assertThat(live().counts().anonymous()).isEqualTo(1);

        // the chair calls it: bob's turn ends and the waiting share is posted
        carol.send("/share anon");
        carolAlone.send("A second one.");
        assertThat(texts(posted())).doesNotContain("A second one.");
        olivia.send("/share call");
        assertThat(texts(posted())).contains("A second one.", "The floor is open.");

        // a share still waiting when open sharing ends is posted before the next step, never lost
        olivia.send("/share raise");
        carol.send("/share anon");
        carolAlone.send("A third one.");
        olivia.send("/share next");
        String next = texts(posted());
        assertThat(next).contains("A third one.", "Celebration round");
        assertThat(next.indexOf("A third one.")).isLessThan(next.indexOf("Celebration round"));
        assertThat(live().counts().anonymous()).isEqualTo(3);
        assertThat(live().waiting()).isEmpty();
    }

    @Test
    void askingToShareWithoutANameSaysWhatIsTrueNow() {
        olivia.send("/share anonymous on");
        assertThat(erin.send("/share anon").text()).as("no circle")
                .startsWith("There's no share circle running here right now, so nothing was posted.");
        startWithFour();
        assertThat(erin.send("/share anon").text()).as("a circle runs, erin never joined")
                .startsWith("A circle is running here: join it with /share join");
        assertThat(carol.send("/share anon").text()).as("carol joined, the circle is in its opening")
                .startsWith("Sharing without a name is for open sharing, and the circle is in another part right now.");
        throughCheckIn();
        List<Sent> sharing = posted();
        long version = live().version();
        assertThat(erin.press(last(sharing, "Share without my name")).text()).as("the board's button, erin not in it")
                .startsWith("A circle is running here: join it with /share join");
        assertThat(carol.send("/share anon").all().get(0).message().form()).as("carol in open sharing is asked").isNotNull();
        assertThat(live().version()).isEqualTo(version);
        assertThat(posted()).isEmpty();
    }

    @Test
    void anAnonymousShareWhenTheGroupDoesNotAllowItIsKindlyRefused() {
        startWithFour();
        throughCheckIn();
        List<Sent> sharing = posted();
        assertThat(sharing).flatExtracting(s -> s.message().buttons()).extracting(Button::label)
                .doesNotContain("Share without my name");
        long version = live().version();

        Replies refused = carol.send("/share anon");
        assertThat(refused.allPrivate()).isTrue();
        assertThat(refused.text()).startsWith("This group hasn't turned on sharing without a name, so nothing was posted.");
        assertThat(refused.all().get(0).message().form()).isNull();
        assertThat(bot.as("carol").inDirect().send("Please post this").text()).doesNotContain("posted");
        assertThat(posted()).isEmpty();
        assertThat(live().version()).isEqualTo(version);
    }

    @Test
    void turnTimeBoxesGiveGentleNoticesAndNeverCutAnyoneOff() {
        startWithFour();
        olivia.send("/share next");
        posted();

        bot.advance(Duration.ofSeconds(95));
        assertThat(posted()).isEmpty();
        bot.advance(Duration.ofSeconds(1));
        assertThat(texts(posted())).isEqualTo("olivia, we're nearing the time for each share. No need to rush.");
        bot.advance(Duration.ofSeconds(24));
        assertThat(texts(posted())).contains("olivia, that's the time we set for each share").contains("Nobody will cut you off.");
        bot.advance(Duration.ofMinutes(10));
        assertThat(posted()).as("each notice once").isEmpty();
        assertThat(live().speaker().name()).isEqualTo("olivia");

        olivia.send("/share done");
        bot.advance(Duration.ofMinutes(2));
        assertThat(texts(posted())).contains("alice, that's the time we set");
    }

    @Test
    void whenOpenSharingRunsOutOfTimeTheSpeakerFinishesFirst() {
        startWithFour();
        throughCheckIn();
        alice.send("/share raise");
        bob.send("/share raise");
        posted();

        bot.advance(Duration.ofMinutes(30));
        assertThat(texts(posted())).contains("Our time for this part is up. When alice has finished, we'll move on together.");
        assertThat(live().speaker().name()).isEqualTo("alice");
        alice.send("/share done");
        assertThat(texts(posted())).contains("Thank you, alice.").contains("Celebration round").doesNotContain("with bob");
    }

    @Test
    void theOpeningMovesOnByItselfWhenItsTimeIsUp() {
        startWithFour();
        bot.advance(Duration.ofMinutes(5));
        assertThat(texts(posted())).contains("Our time for this part is up, so let's gently move on.").contains("Check-in round");
    }

    @Test
    void aPauseHoldsTheTimeBoxesUntilTheChairResumes() {
        startWithFour();
        olivia.send("/share next");
        bot.advance(Duration.ofMinutes(1));
        olivia.send("/share pause");
        assertThat(texts(posted())).contains("Let's take a pause.");
        assertThat(olivia.send("/share done").text()).contains("We're on a pause right now");
        bot.advance(Duration.ofMinutes(10));
        assertThat(posted()).isEmpty();

        olivia.send("/share resume");
        assertThat(texts(posted())).contains("Welcome back.");
        bot.advance(Duration.ofSeconds(35));
        assertThat(posted()).isEmpty();
        bot.advance(Duration.ofSeconds(1));
        assertThat(texts(posted())).contains("olivia, we're nearing the time");
    }

    @Test
    void theChairHasFacilitationRightsForThatMeetingOnly() {
        assertThat(alice.send("/share start").text()).contains("is for the person chairing this meeting (or an organiser)");
        alice.send("/share volunteer");
        olivia.send("/share start checkin");
        alice.send("/share join");
        assertThat(alice.send("/share next").text()).contains("is for the person chairing");
        olivia.send("/share end");
        List<Sent> ended = posted();
        assertThat(texts(ended)).contains("alice, would you like to chair our next circle?");

        alice.press(last(ended, "Yes, I'll chair"));
        assertThat(alice.send("/share start checkin").all()).isEmpty();
        assertThat(live().chair().name()).isEqualTo("alice");
        assertThat(store().rotation(ROOM).accepted()).as("used up").isNull();
        bob.send("/share join");
        assertThat(bob.send("/share next").text()).contains("is for the person chairing");
        assertThat(alice.send("/share next").all()).isEmpty();
        alice.send("/share end");
        assertThat(alice.send("/share next").text()).as("the meeting is over, and so are her rights")
                .contains("is for the person chairing");
    }

    @Test
    void theBotAsksVolunteersInAFairRotation() {
        alice.send("/share volunteer");
        bot.clock().advance(Duration.ofMinutes(1));
        bob.send("/share volunteer");
        bot.clock().advance(Duration.ofMinutes(1));
        carol.send("/share volunteer");
        assertThat(carol.send("/share volunteer").text()).contains("already on the list");

        olivia.send("/share start checkin");
        olivia.send("/share end");
        List<Sent> first = posted();
        assertThat(texts(first)).contains("alice, would you like to chair");
        assertThat(bob.press(last(first, "Yes, I'll chair")).text()).isEqualTo("This question is for alice, so I left it alone.");
        Replies declined = alice.press(last(first, "Not this time"));
        assertThat(declined.all()).singleElement().satisfies(r -> assertThat(r.replacesOrigin()).isTrue());
        assertThat(declined.text()).contains("Thank you for letting us know, alice. No problem at all.")
                .contains("bob, would you like to chair");
        assertThat(alice.press(last(first, "Not this time")).text()).contains("already been answered");
        assertThat(bob.press(declined.button("Yes, I'll chair")).text()).contains("Thank you, bob! You'll chair our next circle here.");

        bob.send("/share start checkin");
        bot.clock().advance(Duration.ofMinutes(30));
        bob.send("/share end");
        List<Sent> second = posted();
        assertThat(texts(second)).as("alice has not chaired yet; bob just did").contains("alice, would you like to chair");
        alice.press(last(second, "Yes, I'll chair"));

        alice.send("/share start checkin");
        alice.send("/share end");
        assertThat(texts(posted())).contains("carol, would you like to chair");
    }

    @Test
    void withoutVolunteersTheBotInvitesSomeoneToOffer() {
        olivia.send("/share start checkin");
        olivia.send("/share end");
        assertThat(texts(posted())).contains("Would someone like to chair next time? Send /share volunteer");
        assertThat(alice.send("/share volunteer off").text()).contains("weren't on the list");
    }

    @Test
    void organisersChooseAFormatPerCircleAndRewordItsTexts() {
        olivia.send("/community timezone Europe/Berlin");
        olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00");
        assertThat(olivia.send("/share format tuesday-circle checkin").text()).isEqualTo("Done: Tuesday circle will run as Check-in round.");
        assertThat(olivia.send("/share format nope checkin").text()).contains("I don't know a circle “nope” here")
                .contains("tuesday-circle");
        assertThat(alice.send("/share format tuesday-circle basic").text()).contains("for the group's organisers");
        olivia.send("/wording set share.format.checkin.round *Check-in*\\nOne word for your heart today?");

        olivia.send("/share start");
        assertThat(live().format()).isEqualTo("checkin");
        olivia.send("/share next");
        assertThat(texts(posted())).contains("One word for your heart today?");
        olivia.send("/share done");
        assertThat(texts(posted())).contains("We meet next for Tuesday circle: Tuesday, December 1, 2026, 7:00")
                .contains("(Europe/Berlin)");
        assertThat(alice.send("/share formats").text()).contains("Basic peer-support circle (basic)")
                .contains("opening → round → open sharing → round → closing").contains("Open-sharing meeting (open-sharing)");
    }

    @Test
    void whenACircleEndsOnlyCountsRemain() {
        olivia.send("/share anonymous on");
        startWithFour();
        throughCheckIn();
        alice.send("/share raise");
        bob.send("/share anon");
        bot.as("bob").inDirect().send("A quiet word.");
        bot.clock().advance(Duration.ofMinutes(42));
        olivia.send("/share end");
        assertThat(texts(posted())).contains("Thank you, alice.").contains("Closing");

        assertThat(store().live(ROOM)).isEmpty();
        SessionSummary summary = store().history(BotTester.COMMUNITY, 1).get(0);
        assertThat(summary).isEqualTo(new SessionSummary("basic", BotTester.START, BotTester.START.plus(Duration.ofMinutes(42)),
                4, 5, 0, 1));
        assertThat(ShareCodec.write(summary)).doesNotContain("alice").doesNotContain("quiet");
        assertThat(olivia.send("/share history").text()).contains("Basic peer-support circle, 42 min; 4 joined, 5 shared, 0 passed, 1 without a name");
        assertThat(alice.send("/share history").text()).contains("for the group's organisers");
        assertThat(alice.send("/share status").text()).contains("There's no share circle running here");
    }

    @Test
    void whoeverHoldsThePieceAndLeavesPassesItOn() {
        startWithFour();
        olivia.send("/share next");
        posted();
        assertThat(olivia.send("/share leave").text()).contains("You've left the circle");
        assertThat(texts(posted())).contains("The talking piece moves on.").contains("The talking piece is with alice.");
        assertThat(alice.send("/share status").text()).contains("Chair: olivia").contains("Here: alice, bob, carol")
                .contains("Talking piece: alice").contains("Waiting: bob, carol");
        assertThat(olivia.send("/share next").all()).as("she still chairs").isEmpty();
    }

    @Test
    void aMemberSeesAndErasesWhatTheCircleKeepsAboutThem() {
        alice.send("/share volunteer");
        startWithFour();
        olivia.send("/share next");
        olivia.send("/share done");
        posted();
        Talk aliceAlone = bot.as("alice").inDirect();

        Replies mydata = aliceAlone.send("/mydata");
        String json = new String(mydata.all().get(0).message().attachment().content(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"share-circle\"").contains("\"volunteerToChair\"").contains("\"holdsTalkingPiece\" : true")
                .as("each name kept says what it is for").contains("\"nameShownInCircle\" : \"alice\"", "\"nameUsedToAskYou\" : \"alice\"")
                .doesNotContain("\"name\"");

        aliceAlone.send("/forgetme").press("Yes, erase everything");
        assertThat(texts(posted())).contains("The talking piece moves on.").contains("The talking piece is with bob.");
        assertThat(live().present()).extracting(Person::name).containsExactly("olivia", "bob", "carol");
        assertThat(((InMemoryShareStore) store()).mentions(bot.as("alice").member())).isFalse();
    }
}
