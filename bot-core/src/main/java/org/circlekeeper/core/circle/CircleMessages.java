package org.circlekeeper.core.circle;

import org.circlekeeper.core.ref.MessageCatalog;
import org.circlekeeper.core.ref.MessageKey;

/** The circles feature's messages and command descriptions ({@code templates/messages/<lang>/circles.yml}). */
final class CircleMessages {

    /** Every key this class declares, collected as declared; their texts are in {@code circles.yml}. */
    static final MessageCatalog KEYS = MessageCatalog.of("circles");

    static final MessageKey CMD_CIRCLE = KEYS.key("cmd.circle");
    static final MessageKey CMD_CREATE = KEYS.key("cmd.circle.create");
    static final MessageKey CMD_CREATE_EXAMPLE = KEYS.key("cmd.circle.create.example");
    static final MessageKey CMD_EDIT = KEYS.key("cmd.circle.edit");
    static final MessageKey CMD_EDIT_EXAMPLE = KEYS.key("cmd.circle.edit.example");
    static final MessageKey CMD_LIST = KEYS.key("cmd.circle.list");
    static final MessageKey CMD_SHOW = KEYS.key("cmd.circle.show");
    static final MessageKey CMD_CANCEL = KEYS.key("cmd.circle.cancel");
    static final MessageKey CMD_SKIP = KEYS.key("cmd.circle.skip");
    static final MessageKey CMD_SKIP_EXAMPLE = KEYS.key("cmd.circle.skip.example");
    static final MessageKey CMD_RESCHEDULE = KEYS.key("cmd.circle.reschedule");
    static final MessageKey CMD_RESCHEDULE_EXAMPLE = KEYS.key("cmd.circle.reschedule.example");
    static final MessageKey CMD_ATTENDEES = KEYS.key("cmd.circle.attendees");
    static final MessageKey CMD_REMINDERS = KEYS.key("cmd.circle.reminders");
    static final MessageKey CMD_REMINDERS_EXAMPLE = KEYS.key("cmd.circle.reminders.example");
    static final MessageKey CMD_ICS = KEYS.key("cmd.circle.ics");
    static final MessageKey CMD_FEED = KEYS.key("cmd.circle.feed");
    static final MessageKey CMD_CIRCLES = KEYS.key("cmd.circles");
    static final MessageKey CMD_NEXT = KEYS.key("cmd.next");
    static final MessageKey CMD_REMIND = KEYS.key("cmd.remind");
    static final MessageKey CMD_REMIND_EXAMPLE = KEYS.key("cmd.remind.example");

    static final MessageKey OPT_NAME = KEYS.key("opt.circle.name");
    static final MessageKey OPT_WHEN = KEYS.key("opt.circle.when");
    static final MessageKey OPT_ID = KEYS.key("opt.circle.id");
    static final MessageKey OPT_FIELD = KEYS.key("opt.circle.field");
    static final MessageKey OPT_VALUE = KEYS.key("opt.circle.value");
    static final MessageKey OPT_DATE = KEYS.key("opt.circle.date");
    static final MessageKey OPT_TO = KEYS.key("opt.circle.to");
    static final MessageKey OPT_LEADS = KEYS.key("opt.circle.leads");
    static final MessageKey OPT_FEED_ACTION = KEYS.key("opt.circle.feed-action");
    static final MessageKey OPT_REMIND_CIRCLE = KEYS.key("opt.remind.circle");
    static final MessageKey OPT_REMIND_LEADS = KEYS.key("opt.remind.leads");

