package org.circlekeeper.core.checkin;

import java.util.ArrayList;
import java.util.List;
import org.circlekeeper.core.ref.MessageKey;

/** The check-in feature's messages and command descriptions ({@code templates/messages/<lang>/checkins.yml}). */
final class CheckinMessages {

    static final MessageKey CMD_CHECKIN = MessageKey.of("cmd.checkin");
    static final MessageKey CMD_CHECKIN_EXAMPLE = MessageKey.of("cmd.checkin.example");
    static final MessageKey CMD_TODAY = MessageKey.of("cmd.checkin.today");
    static final MessageKey CMD_EDIT = MessageKey.of("cmd.checkin.edit");
    static final MessageKey CMD_DELETE = MessageKey.of("cmd.checkin.delete");
    static final MessageKey CMD_HISTORY = MessageKey.of("cmd.checkin.history");
    static final MessageKey CMD_JOURNEY = MessageKey.of("cmd.checkin.journey");
    static final MessageKey CMD_PROMPTS = MessageKey.of("cmd.checkin.prompts");
    static final MessageKey CMD_PROMPTS_EXAMPLE = MessageKey.of("cmd.checkin.prompts.example");
    static final MessageKey CMD_AWAY = MessageKey.of("cmd.checkin.away");
    static final MessageKey CMD_AWAY_EXAMPLE = MessageKey.of("cmd.checkin.away.example");
    static final MessageKey CMD_BACK = MessageKey.of("cmd.checkin.back");
    static final MessageKey CMD_BUDDY = MessageKey.of("cmd.checkin.buddy");
    static final MessageKey CMD_BUDDY_EXAMPLE = MessageKey.of("cmd.checkin.buddy.example");
    static final MessageKey CMD_SETUP = MessageKey.of("cmd.checkin.setup");
    static final MessageKey CMD_SETUP_EXAMPLE = MessageKey.of("cmd.checkin.setup.example");
    static final MessageKey OPT_CLEAR = MessageKey.of("opt.checkin.clear");
    static final MessageKey OPT_SETTING = MessageKey.of("opt.checkin.setting");
    static final MessageKey OPT_UNTIL = MessageKey.of("opt.checkin.until");
    static final MessageKey OPT_WHO = MessageKey.of("opt.checkin.who");
    static final MessageKey OPT_SETTINGS = MessageKey.of("opt.checkin.settings");
    static final MessageKey CMD_PULSE = MessageKey.of("cmd.pulse");

    // checking in
    static final MessageKey ASK = MessageKey.of("checkin.ask");
    static final MessageKey ASK_AGAIN = MessageKey.of("checkin.ask.again", "mood");
    static final MessageKey SAVED = MessageKey.of("checkin.saved", "mood");
    static final MessageKey MOOD_CHANGED = MessageKey.of("checkin.mood-changed", "mood");
    static final MessageKey CELEBRATE_FIRST = MessageKey.of("checkin.celebrate.first");
    static final MessageKey CELEBRATE_STREAK = MessageKey.of("checkin.celebrate.streak", "days");
    static final MessageKey NOTE_OFFER = MessageKey.of("checkin.note.offer");
    static final MessageKey NOTE_ASK = MessageKey.of("checkin.note.ask");
    static final MessageKey NOTE_ASK_EDIT = MessageKey.of("checkin.note.ask-edit");
    static final MessageKey NOTE_TITLE = MessageKey.of("checkin.note.title");
    static final MessageKey NOTE_FIELD = MessageKey.of("checkin.note.field");
    static final MessageKey NOTE_SAVED = MessageKey.of("checkin.note.saved");
    static final MessageKey NOTE_SKIPPED = MessageKey.of("checkin.note.skipped");
    static final MessageKey NOTE_REMOVED = MessageKey.of("checkin.note.removed");
    static final MessageKey BUTTON_ADD_NOTE = MessageKey.of("checkin.button.add-note");
    static final MessageKey BUTTON_SKIP = MessageKey.of("checkin.button.skip");

