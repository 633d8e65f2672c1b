package org.circlekeeper.core.share;

import org.circlekeeper.core.ref.MessageCatalog;
import org.circlekeeper.core.ref.MessageKey;

/** The share circle's messages and command descriptions ({@code templates/messages/<lang>/share.yml}). */
final class ShareMessages {

    /** Every key this class declares, collected as declared; their texts are in {@code share.yml}. */
    static final MessageCatalog KEYS = MessageCatalog.of("share");

    // ---- commands ----
    static final MessageKey CMD_SHARE = KEYS.key("cmd.share");
    static final MessageKey CMD_START = KEYS.key("cmd.share.start");
    static final MessageKey CMD_JOIN = KEYS.key("cmd.share.join");
    static final MessageKey CMD_LEAVE = KEYS.key("cmd.share.leave");
    static final MessageKey CMD_RAISE = KEYS.key("cmd.share.raise");
    static final MessageKey CMD_LOWER = KEYS.key("cmd.share.lower");
    static final MessageKey CMD_PLACE = KEYS.key("cmd.share.place");
    static final MessageKey CMD_DONE = KEYS.key("cmd.share.done");
    static final MessageKey CMD_PASS = KEYS.key("cmd.share.pass");
    static final MessageKey CMD_CALL = KEYS.key("cmd.share.call");
    static final MessageKey CMD_NEXT = KEYS.key("cmd.share.next");
    static final MessageKey CMD_MOVE = KEYS.key("cmd.share.move");
    static final MessageKey CMD_MOVE_EXAMPLE = KEYS.key("cmd.share.move.example");
    static final MessageKey CMD_REMOVE = KEYS.key("cmd.share.remove");
    static final MessageKey CMD_PAUSE = KEYS.key("cmd.share.pause");
    static final MessageKey CMD_RESUME = KEYS.key("cmd.share.resume");
    static final MessageKey CMD_END = KEYS.key("cmd.share.end");
    static final MessageKey CMD_STATUS = KEYS.key("cmd.share.status");
    static final MessageKey CMD_ANON = KEYS.key("cmd.share.anon");
    static final MessageKey CMD_VOLUNTEER = KEYS.key("cmd.share.volunteer");
    static final MessageKey CMD_FORMATS = KEYS.key("cmd.share.formats");
    static final MessageKey CMD_FORMAT = KEYS.key("cmd.share.format");
    static final MessageKey CMD_FORMAT_EXAMPLE = KEYS.key("cmd.share.format.example");
    static final MessageKey CMD_ANONYMOUS = KEYS.key("cmd.share.anonymous");
    static final MessageKey CMD_HISTORY = KEYS.key("cmd.share.history");
    static final MessageKey OPT_FORMAT = KEYS.key("opt.share.format");
    static final MessageKey OPT_NAME = KEYS.key("opt.share.name");
    static final MessageKey OPT_POSITION = KEYS.key("opt.share.position");
    /** The scheduled circle whose sessions a format is chosen for. */
    static final MessageKey OPT_CIRCLE = KEYS.key("opt.share.circle");
    static final MessageKey OPT_SWITCH = KEYS.key("opt.share.switch");
    static final MessageKey OPT_VOLUNTEER = KEYS.key("opt.share.volunteer");

