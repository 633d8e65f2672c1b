package org.circlekeeper.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;

/** The rules of a running circle as pure functions: each change yields the next version or changes nothing. */
class RulesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private final ShareFormat basic = ShareFormats.shipped().find("basic").orElseThrow();

    private static Person person(String name) {
        return new Person("console:" + name, name);
    }

    private static MemberRef member(String name) {
        return new MemberRef(Platform.CONSOLE, name, name);
    }

    private ShareSession started(String... joiners) {
        ShareSession circle = Rules.open("m1", basic, person("olivia"), NOW).next();
        for (String name : joiners) {
            circle = ((Change.Moved) Rules.join(circle, basic, person(name), NOW)).next();
        }
        return circle;
    }

    private ShareSession moved(Change change) {
        assertThat(change).isInstanceOf(Change.Moved.class);
        return ((Change.Moved) change).next();
    }

    @Test
    void eachRoundStartsOnePlaceFurtherInJoinOrder() {
        List<Person> present = List.of(person("a"), person("b"), person("c"));
        assertThat(Rules.rotated(present, 0)).extracting(Person::name).containsExactly("a", "b", "c");
        assertThat(Rules.rotated(present, 1)).extracting(Person::name).containsExactly("b", "c", "a");
        assertThat(Rules.rotated(present, 4)).extracting(Person::name).containsExactly("b", "c", "a");
        assertThat(Rules.rotated(List.of(), 3)).isEmpty();
    }

    @Test
    void aSessionInAPlaceStartsWithThoseInItTheChairFirstWhenThereAndEachOnce() {
        Change.Moved opened = Rules.openInPlace("m2", basic, person("olivia"),
                List.of(person("alice"), person("olivia"), person("bob"), person("alice")), NOW);
        assertThat(opened.next().present()).extracting(Person::name).containsExactly("olivia", "alice", "bob");
        assertThat(opened.next().counts().joined()).isEqualTo(3);
        assertThat(opened.events()).containsSubsequence(new Event.Started(person("olivia")), new Event.FollowsPlace(3));

        ShareSession away = Rules.openInPlace("m3", basic, person("olivia"), List.of(person("bob")), NOW).next();
        assertThat(away.present()).extracting(Person::name).containsExactly("bob");
        assertThat(away.chairedBy(member("olivia"))).as("the chair chairs from the text chat").isTrue();
        ShareSession round = moved(Rules.nextStep(away, basic, 0, NOW));
        assertThat(round.speaker().name()).as("the round is those in the place").isEqualTo("bob");
    }

    @Test
    void attendanceCountsPeopleNotArrivals() {
        ShareSession circle = Rules.openInPlace("m4", basic, person("olivia"), List.of(person("olivia"), person("alice")), NOW).next();
        assertThat(circle.counts().joined()).isEqualTo(2);
        ShareSession away = moved(Rules.leave(circle, basic, member("alice"), false, NOW));
        assertThat(away.left()).as("kept only while the session runs, as a key").containsExactly("console:alice");
        ShareSession back = moved(Rules.join(away, basic, person("alice"), NOW));
        assertThat(back.counts().joined()).as("alice came back: still two people").isEqualTo(2);
        assertThat(back.left()).isEmpty();
        ShareSession again = moved(Rules.join(moved(Rules.leave(back, basic, member("alice"), false, NOW)), basic, person("alice"), NOW));
        assertThat(again.counts().joined()).as("however often she comes back").isEqualTo(2);
        ShareSession bob = moved(Rules.join(again, basic, person("bob"), NOW));
        assertThat(bob.counts().joined()).as("someone new is one more").isEqualTo(3);

        ShareSession chairLeft = moved(Rules.leave(started(), basic, member("olivia"), false, NOW));
        assertThat(moved(Rules.join(chairLeft, basic, person("olivia"), NOW)).counts().joined())
                .as("the chair who left and came back by a typed join").isEqualTo(1);
    }

    @Test
    void anErasureTakesTheMemberOutOfWhoLeftAndKeepsTheCount() {
        ShareSession away = moved(Rules.leave(started("alice"), basic, member("alice"), false, NOW));
        assertThat(away.left()).containsExactly("console:alice");
        ShareSession erased = moved(Rules.leave(away, basic, member("alice"), true, NOW));
        assertThat(erased.left()).isEmpty();
        assertThat(erased.counts().joined()).as("a count is no one's data").isEqualTo(2);
        assertThat(Rules.leave(erased, basic, member("alice"), true, NOW)).as("nothing more of hers to erase")
                .isEqualTo(Change.quietly());

        ShareSession present = moved(Rules.leave(moved(Rules.join(away, basic, person("bob"), NOW)), basic, member("bob"), true, NOW));
        assertThat(present.left()).as("an erasure is not a departure to remember").containsExactly("console:alice");
    }

    @Test
    void everyChangeIsTheNextVersionAndARefusalIsNone() {
        ShareSession circle = started("alice");
        assertThat(circle.version()).isEqualTo(2);
        ShareSession round = moved(Rules.nextStep(circle, basic, 0, NOW));
        assertThat(round.version()).isEqualTo(3);
        assertThat(Rules.nextStep(round, basic, 0, NOW)).isInstanceOf(Change.Stay.class);
        assertThat(Rules.finishTurn(round, basic, member("alice"), null, false, NOW)).isInstanceOf(Change.Stay.class);
        assertThat(round.speaker().name()).isEqualTo("olivia");
        Change stale = Rules.finishTurn(round, basic, member("olivia"), round.turn() - 1, false, NOW);
        assertThat(((Change.Stay) stale).note().key()).isEqualTo(ShareMessages.TURN_GONE);
    }

    @Test
    void theChairMovesSomeoneToAPlaceWithinTheQueue() {
        ShareSession circle = moved(Rules.nextStep(started("alice", "bob", "carol"), basic, 0, NOW));
        assertThat(circle.queue()).extracting(Person::name).containsExactly("alice", "bob", "carol");
        ShareSession moved = moved(Rules.move(circle, "CAROL", 1));
        assertThat(moved.queue()).extracting(Person::name).containsExactly("carol", "alice", "bob");
        assertThat(moved(Rules.move(moved, "carol", 99)).queue()).extracting(Person::name).containsExactly("alice", "bob", "carol");
        assertThat(Rules.find(circle, "<@bob>")).map(Person::name).contains("bob");
    }

    @Test
    void handsRaisedDuringAPauseOnAnOpenFloorGetThePieceOnResume() {
        ShareSession round = moved(Rules.nextStep(started("alice", "bob"), basic, 0, NOW));
        ShareSession open = moved(Rules.nextStep(round, basic, 1, NOW));
        ShareSession paused = moved(Rules.pause(open, NOW));
        ShareSession raised = moved(Rules.raise(paused, basic, member("bob"), NOW));
        assertThat(raised.speaker()).isNull();
        assertThat(raised.queue()).extracting(Person::name).containsExactly("bob");

        ShareSession resumed = moved(Rules.resume(raised, basic, NOW.plusSeconds(60)));
        assertThat(resumed.speaker().name()).isEqualTo("bob");
        assertThat(resumed.queue()).isEmpty();
        assertThat(resumed.pauses()).isEqualTo(1);
        assertThat(resumed.stepStartedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aShareWithoutANameIsRefusedForWhatIsTrue() {
        ShareSession opening = started("alice");
        assertThat(((Change.Stay) Rules.anonymous(opening, basic, member("erin"), "words")).note().key())
                .isEqualTo(ShareMessages.ANON_NOT_JOINED);
        assertThat(((Change.Stay) Rules.anonymous(opening, basic, member("alice"), "words")).note().key())
                .isEqualTo(ShareMessages.ANON_NOT_OPEN);
    }

    @Test
    void aShareWithoutANameIsPostedAtOnceOnlyWhenNobodyHoldsThePieceElseItWaitsItsTurn() {
        ShareSession round = moved(Rules.nextStep(started("alice", "bob"), basic, 0, NOW));
        ShareSession open = moved(Rules.nextStep(round, basic, 1, NOW));
        Change.Moved atOnce = (Change.Moved) Rules.anonymous(open, basic, member("bob"), "now");
        assertThat(atOnce.events()).containsExactly(new Event.AnonymousShare("now"));
        assertThat(atOnce.next().counts().anonymous()).isEqualTo(1);

        ShareSession speaking = moved(Rules.raise(open, basic, member("alice"), NOW));
        Change.Moved queued = (Change.Moved) Rules.anonymous(speaking, basic, member("bob"), "later");
        assertThat(queued.events()).containsExactly(new Event.BoardChanged());
        assertThat(queued.ack().key()).isEqualTo(ShareMessages.ANON_QUEUED);
        ShareSession waiting = queued.next();
        assertThat(waiting.queue()).singleElement().satisfies(p -> assertThat(p.anonymousShare()).isTrue());
        assertThat(waiting.waiting()).containsExactly(Map.entry(waiting.queue().get(0).key(), "later"));
        assertThat(waiting.counts().anonymous()).isZero();
        assertThat(Rules.find(waiting, waiting.queue().get(0).userId())).as("the chair cannot pick a share out").isEmpty();

        Change.Moved done = (Change.Moved) Rules.finishTurn(waiting, basic, member("alice"), null, false, NOW);
        assertThat(done.events()).containsSubsequence(new Event.AnonymousShare("later"), new Event.FloorOpen());
        assertThat(done.next().waiting()).isEmpty();
        assertThat(done.next().queue()).isEmpty();
        assertThat(done.next().counts().anonymous()).isEqualTo(1);

        ShareSession paused = moved(Rules.pause(open, NOW));
        ShareSession waitsOnPause = ((Change.Moved) Rules.anonymous(paused, basic, member("bob"), "after the pause")).next();
        assertThat(waitsOnPause.waiting()).hasSize(1);
        Change.Moved resumed = (Change.Moved) Rules.resume(waitsOnPause, basic, NOW);
        assertThat(resumed.events()).contains(new Event.AnonymousShare("after the pause"));
        assertThat(resumed.next().speaker()).isNull();

        Change.Moved ended = Rules.end(waiting, basic, NOW);
        assertThat(ended.events()).containsSubsequence(new Event.AnonymousShare("later"), new Event.StepBegan(basic.closing()));
    }

    @Test
    void supportKeepsOnlyWhichKindsWereSent() {
        ShareSession round = moved(Rules.nextStep(started("alice", "bob"), basic, 0, NOW));
        ShareSession supported = moved(Rules.support(round, member("alice"), round.turn(), Encouragement.STRENGTH));
        assertThat(Rules.support(supported, member("bob"), round.turn(), Encouragement.STRENGTH)).isInstanceOf(Change.Stay.class);
        assertThat(Encouragement.of(supported.support())).containsExactly(Encouragement.STRENGTH);
    }
}
