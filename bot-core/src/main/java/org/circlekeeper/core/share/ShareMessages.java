package org.circlekeeper.core.share;

import java.util.List;
import org.circlekeeper.core.ref.MessageKey;

/** The share circle's messages and command descriptions ({@code templates/messages/<lang>/share.yml}). */
final class ShareMessages {

    // ---- commands ----
    static final MessageKey CMD_SHARE = MessageKey.of("cmd.share");
    static final MessageKey CMD_START = MessageKey.of("cmd.share.start");
    static final MessageKey CMD_JOIN = MessageKey.of("cmd.share.join");
    static final MessageKey CMD_LEAVE = MessageKey.of("cmd.share.leave");
    static final MessageKey CMD_RAISE = MessageKey.of("cmd.share.raise");
    static final MessageKey CMD_LOWER = MessageKey.of("cmd.share.lower");
    static final MessageKey CMD_PLACE = MessageKey.of("cmd.share.place");
    static final MessageKey CMD_DONE = MessageKey.of("cmd.share.done");
    static final MessageKey CMD_PASS = MessageKey.of("cmd.share.pass");
    static final MessageKey CMD_CALL = MessageKey.of("cmd.share.call");
    static final MessageKey CMD_NEXT = MessageKey.of("cmd.share.next");
    static final MessageKey CMD_MOVE = MessageKey.of("cmd.share.move");
    static final MessageKey CMD_MOVE_EXAMPLE = MessageKey.of("cmd.share.move.example");
    static final MessageKey CMD_REMOVE = MessageKey.of("cmd.share.remove");
    static final MessageKey CMD_PAUSE = MessageKey.of("cmd.share.pause");
    static final MessageKey CMD_RESUME = MessageKey.of("cmd.share.resume");
    static final MessageKey CMD_END = MessageKey.of("cmd.share.end");
    static final MessageKey CMD_STATUS = MessageKey.of("cmd.share.status");
    static final MessageKey CMD_ANON = MessageKey.of("cmd.share.anon");
    static final MessageKey CMD_VOLUNTEER = MessageKey.of("cmd.share.volunteer");
    static final MessageKey CMD_FORMATS = MessageKey.of("cmd.share.formats");
    static final MessageKey CMD_FORMAT = MessageKey.of("cmd.share.format");
    static final MessageKey CMD_FORMAT_EXAMPLE = MessageKey.of("cmd.share.format.example");
    static final MessageKey CMD_ANONYMOUS = MessageKey.of("cmd.share.anonymous");
    static final MessageKey CMD_HISTORY = MessageKey.of("cmd.share.history");
    static final MessageKey OPT_FORMAT = MessageKey.of("opt.share.format");
    static final MessageKey OPT_NAME = MessageKey.of("opt.share.name");
    static final MessageKey OPT_POSITION = MessageKey.of("opt.share.position");
    /** The scheduled circle whose sessions a format is chosen for. */
    static final MessageKey OPT_CIRCLE = MessageKey.of("opt.share.circle");
    static final MessageKey OPT_SWITCH = MessageKey.of("opt.share.switch");
    static final MessageKey OPT_VOLUNTEER = MessageKey.of("opt.share.volunteer");

