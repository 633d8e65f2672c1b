package org.circlekeeper.core.share;

import java.time.Instant;
import java.util.List;
import org.circlekeeper.core.share.ShareFormat.Kind;

/**
 * How the steps and the talking piece move on while a rule computes the next version of a session: a step begins,
 * a turn ends, the piece goes to the next in the round or the queue, and shares without a name that waited are
 * posted. Used by {@link Rules} and {@link RunnerRules}; like them, it reads no store and no clock.
 */
final class TalkingPiece {

    private TalkingPiece() {
    }

    /** In open sharing, a turn that ended without the step changing changes the board (who holds the piece, who waits). */
    static void boardChangesInOpenSharing(ShareSession before, ShareFormat f, ShareSession.Draft d, List<Event> events) {
        if (d.step == before.step() && f.step(d.step).kind() == Kind.OPEN) {
            events.add(new Event.BoardChanged());
        }
    }

    /** Begins a step: the turn of whoever held the piece ends, and a round hands the piece to its first person. */
    static boolean begin(ShareSession.Draft d, ShareFormat f, int index, Instant now, List<Event> events) {
        endTurn(d, false, events);
        postAllWaiting(d, events);
        d.step = index;
        d.stepStartedAt = now;
        d.queue.clear();
        d.stepTimeUp = false;
        d.board = null;
        d.turn++;
        ShareFormat.Step step = f.step(index);
        events.add(new Event.StepBegan(index));
        if (step.kind() == Kind.ROUND) {
            d.queue.addAll(Rules.rotated(d.present, d.rounds));
            d.rounds++;
            if (!d.queue.isEmpty()) {
                give(d, d.queue.remove(0), now, events);
            }
        }
        return step.kind() == Kind.CLOSING;
    }

    /** After a turn ended: the next in the round or in the queue gets the piece, or the step moves on. */
    static boolean moveOn(ShareSession.Draft d, ShareFormat f, Instant now, List<Event> events) {
        Kind kind = f.step(d.step).kind();
        if (kind == Kind.ROUND) {
            if (!d.queue.isEmpty()) {
                give(d, d.queue.remove(0), now, events);
                return false;
            }
            events.add(new Event.RoundComplete());
            return begin(d, f, d.step + 1, now, events);
        }
        if (kind == Kind.OPEN) {
            if (d.stepTimeUp) {
                return begin(d, f, d.step + 1, now, events);
            }
            postWaiting(d, events);
            if (!d.queue.isEmpty()) {
                give(d, d.queue.remove(0), now, events);
            } else {
                d.turn++;
                events.add(new Event.FloorOpen());
            }
        }
        return false;
    }

    /** Posts the shares without a name at the head of the queue, in order, up to the first person waiting. */
    static void postWaiting(ShareSession.Draft d, List<Event> events) {
        while (!d.queue.isEmpty() && d.queue.get(0).anonymousShare()) {
            post(d, d.queue.remove(0), events);
        }
    }

    /** Posts every share without a name still waiting, in queue order: their step ends, and none is lost. */
    static void postAllWaiting(ShareSession.Draft d, List<Event> events) {
        for (Person waiting : List.copyOf(d.queue)) {
            if (waiting.anonymousShare()) {
                d.queue.remove(waiting);
                post(d, waiting, events);
            }
        }
    }

    private static void post(ShareSession.Draft d, Person waiting, List<Event> events) {
        String text = d.waiting.remove(waiting.key());
        if (text != null) {
            d.anonymous++;
            events.add(new Event.AnonymousShare(text));
        }
    }

    static void give(ShareSession.Draft d, Person person, Instant now, List<Event> events) {
        d.speaker = person;
        d.turn++;
        d.turnStartedAt = now;
        d.support = 0;
        d.notices = 0;
        events.add(new Event.PieceTo(person));
    }

    static void endTurn(ShareSession.Draft d, boolean passed, List<Event> events) {
        if (d.speaker == null) {
            return;
        }
        if (passed) {
            d.passes++;
        } else {
            d.shares++;
        }
        events.add(new Event.TurnEnded(d.speaker, passed, d.support));
        d.speaker = null;
        d.turnStartedAt = null;
        d.support = 0;
        d.notices = 0;
    }
}