    // sharing a line
    static final MessageKey SHARE_OFFER = MessageKey.of("checkin.share.offer");
    static final MessageKey BUTTON_SHARE_PLAIN = MessageKey.of("checkin.button.share-plain");
    static final MessageKey BUTTON_SHARE_LINE = MessageKey.of("checkin.button.share-line");
    static final MessageKey LINE_ASK = MessageKey.of("checkin.share.ask", "max");
    static final MessageKey LINE_TITLE = MessageKey.of("checkin.share.title");
    static final MessageKey LINE_FIELD = MessageKey.of("checkin.share.field");
    static final MessageKey SHARE_POST = MessageKey.of("checkin.share.post", "name", "line");
    static final MessageKey SHARE_PREVIEW = MessageKey.of("checkin.share.preview", "post", "minutes");
    static final MessageKey BUTTON_POST = MessageKey.of("checkin.button.post");
    static final MessageKey BUTTON_NO_POST = MessageKey.of("checkin.button.no-post");
    static final MessageKey SHARE_POSTED = MessageKey.of("checkin.share.posted");
    static final MessageKey SHARE_CANCELLED = MessageKey.of("checkin.share.cancelled");
    static final MessageKey SHARE_GONE = MessageKey.of("checkin.share.gone");
    static final MessageKey SHARE_FAILED = MessageKey.of("checkin.share.failed");

    // editing and deleting today's check-in
    static final MessageKey EDIT_SHOW = MessageKey.of("checkin.edit.show", "mood", "hasNote", "note", "unreadable");
    static final MessageKey EDIT_NONE = MessageKey.of("checkin.edit.none");
    static final MessageKey BUTTON_NOTE = MessageKey.of("checkin.button.note");
    static final MessageKey BUTTON_REMOVE_NOTE = MessageKey.of("checkin.button.remove-note");
    static final MessageKey DELETED = MessageKey.of("checkin.deleted");
    static final MessageKey DELETE_NONE = MessageKey.of("checkin.delete.none");

    // bad input
    static final MessageKey ERR_MOOD = MessageKey.of("checkin.error.mood", "given");
    static final MessageKey ERR_BUTTON = MessageKey.of("checkin.error.button");
    static final MessageKey ERR_PASSED = MessageKey.of("checkin.error.passed", "day");
    static final MessageKey ERR_NOTE_TOO_LONG = MessageKey.of("checkin.error.note-too-long", "length", "max");
    static final MessageKey ERR_NOTE_EMPTY = MessageKey.of("checkin.error.note-empty");
    static final MessageKey ERR_NO_CHECKIN = MessageKey.of("checkin.error.no-checkin");
    static final MessageKey ERR_LINE_TOO_LONG = MessageKey.of("checkin.error.line-too-long", "length", "max");
    static final MessageKey ERR_LINE_EMPTY = MessageKey.of("checkin.error.line-empty");

    // history and journey
    static final MessageKey HISTORY = MessageKey.of("checkin.history", "count", "legend", "weeks", "weeks.label", "weeks.days",
            "streak", "since", "journey", "chart");
    static final MessageKey HISTORY_EMPTY = MessageKey.of("checkin.history.empty");
    static final MessageKey CHART_TITLE = MessageKey.of("checkin.chart.title");
    static final MessageKey JOURNEY = MessageKey.of("checkin.journey", "marks");
    static final MessageKey JOURNEY_MARKED = MessageKey.of("checkin.journey.marked", "stage");
    static final MessageKey JOURNEY_CLEARED = MessageKey.of("checkin.journey.cleared");

