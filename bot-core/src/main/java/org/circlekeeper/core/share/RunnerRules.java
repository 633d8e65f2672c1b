package org.circlekeeper.core.share;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules {@link Sessions} applies by itself, when no person acted: it remembers the message of a step's board, and
 * a step's or a turn's time box ran out. Pure functions like {@link Rules}; a time box planned for a moment that has
 * passed (the piece moved on, a pause came) changes nothing.
 */
final class RunnerRules {

    private RunnerRules() {
    }

    /** Remembers the platform id of the message of a step, if the session is still at that step. */
    static Change board(ShareSession c, int step, String messageId) {
        if (c.step() != step || messageId.equals(c.board())) {
            return Change.quietly();
        }
        ShareSession.Draft d = c.draft();
        d.board = messageId;
        return new Change.Moved(d.build(), List.of(), null, false);
    }

    /** A turn's time box: {@code bit} 1 is "nearly time", 2 is "time"; each goes out once, and never cuts anyone off. */
    static Change turnNotice(ShareSession c, int turn, int pauses, int bit) {
        if (c.turn() != turn || c.pauses() != pauses || c.onPause() || c.speaker() == null || (c.notices() & bit) != 0) {
            return Change.quietly();
        }
        ShareSession.Draft d = c.draft();
        d.notices |= bit;
        Event event = bit == 1 ? new Event.TurnNear(c.speaker()) : new Event.TurnOver(c.speaker());
        return new Change.Moved(d.build(), List.of(event), null, false);
    }

    /** A step's time box: move on now, or once the person holding the piece passes it. */
    static Change stepTime(ShareSession c, ShareFormat f, int step, int pauses, Instant now) {
        if (c.step() != step || c.pauses() != pauses || c.onPause() || c.stepTimeUp()) {
            return Change.quietly();
        }
        ShareSession.Draft d = c.draft();
        List<Event> events = new ArrayList<>();
        events.add(new Event.StepTimeUp(c.speaker()));
        if (c.speaker() != null) {
            d.stepTimeUp = true;
            return new Change.Moved(d.build(), events, null, false);
        }
        boolean ends = TalkingPiece.begin(d, f, step + 1, now, events);
        return new Change.Moved(d.build(), events, null, ends);
    }
}
