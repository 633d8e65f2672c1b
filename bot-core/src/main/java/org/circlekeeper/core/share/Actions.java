package org.circlekeeper.core.share;

/**
 * The ids of the share circle's buttons. Each button carries its state after a colon: the session id,
 * and for a turn's or a step's buttons the turn or step it was made for, so that a second press of
 * the same button (or a press on another replica) finds that turn over and changes nothing.
 */
final class Actions {

    /** {@code share.join:<session>}: I'm here. */
    static final String JOIN = "share.join";
    /** {@code share.step:<session>:<step>}: the chair's next step. */
    static final String STEP = "share.step";
    /** {@code share.raise:<session>}, {@code share.lower:<session>}, {@code share.place:<session>}: the queue. */
    static final String RAISE = "share.raise";
    static final String LOWER = "share.lower";
    static final String PLACE = "share.place";
    /** {@code share.anon:<session>}: asks for a share without a name. */
    static final String ANON = "share.anon";
    /** {@code share.done:<session>:<turn>} and {@code share.pass:<session>:<turn>}: the holder passes the piece on. */
    static final String DONE = "share.done";
    static final String PASS = "share.pass";
    /** {@code share.call:<session>:<turn>}: the chair moves the piece to the next person. */
    static final String CALL = "share.call";
    /** {@code share.support:<session>:<turn>:<kind>}: a kind of support for the speaker. */
    static final String SUPPORT = "share.support";
    /** {@code share.accept:<round>} and {@code share.decline:<round>}: the answer to "would you chair next time?". */
    static final String ACCEPT = "share.accept";
    static final String DECLINE = "share.decline";

    private Actions() {
    }
}