    // prompts, for members
    static final MessageKey PROMPT = MessageKey.of("checkin.prompt", "question");
    static final MessageKey PROMPTS_STATUS = MessageKey.of("checkin.prompts.status", "group", "days", "time", "questions",
            "on", "own", "away", "zone");
    static final MessageKey PROMPTS_ON = MessageKey.of("checkin.prompts.on", "group", "days", "time", "zone");
    static final MessageKey PROMPTS_OFF = MessageKey.of("checkin.prompts.off");
    static final MessageKey PROMPTS_TIME = MessageKey.of("checkin.prompts.time", "group", "days", "time", "zone");
    static final MessageKey PROMPTS_BAD = MessageKey.of("checkin.prompts.bad", "given");
    static final MessageKey AWAY_SET = MessageKey.of("checkin.away.set", "date");
    static final MessageKey AWAY_BAD = MessageKey.of("checkin.away.bad", "given", "example");
    static final MessageKey BACK = MessageKey.of("checkin.away.back", "prompts");
    static final MessageKey BACK_NOT_AWAY = MessageKey.of("checkin.away.not-away");

    // buddy and low mood
    static final MessageKey BUDDY_STATUS = MessageKey.of("checkin.buddy.status", "name", "organisers");
    static final MessageKey BUDDY_SET = MessageKey.of("checkin.buddy.set", "name");
    static final MessageKey BUDDY_ORGANISERS = MessageKey.of("checkin.buddy.organisers");
    static final MessageKey BUDDY_OFF = MessageKey.of("checkin.buddy.off");
    static final MessageKey BUDDY_SELF = MessageKey.of("checkin.buddy.self");
    static final MessageKey BUDDY_BAD = MessageKey.of("checkin.buddy.bad", "given");
    static final MessageKey BUDDY_UNREACHABLE = MessageKey.of("checkin.buddy.unreachable", "name");
    static final MessageKey BUDDY_NO_CHANNEL = MessageKey.of("checkin.buddy.no-channel");
    static final MessageKey BUDDY_NOTICE = MessageKey.of("checkin.buddy.notice", "name");
    static final MessageKey ALERT_BUDDY = MessageKey.of("checkin.alert.buddy", "name");
    static final MessageKey ALERT_ORGANISERS = MessageKey.of("checkin.alert.organisers", "name");
    /** A low day: warmth, techniques, and the offer to tell the buddy ({@code buddy}'s name, or {@code organisers}). */
    static final MessageKey LOW = MessageKey.of("checkin.low", "inARow", "coping", "coping.title", "coping.summary", "coping.id",
            "coping.language", "buddy", "organisers");
    /** The button under a low day's word that tells the chosen buddy. */
    static final MessageKey BUTTON_TELL_BUDDY = MessageKey.of("checkin.button.tell-buddy");
    static final MessageKey LOW_NO_BUDDY = MessageKey.of("checkin.low.no-buddy");
    static final MessageKey LOW_ALREADY_TOLD = MessageKey.of("checkin.low.already-told");
    /** The hardest answer: a few words before the crisis lines, which come first. */
    static final MessageKey HARD = MessageKey.of("checkin.hard");
    static final MessageKey HARD_COPING = MessageKey.of("checkin.hard.coping", "coping", "coping.title", "coping.summary",
            "coping.id", "coping.language");
    /** A note the safety check would catch: a few words before the crisis lines. */
    static final MessageKey NOTE_HEAVY = MessageKey.of("checkin.note.heavy");
    static final MessageKey LOW_ALERTED_BUDDY = MessageKey.of("checkin.low.alerted-buddy", "name");
    static final MessageKey LOW_ALERTED_ORGANISERS = MessageKey.of("checkin.low.alerted-organisers");
    static final MessageKey LOW_ALERT_FAILED = MessageKey.of("checkin.low.alert-failed");

    // organisers
    static final MessageKey SETUP_SHOW = MessageKey.of("checkin.setup.show", "on", "days", "time", "questions", "sets", "channel");
    static final MessageKey SETUP_DONE = MessageKey.of("checkin.setup.done", "days", "time", "questions", "channel", "members");
    static final MessageKey SETUP_OFF = MessageKey.of("checkin.setup.off");
    static final MessageKey SETUP_BAD = MessageKey.of("checkin.setup.bad", "given", "sets");
    static final MessageKey DAYS_DAILY = MessageKey.of("checkin.days.daily");
    static final MessageKey DAYS_WEEKDAYS = MessageKey.of("checkin.days.weekdays");
    /** The pulse of one closed week, Monday {@code from} to Sunday {@code to} in the group's zone. */
    static final MessageKey PULSE = MessageKey.of("checkin.pulse", "from", "to", "checkins", "spread", "spread.mood", "spread.count",
            "spread.percent", "spread.bar", "average", "compare", "lighter", "same", "heavier");
    static final MessageKey PULSE_HIDDEN = MessageKey.of("checkin.pulse.hidden", "min", "from", "to");

