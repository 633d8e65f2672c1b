package org.circlekeeper.core.checkin;

import java.util.List;
import org.circlekeeper.core.ref.MessageCatalog;
import org.circlekeeper.core.ref.MessageKey;

/** The check-in feature's messages and command descriptions ({@code templates/messages/<lang>/checkins.yml}). */
final class CheckinMessages {

    /** Every key this class declares, collected as declared; their texts are in {@code checkins.yml}. */
    static final MessageCatalog KEYS = MessageCatalog.of("checkins");

    static final MessageKey CMD_CHECKIN = KEYS.key("cmd.checkin");
    static final MessageKey CMD_CHECKIN_EXAMPLE = KEYS.key("cmd.checkin.example");
    static final MessageKey CMD_TODAY = KEYS.key("cmd.checkin.today");
    static final MessageKey CMD_EDIT = KEYS.key("cmd.checkin.edit");
    static final MessageKey CMD_DELETE = KEYS.key("cmd.checkin.delete");
    static final MessageKey CMD_HISTORY = KEYS.key("cmd.checkin.history");
    static final MessageKey CMD_JOURNEY = KEYS.key("cmd.checkin.journey");
    static final MessageKey CMD_PROMPTS = KEYS.key("cmd.checkin.prompts");
    static final MessageKey CMD_PROMPTS_EXAMPLE = KEYS.key("cmd.checkin.prompts.example");
    static final MessageKey CMD_AWAY = KEYS.key("cmd.checkin.away");
    static final MessageKey CMD_AWAY_EXAMPLE = KEYS.key("cmd.checkin.away.example");
    static final MessageKey CMD_BACK = KEYS.key("cmd.checkin.back");
    static final MessageKey CMD_BUDDY = KEYS.key("cmd.checkin.buddy");
    static final MessageKey CMD_BUDDY_EXAMPLE = KEYS.key("cmd.checkin.buddy.example");
    static final MessageKey CMD_SETUP = KEYS.key("cmd.checkin.setup");
    static final MessageKey CMD_SETUP_EXAMPLE = KEYS.key("cmd.checkin.setup.example");
    static final MessageKey OPT_CLEAR = KEYS.key("opt.checkin.clear");
    static final MessageKey OPT_SETTING = KEYS.key("opt.checkin.setting");
    static final MessageKey OPT_UNTIL = KEYS.key("opt.checkin.until");
    static final MessageKey OPT_WHO = KEYS.key("opt.checkin.who");
    static final MessageKey OPT_SETTINGS = KEYS.key("opt.checkin.settings");
    static final MessageKey CMD_PULSE = KEYS.key("cmd.pulse");

    // checking in
    static final MessageKey ASK = KEYS.key("checkin.ask");
    static final MessageKey ASK_AGAIN = KEYS.key("checkin.ask.again", "mood");
    static final MessageKey SAVED = KEYS.key("checkin.saved", "mood");
    static final MessageKey MOOD_CHANGED = KEYS.key("checkin.mood-changed", "mood");
    static final MessageKey CELEBRATE_FIRST = KEYS.key("checkin.celebrate.first");
    static final MessageKey CELEBRATE_STREAK = KEYS.key("checkin.celebrate.streak", "days");
    static final MessageKey NOTE_OFFER = KEYS.key("checkin.note.offer");
    static final MessageKey NOTE_ASK = KEYS.key("checkin.note.ask");
    static final MessageKey NOTE_ASK_EDIT = KEYS.key("checkin.note.ask-edit");
    static final MessageKey NOTE_TITLE = KEYS.key("checkin.note.title");
    static final MessageKey NOTE_FIELD = KEYS.key("checkin.note.field");
    static final MessageKey NOTE_SAVED = KEYS.key("checkin.note.saved");
    static final MessageKey NOTE_SKIPPED = KEYS.key("checkin.note.skipped");
    static final MessageKey NOTE_REMOVED = KEYS.key("checkin.note.removed");
    static final MessageKey BUTTON_ADD_NOTE = KEYS.key("checkin.button.add-note");
    static final MessageKey BUTTON_SKIP = KEYS.key("checkin.button.skip");