    static final MessageKey CREATED = KEYS.key("circle.created", "name", "id", "when", "next", "place");
    static final MessageKey LIST = KEYS.key("circle.list", "circles", "circles.id", "circles.name", "circles.when",
            "circles.next", "circles.cancelled");
    static final MessageKey LIST_EMPTY = KEYS.key("circle.list.empty");
    static final MessageKey SHOW = KEYS.key("circle.show", "id", "name", "description", "place", "when", "duration",
            "upcoming", "upcoming.start", "upcoming.moved", "skipped", "skipped.date", "cancelled", "leads");
    static final MessageKey CANCELLED = KEYS.key("circle.cancelled", "name");
    static final MessageKey ALREADY_CANCELLED = KEYS.key("circle.already-cancelled", "name");
    static final MessageKey SKIPPED = KEYS.key("circle.skipped", "name", "start");
    static final MessageKey RESCHEDULED = KEYS.key("circle.rescheduled", "name", "from", "to");
    static final MessageKey EDITED_NAME = KEYS.key("circle.edited.name", "old", "name");
    static final MessageKey EDITED_DESCRIPTION = KEYS.key("circle.edited.description", "name", "description");
    static final MessageKey EDITED_PLACE = KEYS.key("circle.edited.place", "name", "place");
    static final MessageKey EDITED_DURATION = KEYS.key("circle.edited.duration", "name", "duration");
    static final MessageKey EDITED_WHEN = KEYS.key("circle.edited.when", "name", "when", "next", "dropped");
    static final MessageKey ATTENDEES = KEYS.key("circle.attendees", "name", "start", "coming", "maybe", "notComing");
    static final MessageKey ATTENDEES_NONE = KEYS.key("circle.attendees.none", "name", "start");
    static final MessageKey REMINDERS_CURRENT = KEYS.key("circle.reminders.current", "leads");
    static final MessageKey REMINDERS_CURRENT_OFF = KEYS.key("circle.reminders.current-off");
    static final MessageKey REMINDERS_SET = KEYS.key("circle.reminders.set", "leads");
    static final MessageKey REMINDERS_OFF = KEYS.key("circle.reminders.off");
    static final MessageKey ICS_ONE = KEYS.key("circle.ics.one", "name");
    static final MessageKey ICS_ALL = KEYS.key("circle.ics.all", "count");
    static final MessageKey FEED = KEYS.key("circle.feed", "token", "path", "rotated");

    static final MessageKey UPCOMING = KEYS.key("circles.upcoming", "zone", "items", "items.name", "items.id",
            "items.start", "items.place", "items.answer");
    static final MessageKey UPCOMING_NONE = KEYS.key("circles.none");
    static final MessageKey NEXT = KEYS.key("circles.next", "name", "id", "start", "place", "description", "answer");
    static final MessageKey NEXT_NONE = KEYS.key("circles.next.none");

    static final MessageKey ANSWER_COMING = KEYS.key("circle.answer.coming");
    static final MessageKey ANSWER_NOT = KEYS.key("circle.answer.not");
    static final MessageKey ANSWER_MAYBE = KEYS.key("circle.answer.maybe");
    static final MessageKey BUTTON_COMING = KEYS.key("circle.button.coming");
    static final MessageKey BUTTON_NOT = KEYS.key("circle.button.not");
    static final MessageKey BUTTON_MAYBE = KEYS.key("circle.button.maybe");
    static final MessageKey RSVP_COMING = KEYS.key("circle.rsvp.coming", "name", "start");
    static final MessageKey RSVP_NOT = KEYS.key("circle.rsvp.not", "name", "start");
    static final MessageKey RSVP_MAYBE = KEYS.key("circle.rsvp.maybe", "name", "start");
    static final MessageKey RSVP_OFF = KEYS.key("circle.rsvp.off", "name");
    static final MessageKey RSVP_OVER = KEYS.key("circle.rsvp.over", "name");
    static final MessageKey RSVP_UNKNOWN = KEYS.key("circle.rsvp.unknown");

    static final MessageKey REMIND_SHOW = KEYS.key("remind.show", "all", "circles", "circles.name", "circles.id",
            "circles.leads");
    static final MessageKey REMIND_NONE = KEYS.key("remind.none");
    static final MessageKey REMIND_SET_ALL = KEYS.key("remind.set.all", "leads");
    static final MessageKey REMIND_SET_ONE = KEYS.key("remind.set.one", "name", "leads");
    static final MessageKey REMIND_OFF_ALL = KEYS.key("remind.off.all");
    static final MessageKey REMIND_OFF_ONE = KEYS.key("remind.off.one", "name");

    static final MessageKey REMINDER_CHANNEL = KEYS.key("circle.reminder.channel", "name", "start", "place", "description");
    static final MessageKey REMINDER_MEMBER = KEYS.key("circle.reminder.member", "name", "start", "place");

    static final MessageKey PLACE_HERE = KEYS.key("circle.place.here");
    static final MessageKey PLACE_CHANNEL = KEYS.key("circle.place.channel", "name");
    static final MessageKey PLACE_ROOM = KEYS.key("circle.place.room", "name");
    static final MessageKey PLACE_LINK = KEYS.key("circle.place.link", "url");