    static final List<MessageKey> ALL;

    static {
        List<MessageKey> all = new ArrayList<>(List.of(ASK, ASK_AGAIN, SAVED, MOOD_CHANGED, CELEBRATE_FIRST, CELEBRATE_STREAK,
                NOTE_OFFER, NOTE_ASK, NOTE_ASK_EDIT, NOTE_TITLE, NOTE_FIELD, NOTE_SAVED, NOTE_SKIPPED, NOTE_REMOVED,
                BUTTON_ADD_NOTE, BUTTON_SKIP,
                SHARE_OFFER, BUTTON_SHARE_PLAIN, BUTTON_SHARE_LINE, LINE_ASK, LINE_TITLE, LINE_FIELD, SHARE_POST, SHARE_PREVIEW,
                BUTTON_POST, BUTTON_NO_POST, SHARE_POSTED, SHARE_CANCELLED, SHARE_GONE, SHARE_FAILED,
                EDIT_SHOW, EDIT_NONE, BUTTON_NOTE, BUTTON_REMOVE_NOTE, DELETED, DELETE_NONE,
                ERR_MOOD, ERR_BUTTON, ERR_PASSED, ERR_NOTE_TOO_LONG, ERR_NOTE_EMPTY, ERR_NO_CHECKIN, ERR_LINE_TOO_LONG,
                ERR_LINE_EMPTY, HISTORY, HISTORY_EMPTY, CHART_TITLE, JOURNEY, JOURNEY_MARKED, JOURNEY_CLEARED,
                PROMPT, PROMPTS_STATUS, PROMPTS_ON, PROMPTS_OFF, PROMPTS_TIME, PROMPTS_BAD, AWAY_SET, AWAY_BAD, BACK,
                BACK_NOT_AWAY, BUDDY_STATUS, BUDDY_SET, BUDDY_ORGANISERS, BUDDY_OFF, BUDDY_SELF, BUDDY_BAD, BUDDY_UNREACHABLE,
                BUDDY_NO_CHANNEL, BUDDY_NOTICE, ALERT_BUDDY, ALERT_ORGANISERS, LOW, BUTTON_TELL_BUDDY, LOW_NO_BUDDY,
                LOW_ALREADY_TOLD, HARD, HARD_COPING, NOTE_HEAVY, LOW_ALERTED_BUDDY, LOW_ALERTED_ORGANISERS,
                LOW_ALERT_FAILED, SETUP_SHOW, SETUP_DONE, SETUP_OFF, SETUP_BAD, DAYS_DAILY, DAYS_WEEKDAYS, PULSE, PULSE_HIDDEN));
        // the subcommands' names as members may type them in their language (/checkin historial)
        for (MessageKey sub : List.of(CMD_TODAY, CMD_EDIT, CMD_DELETE, CMD_HISTORY, CMD_JOURNEY, CMD_PROMPTS, CMD_AWAY, CMD_BACK,
                CMD_BUDDY, CMD_SETUP)) {
            all.add(MessageKey.of(sub.key() + ".label"));
        }
        for (Mood mood : Mood.values()) {
            all.add(mood.word());
            all.add(mood.emoji());
        }
        for (JourneyStage stage : JourneyStage.values()) {
            all.add(stage.word());
        }
        for (int months : Streaks.MONTH_MILESTONES) {
            all.add(together(months));
        }
        ALL = List.copyOf(all);
    }

    /** "A month with the group" and its siblings, one key per milestone. */
    static MessageKey together(int months) {
        return MessageKey.of("checkin.celebrate.months." + months);
    }

    private CheckinMessages() {
    }
}