    // ---- what the session hears ----
    /** The group's agreements, read in every opening; organisers put their own with /wording. */
    static final MessageKey AGREEMENTS = MessageKey.of("share.agreements");
    static final MessageKey STARTED = MessageKey.of("share.started", "format", "chair");
    static final MessageKey BOARD_PRESENT = MessageKey.of("share.board.present", "names");
    static final MessageKey BOARD_NOBODY = MessageKey.of("share.board.nobody");
    static final MessageKey BOARD_SPEAKER = MessageKey.of("share.board.speaker", "name");
    static final MessageKey BOARD_QUEUE = MessageKey.of("share.board.queue", "queue");
    static final MessageKey BOARD_QUEUE_EMPTY = MessageKey.of("share.board.queue-empty");
    static final MessageKey BOARD_ANONYMOUS = MessageKey.of("share.board.anonymous");
    static final MessageKey BOARD_PAUSED = MessageKey.of("share.board.paused");
    static final MessageKey PIECE = MessageKey.of("share.piece", "name", "minutes");
    static final MessageKey THANKS = MessageKey.of("share.thanks", "name");
    static final MessageKey THANKS_PASSED = MessageKey.of("share.thanks.passed", "name");
    static final MessageKey THANKS_SUPPORT = MessageKey.of("share.thanks.support", "kinds");
    static final MessageKey ROUND_COMPLETE = MessageKey.of("share.round.complete");
    static final MessageKey FLOOR_OPEN = MessageKey.of("share.floor.open");
    static final MessageKey SPEAKER_LEFT = MessageKey.of("share.speaker-left");
    static final MessageKey PAUSED = MessageKey.of("share.paused");
    static final MessageKey RESUMED = MessageKey.of("share.resumed");
    static final MessageKey TURN_NEAR = MessageKey.of("share.turn.near", "name");
    static final MessageKey TURN_OVER = MessageKey.of("share.turn.over", "name");
    static final MessageKey STEP_TIME_UP = MessageKey.of("share.step.time-up");
    static final MessageKey STEP_TIME_UP_SPEAKER = MessageKey.of("share.step.time-up.speaker", "name");
    static final MessageKey ANON_POST = MessageKey.of("share.anon.post", "text");
    static final MessageKey CHAIR_PROPOSE = MessageKey.of("share.chair.propose", "name");
    static final MessageKey CHAIR_ACCEPTED = MessageKey.of("share.chair.accepted", "name");
    static final MessageKey CHAIR_DECLINED = MessageKey.of("share.chair.declined", "name");
    static final MessageKey CHAIR_NOBODY = MessageKey.of("share.chair.nobody");
    static final MessageKey SUPPORT_WITH_YOU = MessageKey.of("share.support.with-you");
    static final MessageKey SUPPORT_THANK_YOU = MessageKey.of("share.support.thank-you");
    static final MessageKey SUPPORT_STRENGTH = MessageKey.of("share.support.strength");
    static final MessageKey WHEN = MessageKey.of("share.when", "date", "time", "zone");

    // ---- buttons ----
    static final MessageKey BUTTON_JOIN = MessageKey.of("share.button.join");
    static final MessageKey BUTTON_NEXT_STEP = MessageKey.of("share.button.next-step");
    static final MessageKey BUTTON_RAISE = MessageKey.of("share.button.raise");
    static final MessageKey BUTTON_LOWER = MessageKey.of("share.button.lower");
    static final MessageKey BUTTON_PLACE = MessageKey.of("share.button.place");
    static final MessageKey BUTTON_ANON = MessageKey.of("share.button.anon");
    static final MessageKey BUTTON_DONE = MessageKey.of("share.button.done");
    static final MessageKey BUTTON_PASS = MessageKey.of("share.button.pass");
    static final MessageKey BUTTON_CALL = MessageKey.of("share.button.call");
    static final MessageKey BUTTON_WITH_YOU = MessageKey.of("share.button.with-you");
    static final MessageKey BUTTON_THANK_YOU = MessageKey.of("share.button.thank-you");
    static final MessageKey BUTTON_STRENGTH = MessageKey.of("share.button.strength");
    static final MessageKey BUTTON_ACCEPT = MessageKey.of("share.button.accept");
    static final MessageKey BUTTON_DECLINE = MessageKey.of("share.button.decline");