    // sharing a line
    static final MessageKey SHARE_OFFER = KEYS.key("checkin.share.offer");
    static final MessageKey BUTTON_SHARE_PLAIN = KEYS.key("checkin.button.share-plain");
    static final MessageKey BUTTON_SHARE_LINE = KEYS.key("checkin.button.share-line");
    static final MessageKey LINE_ASK = KEYS.key("checkin.share.ask", "max");
    static final MessageKey LINE_TITLE = KEYS.key("checkin.share.title");
    static final MessageKey LINE_FIELD = KEYS.key("checkin.share.field");
    static final MessageKey SHARE_POST = KEYS.key("checkin.share.post", "name", "line");
    static final MessageKey SHARE_PREVIEW = KEYS.key("checkin.share.preview", "post", "minutes");
    static final MessageKey BUTTON_POST = KEYS.key("checkin.button.post");
    static final MessageKey BUTTON_NO_POST = KEYS.key("checkin.button.no-post");
    static final MessageKey SHARE_POSTED = KEYS.key("checkin.share.posted");
    static final MessageKey SHARE_CANCELLED = KEYS.key("checkin.share.cancelled");
    static final MessageKey SHARE_GONE = KEYS.key("checkin.share.gone");
    static final MessageKey SHARE_FAILED = KEYS.key("checkin.share.failed");

    // editing and deleting today's check-in
    static final MessageKey EDIT_SHOW = KEYS.key("checkin.edit.show", "mood", "hasNote", "note", "unreadable");
    static final MessageKey EDIT_NONE = KEYS.key("checkin.edit.none");
    static final MessageKey BUTTON_NOTE = KEYS.key("checkin.button.note");
    static final MessageKey BUTTON_REMOVE_NOTE = KEYS.key("checkin.button.remove-note");
    static final MessageKey DELETED = KEYS.key("checkin.deleted");
    static final MessageKey DELETE_NONE = KEYS.key("checkin.delete.none");

    // bad input
    static final MessageKey ERR_MOOD = KEYS.key("checkin.error.mood", "given");
    static final MessageKey ERR_BUTTON = KEYS.key("checkin.error.button");
    static final MessageKey ERR_PASSED = KEYS.key("checkin.error.passed", "day");
    static final MessageKey ERR_NOTE_TOO_LONG = KEYS.key("checkin.error.note-too-long", "length", "max");
    static final MessageKey ERR_NOTE_EMPTY = KEYS.key("checkin.error.note-empty");
    static final MessageKey ERR_NO_CHECKIN = KEYS.key("checkin.error.no-checkin");
    static final MessageKey ERR_LINE_TOO_LONG = KEYS.key("checkin.error.line-too-long", "length", "max");
    static final MessageKey ERR_LINE_EMPTY = KEYS.key("checkin.error.line-empty");

    // history and journey
    static final MessageKey HISTORY = KEYS.key("checkin.history", "count", "legend", "weeks", "weeks.label", "weeks.days",
            "streak", "since", "journey", "chart");
    static final MessageKey HISTORY_EMPTY = KEYS.key("checkin.history.empty");
    static final MessageKey CHART_TITLE = KEYS.key("checkin.chart.title");
    static final MessageKey JOURNEY = KEYS.key("checkin.journey", "marks");
    static final MessageKey JOURNEY_MARKED = KEYS.key("checkin.journey.marked", "stage");
    static final MessageKey JOURNEY_CLEARED = KEYS.key("checkin.journey.cleared");

    // prompts, for members
    static final MessageKey PROMPT = KEYS.key("checkin.prompt", "question");
    static final MessageKey PROMPTS_STATUS = KEYS.key("checkin.prompts.status", "group", "days", "time", "questions",
            "on", "own", "away", "zone");
    static final MessageKey PROMPTS_ON = KEYS.key("checkin.prompts.on", "group", "days", "time", "zone");
    static final MessageKey PROMPTS_OFF = KEYS.key("checkin.prompts.off");
    static final MessageKey PROMPTS_TIME = KEYS.key("checkin.prompts.time", "group", "days", "time", "zone");
    static final MessageKey PROMPTS_BAD = KEYS.key("checkin.prompts.bad", "given");
    static final MessageKey AWAY_SET = KEYS.key("checkin.away.set", "date");
    static final MessageKey AWAY_BAD = KEYS.key("checkin.away.bad", "given", "example");
    static final MessageKey BACK = KEYS.key("checkin.away.back", "prompts");
    static final MessageKey BACK_NOT_AWAY = KEYS.key("checkin.away.not-away");