    static final MessageKey WHEN_ONCE = KEYS.key("circle.when.once", "date", "time", "zone");
    static final MessageKey WHEN_DAILY = KEYS.key("circle.when.daily", "time", "zone");
    static final MessageKey WHEN_DAYS = KEYS.key("circle.when.days", "interval", "time", "zone");
    static final MessageKey WHEN_WEEKLY = KEYS.key("circle.when.weekly", "days", "time", "zone");
    static final MessageKey WHEN_WEEKS = KEYS.key("circle.when.weeks", "interval", "days", "time", "zone");
    static final MessageKey WHEN_MONTHLY = KEYS.key("circle.when.monthly", "ordinals", "days", "time", "zone");
    static final MessageKey WHEN_MONTHDAY = KEYS.key("circle.when.monthday", "day", "time", "zone");
    static final MessageKey WHEN_RULE = KEYS.key("circle.when.rule", "rule", "start");
    static final MessageKey WHEN_UNTIL = KEYS.key("circle.when.until", "when", "date");
    static final MessageKey WHEN_TIMES = KEYS.key("circle.when.times", "when", "count");
    static final MessageKey WORD_AND = KEYS.key("circle.word.and");
    static final MessageKey ORDINAL_1 = KEYS.key("circle.ordinal.1");
    static final MessageKey ORDINAL_2 = KEYS.key("circle.ordinal.2");
    static final MessageKey ORDINAL_3 = KEYS.key("circle.ordinal.3");
    static final MessageKey ORDINAL_4 = KEYS.key("circle.ordinal.4");
    static final MessageKey ORDINAL_5 = KEYS.key("circle.ordinal.5");
    static final MessageKey ORDINAL_LAST = KEYS.key("circle.ordinal.last");

    static final MessageKey ERR_UNKNOWN = KEYS.key("circle.error.unknown", "given", "ids");
    static final MessageKey ERR_WHEN = KEYS.key("circle.error.when", "given");
    static final MessageKey ERR_NO_TIME = KEYS.key("circle.error.no-time", "given");
    static final MessageKey ERR_BAD_DATE = KEYS.key("circle.error.bad-date", "given");
    static final MessageKey ERR_PAST = KEYS.key("circle.error.past", "given");
    static final MessageKey ERR_ENDS = KEYS.key("circle.error.ends-before-start", "given");
    static final MessageKey ERR_RULE = KEYS.key("circle.error.rule", "given");
    static final MessageKey ERR_NO_MEETINGS = KEYS.key("circle.error.no-meetings", "given");
    /** The first meeting lies beyond {@link Occurrences#NEXT_HORIZON}: the bot could never show or remind it. */
    static final MessageKey ERR_TOO_FAR = KEYS.key("circle.error.too-far", "given", "years");
    static final MessageKey ERR_TOO_MANY = KEYS.key("circle.error.too-many", "max");
    static final MessageKey ERR_CANCELLED = KEYS.key("circle.error.cancelled", "name");
    static final MessageKey ERR_NO_MEETING_ON = KEYS.key("circle.error.no-meeting-on", "name", "date");
    static final MessageKey ERR_DATE = KEYS.key("circle.error.date", "given");
    static final MessageKey ERR_ALREADY_SKIPPED = KEYS.key("circle.error.already-skipped", "name", "date");
    static final MessageKey ERR_NEW_TIME = KEYS.key("circle.error.new-time", "given");
    static final MessageKey ERR_LEADS = KEYS.key("circle.error.leads", "given");
    static final MessageKey ERR_PLACE = KEYS.key("circle.error.place", "given");
    static final MessageKey ERR_DURATION = KEYS.key("circle.error.duration", "given");
    static final MessageKey ERR_NAME = KEYS.key("circle.error.name", "max");
    static final MessageKey ERR_BUSY = KEYS.key("circle.error.busy");
    static final MessageKey ERR_NO_UPCOMING = KEYS.key("circle.error.no-upcoming", "name");
    static final MessageKey ERR_EXCEPTIONS = KEYS.key("circle.error.exceptions", "max");
    static final MessageKey ERR_NAME_SWALLOWED = KEYS.key("circle.error.name-swallowed", "given", "when", "schedule");
    static final MessageKey ERR_NAME_QUOTE = KEYS.key("circle.error.name-quote", "given");
    static final MessageKey CLOCK_CHANGES = KEYS.key("circle.clock-changes", "name", "zone", "items", "items.day", "items.time",
            "items.gap", "items.actual", "items.offset");
    static final MessageKey ERR_AMBIGUOUS = KEYS.key("circle.error.ambiguous", "given", "ids");
    static final MessageKey ERR_CLASH = KEYS.key("circle.error.clash", "name", "id", "from", "to", "other", "date");
    /** Said once to organisers when a circle's channel is gone or locked, or the bot lost access to it. */
    static final MessageKey PLACE_GONE = KEYS.key("circle.place-gone", "circles");

    private CircleMessages() {
    }
}