    // ---- private words ----
    static final MessageKey JOINED = MessageKey.of("share.joined", "name");
    static final MessageKey ALREADY_HERE = MessageKey.of("share.already-here");
    static final MessageKey LEFT = MessageKey.of("share.left");
    /** The member is not in the session (the key keeps its old name: translations and overrides use it). */
    static final MessageKey NOT_IN_SESSION = MessageKey.of("share.not-in-circle");
    static final MessageKey NOT_RUNNING = MessageKey.of("share.not-running");
    static final MessageKey ENDED_ALREADY = MessageKey.of("share.ended-already");
    static final MessageKey ALREADY_RUNNING = MessageKey.of("share.already-running", "format", "chair");
    static final MessageKey NOT_OPEN = MessageKey.of("share.not-open");
    static final MessageKey HAND_RAISED = MessageKey.of("share.hand.raised", "position");
    static final MessageKey HAND_ALREADY = MessageKey.of("share.hand.already", "position");
    static final MessageKey HAND_SPEAKING = MessageKey.of("share.hand.speaking");
    static final MessageKey HAND_LOWERED = MessageKey.of("share.hand.lowered");
    static final MessageKey HAND_NOT_RAISED = MessageKey.of("share.hand.not-raised");
    static final MessageKey PLACE = MessageKey.of("share.place", "position", "count");
    static final MessageKey PLACE_NONE = MessageKey.of("share.place.none");
    static final MessageKey NOT_HOLDER = MessageKey.of("share.not-holder", "name");
    static final MessageKey NOT_HOLDER_NOBODY = MessageKey.of("share.not-holder.nobody");
    static final MessageKey TURN_GONE = MessageKey.of("share.turn-gone");
    static final MessageKey STEP_GONE = MessageKey.of("share.step-gone");
    static final MessageKey ON_PAUSE = MessageKey.of("share.on-pause");
    static final MessageKey ALREADY_PAUSED = MessageKey.of("share.already-paused");
    static final MessageKey NOT_PAUSED = MessageKey.of("share.not-paused");
    static final MessageKey NO_TURNS = MessageKey.of("share.no-turns");
    static final MessageKey QUEUE_EMPTY = MessageKey.of("share.queue-empty");
    static final MessageKey MOVED = MessageKey.of("share.moved", "name", "position");
    static final MessageKey REMOVED = MessageKey.of("share.removed", "name");
    static final MessageKey REMOVE_SPEAKER = MessageKey.of("share.remove-speaker", "name");
    static final MessageKey NOT_QUEUED = MessageKey.of("share.not-queued", "name");
    static final MessageKey UNKNOWN_PERSON = MessageKey.of("share.unknown-person", "given", "names");
    static final MessageKey SUPPORT_SENT = MessageKey.of("share.support.sent", "name");
    static final MessageKey SUPPORT_SELF = MessageKey.of("share.support.self");
    static final MessageKey BUSY = MessageKey.of("share.busy");
    static final MessageKey STATUS = MessageKey.of("share.status", "format", "step", "steps", "chair", "present", "speaker",
            "queue", "paused", "minutes");
    static final MessageKey ANON_ASK = MessageKey.of("share.anon.ask");
    static final MessageKey ANON_TITLE = MessageKey.of("share.anon.title");
    static final MessageKey ANON_FIELD = MessageKey.of("share.anon.field");
    static final MessageKey ANON_POSTED = MessageKey.of("share.anon.posted");
    /** Someone holds the talking piece: the share waits in the queue, number {@code position}. */
    static final MessageKey ANON_QUEUED = MessageKey.of("share.anon.queued", "position");
    /** How a share without a name is listed in the queue. */
    static final MessageKey QUEUE_ANONYMOUS = MessageKey.of("share.queue.anonymous");
    static final MessageKey ANON_NOT_ALLOWED = MessageKey.of("share.anon.not-allowed");
    /** No session runs in the channel (the key keeps its old name: translations and overrides use it). */
    static final MessageKey ANON_NO_SESSION = MessageKey.of("share.anon.no-circle");
    /** A session runs in the channel, and the member has not joined it. */
    static final MessageKey ANON_NOT_JOINED = MessageKey.of("share.anon.not-joined");
    /** The member is in the session, and it is not in open sharing. */
    static final MessageKey ANON_NOT_OPEN = MessageKey.of("share.anon.not-open");
    /** The share came back after its session ended, or after the member left it. */
    static final MessageKey ANON_GONE = MessageKey.of("share.anon.gone");
    static final MessageKey ANON_TOO_MANY = MessageKey.of("share.anon.too-many");
    static final MessageKey ANON_EMPTY = MessageKey.of("share.anon.empty", "max");
    static final MessageKey VOLUNTEERED = MessageKey.of("share.volunteer.added", "name");
    static final MessageKey VOLUNTEER_ALREADY = MessageKey.of("share.volunteer.already");
    static final MessageKey VOLUNTEER_OFF = MessageKey.of("share.volunteer.off");
    static final MessageKey VOLUNTEER_NOT = MessageKey.of("share.volunteer.not");
    static final MessageKey CHAIR_NOT_YOU = MessageKey.of("share.chair.not-you", "name");
    static final MessageKey CHAIR_STALE = MessageKey.of("share.chair.stale");
    static final MessageKey FORMATS = MessageKey.of("share.formats", "formats", "formats.id", "formats.name", "formats.about",
            "formats.steps");
    static final MessageKey FORMAT_SET = MessageKey.of("share.format.set", "circle", "format");
    static final MessageKey FORMAT_UNKNOWN_CIRCLE = MessageKey.of("share.format.unknown-circle", "given", "ids");
    static final MessageKey ANONYMOUS_ON = MessageKey.of("share.anonymous.on");
    static final MessageKey ANONYMOUS_OFF = MessageKey.of("share.anonymous.off");
    static final MessageKey HISTORY = MessageKey.of("share.history", "meetings", "meetings.date", "meetings.format", "meetings.minutes",
            "meetings.joined", "meetings.shares", "meetings.passes", "meetings.anonymous");
    static final MessageKey HISTORY_NONE = MessageKey.of("share.history.none");
    static final MessageKey STEP_OPENING = MessageKey.of("share.step-name.opening");
    static final MessageKey STEP_ROUND = MessageKey.of("share.step-name.round");
    static final MessageKey STEP_OPEN = MessageKey.of("share.step-name.open");
    static final MessageKey STEP_CLOSING = MessageKey.of("share.step-name.closing");