    // ---- what the session hears ----
    /** The group's agreements, read in every opening; organisers put their own with /wording. */
    static final MessageKey AGREEMENTS = KEYS.key("share.agreements");
    static final MessageKey STARTED = KEYS.key("share.started", "format", "chair");
    /** The name of the place (a Discord thread) opened for one meeting: plain text. */
    static final MessageKey PLACE_NAME = KEYS.key("share.own-place.name", "format");
    /** Said where the circle was started, when it meets in a place of its own. */
    static final MessageKey PLACE_OPENED = KEYS.key("share.own-place.opened", "link");
    /** To organisers, once: no place of its own could be opened (a right the bot lacks), so the circle meets in the channel. */
    static final MessageKey PLACE_NOT_ALLOWED = KEYS.key("share.own-place.not-allowed");
    static final MessageKey BOARD_PRESENT = KEYS.key("share.board.present", "names");
    static final MessageKey BOARD_NOBODY = KEYS.key("share.board.nobody");
    static final MessageKey BOARD_SPEAKER = KEYS.key("share.board.speaker", "name");
    static final MessageKey BOARD_QUEUE = KEYS.key("share.board.queue", "queue");
    static final MessageKey BOARD_QUEUE_EMPTY = KEYS.key("share.board.queue-empty");
    static final MessageKey BOARD_ANONYMOUS = KEYS.key("share.board.anonymous");
    static final MessageKey BOARD_PAUSED = KEYS.key("share.board.paused");
    static final MessageKey PIECE = KEYS.key("share.piece", "name", "minutes");
    static final MessageKey THANKS = KEYS.key("share.thanks", "name");
    static final MessageKey THANKS_PASSED = KEYS.key("share.thanks.passed", "name");
    static final MessageKey THANKS_SUPPORT = KEYS.key("share.thanks.support", "kinds");
    static final MessageKey ROUND_COMPLETE = KEYS.key("share.round.complete");
    static final MessageKey FLOOR_OPEN = KEYS.key("share.floor.open");
    static final MessageKey SPEAKER_LEFT = KEYS.key("share.speaker-left");
    static final MessageKey FOLLOWS_PLACE = KEYS.key("share.follows-place", "count");
    static final MessageKey PAUSED = KEYS.key("share.paused");
    static final MessageKey RESUMED = KEYS.key("share.resumed");
    static final MessageKey TURN_NEAR = KEYS.key("share.turn.near", "name");
    static final MessageKey TURN_OVER = KEYS.key("share.turn.over", "name");
    static final MessageKey STEP_TIME_UP = KEYS.key("share.step.time-up");
    static final MessageKey STEP_TIME_UP_SPEAKER = KEYS.key("share.step.time-up.speaker", "name");
    static final MessageKey ANON_POST = KEYS.key("share.anon.post", "text");
    static final MessageKey CHAIR_PROPOSE = KEYS.key("share.chair.propose", "name");
    static final MessageKey CHAIR_ACCEPTED = KEYS.key("share.chair.accepted", "name");
    static final MessageKey CHAIR_DECLINED = KEYS.key("share.chair.declined", "name");
    static final MessageKey CHAIR_NOBODY = KEYS.key("share.chair.nobody");
    static final MessageKey SUPPORT_WITH_YOU = KEYS.key("share.support.with-you");
    static final MessageKey SUPPORT_THANK_YOU = KEYS.key("share.support.thank-you");
    static final MessageKey SUPPORT_STRENGTH = KEYS.key("share.support.strength");
    static final MessageKey WHEN = KEYS.key("share.when", "date", "time", "zone");

    // ---- buttons ----
    static final MessageKey BUTTON_JOIN = KEYS.key("share.button.join");
    static final MessageKey BUTTON_NEXT_STEP = KEYS.key("share.button.next-step");
    static final MessageKey BUTTON_RAISE = KEYS.key("share.button.raise");
    static final MessageKey BUTTON_LOWER = KEYS.key("share.button.lower");
    static final MessageKey BUTTON_PLACE = KEYS.key("share.button.place");
    static final MessageKey BUTTON_ANON = KEYS.key("share.button.anon");
    static final MessageKey BUTTON_DONE = KEYS.key("share.button.done");
    static final MessageKey BUTTON_PASS = KEYS.key("share.button.pass");
    static final MessageKey BUTTON_CALL = KEYS.key("share.button.call");
    static final MessageKey BUTTON_WITH_YOU = KEYS.key("share.button.with-you");
    static final MessageKey BUTTON_THANK_YOU = KEYS.key("share.button.thank-you");
    static final MessageKey BUTTON_STRENGTH = KEYS.key("share.button.strength");
    static final MessageKey BUTTON_ACCEPT = KEYS.key("share.button.accept");
    static final MessageKey BUTTON_DECLINE = KEYS.key("share.button.decline");