    // buddy and low mood
    static final MessageKey BUDDY_STATUS = KEYS.key("checkin.buddy.status", "name", "organisers");
    static final MessageKey BUDDY_SET = KEYS.key("checkin.buddy.set", "name");
    static final MessageKey BUDDY_ORGANISERS = KEYS.key("checkin.buddy.organisers");
    static final MessageKey BUDDY_OFF = KEYS.key("checkin.buddy.off");
    static final MessageKey BUDDY_SELF = KEYS.key("checkin.buddy.self");
    static final MessageKey BUDDY_BAD = KEYS.key("checkin.buddy.bad", "given");
    static final MessageKey BUDDY_UNREACHABLE = KEYS.key("checkin.buddy.unreachable", "name");
    static final MessageKey BUDDY_NO_CHANNEL = KEYS.key("checkin.buddy.no-channel");
    static final MessageKey BUDDY_NOTICE = KEYS.key("checkin.buddy.notice", "name");
    static final MessageKey ALERT_BUDDY = KEYS.key("checkin.alert.buddy", "name");
    static final MessageKey ALERT_ORGANISERS = KEYS.key("checkin.alert.organisers", "name");
    /** A low day: warmth, techniques, and the offer to tell the buddy ({@code buddy}'s name, or {@code organisers}). */
    static final MessageKey LOW = KEYS.key("checkin.low", "inARow", "coping", "coping.title", "coping.summary", "coping.id",
            "coping.language", "buddy", "organisers");
    /** The button under a low day's word that tells the chosen buddy. */
    static final MessageKey BUTTON_TELL_BUDDY = KEYS.key("checkin.button.tell-buddy");
    static final MessageKey LOW_NO_BUDDY = KEYS.key("checkin.low.no-buddy");
    static final MessageKey LOW_ALREADY_TOLD = KEYS.key("checkin.low.already-told");
    /** The hardest answer: a few words before the crisis lines, which come first. */
    static final MessageKey HARD = KEYS.key("checkin.hard");
    static final MessageKey HARD_COPING = KEYS.key("checkin.hard.coping", "coping", "coping.title", "coping.summary",
            "coping.id", "coping.language");
    /** A note the safety check would catch: a few words before the crisis lines. */
    static final MessageKey NOTE_HEAVY = KEYS.key("checkin.note.heavy");
    static final MessageKey LOW_ALERTED_BUDDY = KEYS.key("checkin.low.alerted-buddy", "name");
    static final MessageKey LOW_ALERTED_ORGANISERS = KEYS.key("checkin.low.alerted-organisers");
    static final MessageKey LOW_ALERT_FAILED = KEYS.key("checkin.low.alert-failed");

    // organisers
    static final MessageKey SETUP_SHOW = KEYS.key("checkin.setup.show", "on", "days", "time", "questions", "sets", "channel");
    static final MessageKey SETUP_DONE = KEYS.key("checkin.setup.done", "days", "time", "questions", "channel", "members");
    static final MessageKey SETUP_OFF = KEYS.key("checkin.setup.off");
    static final MessageKey SETUP_BAD = KEYS.key("checkin.setup.bad", "given", "sets");
    static final MessageKey DAYS_DAILY = KEYS.key("checkin.days.daily");
    static final MessageKey DAYS_WEEKDAYS = KEYS.key("checkin.days.weekdays");
    /** The pulse of one closed week, Monday {@code from} to Sunday {@code to} in the group's zone. */
    static final MessageKey PULSE = KEYS.key("checkin.pulse", "from", "to", "checkins", "spread", "spread.mood", "spread.count",
            "spread.percent", "spread.bar", "average", "compare", "lighter", "same", "heavier");
    static final MessageKey PULSE_HIDDEN = KEYS.key("checkin.pulse.hidden", "min", "from", "to");

    static {
        // the subcommands' names as members may type them in their language (/checkin historial)
        for (MessageKey sub : List.of(CMD_TODAY, CMD_EDIT, CMD_DELETE, CMD_HISTORY, CMD_JOURNEY, CMD_PROMPTS, CMD_AWAY, CMD_BACK,
                CMD_BUDDY, CMD_SETUP)) {
            KEYS.add(MessageKey.of(sub.key() + ".label"));
        }
        for (Mood mood : Mood.values()) {
            KEYS.add(mood.word());
            KEYS.add(mood.emoji());
        }
        for (JourneyStage stage : JourneyStage.values()) {
            KEYS.add(stage.word());
        }
        for (int months : Streaks.MONTH_MILESTONES) {
            KEYS.add(together(months));
        }
    }

    /** "A month with the group" and its siblings, one key per milestone. */
    static MessageKey together(int months) {
        return MessageKey.of("checkin.celebrate.months." + months);
    }

    private CheckinMessages() {
    }
}