    static final List<MessageKey> ALL = List.of(AGREEMENTS, STARTED, BOARD_PRESENT, BOARD_NOBODY, BOARD_SPEAKER, BOARD_QUEUE,
            BOARD_QUEUE_EMPTY, BOARD_ANONYMOUS, BOARD_PAUSED, PIECE, THANKS, THANKS_PASSED, THANKS_SUPPORT, ROUND_COMPLETE,
            FLOOR_OPEN, SPEAKER_LEFT, PAUSED, RESUMED, TURN_NEAR, TURN_OVER, STEP_TIME_UP, STEP_TIME_UP_SPEAKER, ANON_POST,
            CHAIR_PROPOSE, CHAIR_ACCEPTED, CHAIR_DECLINED, CHAIR_NOBODY, SUPPORT_WITH_YOU, SUPPORT_THANK_YOU, SUPPORT_STRENGTH,
            WHEN, BUTTON_JOIN, BUTTON_NEXT_STEP, BUTTON_RAISE, BUTTON_LOWER, BUTTON_PLACE, BUTTON_ANON, BUTTON_DONE,
            BUTTON_PASS, BUTTON_CALL, BUTTON_WITH_YOU, BUTTON_THANK_YOU, BUTTON_STRENGTH, BUTTON_ACCEPT, BUTTON_DECLINE,
            JOINED, ALREADY_HERE, LEFT, NOT_IN_SESSION, NOT_RUNNING, ENDED_ALREADY, ALREADY_RUNNING, NOT_OPEN, HAND_RAISED,
            HAND_ALREADY, HAND_SPEAKING, HAND_LOWERED, HAND_NOT_RAISED, PLACE, PLACE_NONE, NOT_HOLDER, NOT_HOLDER_NOBODY,
            TURN_GONE, STEP_GONE, ON_PAUSE, ALREADY_PAUSED, NOT_PAUSED, NO_TURNS, QUEUE_EMPTY, MOVED, REMOVED,
            REMOVE_SPEAKER, NOT_QUEUED, UNKNOWN_PERSON, SUPPORT_SENT, SUPPORT_SELF, BUSY, STATUS, ANON_ASK, ANON_TITLE,
            ANON_FIELD, ANON_POSTED, ANON_QUEUED, QUEUE_ANONYMOUS, ANON_NOT_ALLOWED, ANON_NO_SESSION, ANON_NOT_JOINED, ANON_NOT_OPEN, ANON_GONE, ANON_TOO_MANY, ANON_EMPTY, VOLUNTEERED,
            VOLUNTEER_ALREADY, VOLUNTEER_OFF, VOLUNTEER_NOT, CHAIR_NOT_YOU, CHAIR_STALE, FORMATS, FORMAT_SET,
            FORMAT_UNKNOWN_CIRCLE, ANONYMOUS_ON, ANONYMOUS_OFF, HISTORY, HISTORY_NONE, STEP_OPENING, STEP_ROUND, STEP_OPEN,
            STEP_CLOSING);

    private ShareMessages() {
    }
}
