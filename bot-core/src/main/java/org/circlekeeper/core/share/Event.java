package org.circlekeeper.core.share;

/** Something the session should hear about after a change was stored: a step began, the talking piece moved. */
sealed interface Event {

    /** The session started with this chair; said before the first step. */
    record Started(Person chair) implements Event {
    }

    /** The session follows who is in its meeting place (a voice channel); {@code present} are there as it starts. */
    record FollowsPlace(int present) implements Event {
    }

    /** A step began (the closing too, which ends the session). */
    record StepBegan(int step) implements Event {
    }

    /** The talking piece went to this person. */
    record PieceTo(Person speaker) implements Event {
    }

    /** This person's turn ended: they shared (done) or passed; {@code support} are the kinds the others sent. */
    record TurnEnded(Person speaker, boolean passed, int support) implements Event {
    }

    /** Everyone in the round had a turn. */
    record RoundComplete() implements Event {
    }

    /** Nobody holds the piece in open sharing and nobody waits: anyone may raise a hand. */
    record FloorOpen() implements Event {
    }

    /** The person holding the piece left (or erased their data); the piece moves on. */
    record SpeakerLeft() implements Event {
    }

    /** Who is here or who waits changed: the step's message is edited. */
    record BoardChanged() implements Event {
    }

    /** A share without a name, to post as it is; it is never stored, and its author is not known here. */
    record AnonymousShare(String text) implements Event {
    }

    record Paused() implements Event {
    }

    record Resumed() implements Event {
    }

    /** The speaker's turn is nearly at its time box. */
    record TurnNear(Person speaker) implements Event {
    }

    /** The speaker's turn reached its time box; nobody is cut off. */
    record TurnOver(Person speaker) implements Event {
    }

    /** The step's time box ran out; {@code speaker} finishes first when there is one. */
    record StepTimeUp(Person speaker) implements Event {
    }
}