    // ---- private words ----
    static final MessageKey JOINED = KEYS.key("share.joined", "name");
    static final MessageKey ALREADY_HERE = KEYS.key("share.already-here");
    static final MessageKey LEFT = KEYS.key("share.left");
    /** The member is not in the session (the key keeps its old name: translations and overrides use it). */
    static final MessageKey NOT_IN_SESSION = KEYS.key("share.not-in-circle");
    static final MessageKey NOT_RUNNING = KEYS.key("share.not-running");
    static final MessageKey ENDED_ALREADY = KEYS.key("share.ended-already");
    static final MessageKey ALREADY_RUNNING = KEYS.key("share.already-running", "format", "chair");
    static final MessageKey NOT_OPEN = KEYS.key("share.not-open");
    static final MessageKey HAND_RAISED = KEYS.key("share.hand.raised", "position");
    static final MessageKey HAND_ALREADY = KEYS.key("share.hand.already", "position");
    static final MessageKey HAND_SPEAKING = KEYS.key("share.hand.speaking");
    static final MessageKey HAND_LOWERED = KEYS.key("share.hand.lowered");
    static final MessageKey HAND_NOT_RAISED = KEYS.key("share.hand.not-raised");
    static final MessageKey PLACE = KEYS.key("share.place", "position", "count");
    static final MessageKey PLACE_NONE = KEYS.key("share.place.none");
    static final MessageKey NOT_HOLDER = KEYS.key("share.not-holder", "name");
    static final MessageKey NOT_HOLDER_NOBODY = KEYS.key("share.not-holder.nobody");
    static final MessageKey TURN_GONE = KEYS.key("share.turn-gone");
    static final MessageKey STEP_GONE = KEYS.key("share.step-gone");
    static final MessageKey ON_PAUSE = KEYS.key("share.on-pause");
    static final MessageKey ALREADY_PAUSED = KEYS.key("share.already-paused");
    static final MessageKey NOT_PAUSED = KEYS.key("share.not-paused");
    static final MessageKey NO_TURNS = KEYS.key("share.no-turns");
    static final MessageKey QUEUE_EMPTY = KEYS.key("share.queue-empty");
    static final MessageKey MOVED = KEYS.key("share.moved", "name", "position");
    static final MessageKey REMOVED = KEYS.key("share.removed", "name");
    static final MessageKey REMOVE_SPEAKER = KEYS.key("share.remove-speaker", "name");
    static final MessageKey NOT_QUEUED = KEYS.key("share.not-queued", "name");
    static final MessageKey UNKNOWN_PERSON = KEYS.key("share.unknown-person", "given", "names");
    static final MessageKey SUPPORT_SENT = KEYS.key("share.support.sent", "name");
    static final MessageKey SUPPORT_SELF = KEYS.key("share.support.self");
    static final MessageKey BUSY = KEYS.key("share.busy");
    static final MessageKey STATUS = KEYS.key("share.status", "format", "step", "steps", "chair", "present", "speaker",
            "queue", "paused", "minutes");
    static final MessageKey ANON_ASK = KEYS.key("share.anon.ask");
    static final MessageKey ANON_TITLE = KEYS.key("share.anon.title");
    static final MessageKey ANON_FIELD = KEYS.key("share.anon.field");
    static final MessageKey ANON_POSTED = KEYS.key("share.anon.posted");
    /** Someone holds the talking piece: the share waits in the queue, number {@code position}. */
    static final MessageKey ANON_QUEUED = KEYS.key("share.anon.queued", "position");
    /** How a share without a name is listed in the queue. */
    static final MessageKey QUEUE_ANONYMOUS = KEYS.key("share.queue.anonymous");
    static final MessageKey ANON_NOT_ALLOWED = KEYS.key("share.anon.not-allowed");
    /** No session runs in the channel (the key keeps its old name: translations and overrides use it). */
    static final MessageKey ANON_NO_SESSION = KEYS.key("share.anon.no-circle");
    /** A session runs in the channel, and the member has not joined it. */
    static final MessageKey ANON_NOT_JOINED = KEYS.key("share.anon.not-joined");
    /** The member is in the session, and it is not in open sharing. */
    static final MessageKey ANON_NOT_OPEN = KEYS.key("share.anon.not-open");
    /** The share came back after its session ended, or after the member left it. */
    static final MessageKey ANON_GONE = KEYS.key("share.anon.gone");
    static final MessageKey ANON_TOO_MANY = KEYS.key("share.anon.too-many");
    static final MessageKey ANON_EMPTY = KEYS.key("share.anon.empty", "max");
    static final MessageKey VOLUNTEERED = KEYS.key("share.volunteer.added", "name");
    static final MessageKey VOLUNTEER_ALREADY = KEYS.key("share.volunteer.already");
    static final MessageKey VOLUNTEER_OFF = KEYS.key("share.volunteer.off");
    static final MessageKey VOLUNTEER_NOT = KEYS.key("share.volunteer.not");
    static final MessageKey CHAIR_NOT_YOU = KEYS.key("share.chair.not-you", "name");
    static final MessageKey CHAIR_STALE = KEYS.key("share.chair.stale");
    static final MessageKey FORMATS = KEYS.key("share.formats", "formats", "formats.id", "formats.name", "formats.about",
            "formats.steps");
    static final MessageKey FORMAT_SET = KEYS.key("share.format.set", "circle", "format");
    static final MessageKey FORMAT_UNKNOWN_CIRCLE = KEYS.key("share.format.unknown-circle", "given", "ids");
    static final MessageKey ANONYMOUS_ON = KEYS.key("share.anonymous.on");
    static final MessageKey ANONYMOUS_OFF = KEYS.key("share.anonymous.off");
    static final MessageKey HISTORY = KEYS.key("share.history", "meetings", "meetings.date", "meetings.format", "meetings.minutes",
            "meetings.joined", "meetings.shares", "meetings.passes", "meetings.anonymous");
    static final MessageKey HISTORY_NONE = KEYS.key("share.history.none");
    static final MessageKey STEP_OPENING = KEYS.key("share.step-name.opening");
    static final MessageKey STEP_ROUND = KEYS.key("share.step-name.round");
    static final MessageKey STEP_OPEN = KEYS.key("share.step-name.open");
    static final MessageKey STEP_CLOSING = KEYS.key("share.step-name.closing");

    private ShareMessages() {
    }
}
