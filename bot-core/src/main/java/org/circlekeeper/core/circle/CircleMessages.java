package org.circlekeeper.core.circle;

import java.util.List;
import org.circlekeeper.core.ref.MessageKey;

/** The circles feature's messages and command descriptions ({@code templates/messages/<lang>/circles.yml}). */
final class CircleMessages {

    static final MessageKey CMD_CIRCLE = MessageKey.of("cmd.circle");
    static final MessageKey CMD_CREATE = MessageKey.of("cmd.circle.create");
    static final MessageKey CMD_CREATE_EXAMPLE = MessageKey.of("cmd.circle.create.example");
    static final MessageKey CMD_EDIT = MessageKey.of("cmd.circle.edit");
    static final MessageKey CMD_EDIT_EXAMPLE = MessageKey.of("cmd.circle.edit.example");
    static final MessageKey CMD_LIST = MessageKey.of("cmd.circle.list");
    static final MessageKey CMD_SHOW = MessageKey.of("cmd.circle.show");
    static final MessageKey CMD_CANCEL = MessageKey.of("cmd.circle.cancel");
    static final MessageKey CMD_SKIP = MessageKey.of("cmd.circle.skip");
    static final MessageKey CMD_SKIP_EXAMPLE = MessageKey.of("cmd.circle.skip.example");
    static final MessageKey CMD_RESCHEDULE = MessageKey.of("cmd.circle.reschedule");
    static final MessageKey CMD_RESCHEDULE_EXAMPLE = MessageKey.of("cmd.circle.reschedule.example");
    static final MessageKey CMD_ATTENDEES = MessageKey.of("cmd.circle.attendees");
    static final MessageKey CMD_REMINDERS = MessageKey.of("cmd.circle.reminders");
    static final MessageKey CMD_REMINDERS_EXAMPLE = MessageKey.of("cmd.circle.reminders.example");
    static final MessageKey CMD_ICS = MessageKey.of("cmd.circle.ics");
    static final MessageKey CMD_FEED = MessageKey.of("cmd.circle.feed");
    static final MessageKey CMD_CIRCLES = MessageKey.of("cmd.circles");
    static final MessageKey CMD_NEXT = MessageKey.of("cmd.next");
    static final MessageKey CMD_REMIND = MessageKey.of("cmd.remind");
    static final MessageKey CMD_REMIND_EXAMPLE = MessageKey.of("cmd.remind.example");

    static final MessageKey OPT_NAME = MessageKey.of("opt.circle.name");
    static final MessageKey OPT_WHEN = MessageKey.of("opt.circle.when");
    static final MessageKey OPT_ID = MessageKey.of("opt.circle.id");
    static final MessageKey OPT_FIELD = MessageKey.of("opt.circle.field");
    static final MessageKey OPT_VALUE = MessageKey.of("opt.circle.value");
    static final MessageKey OPT_DATE = MessageKey.of("opt.circle.date");
    static final MessageKey OPT_TO = MessageKey.of("opt.circle.to");
    static final MessageKey OPT_LEADS = MessageKey.of("opt.circle.leads");
    static final MessageKey OPT_FEED_ACTION = MessageKey.of("opt.circle.feed-action");
    static final MessageKey OPT_REMIND_CIRCLE = MessageKey.of("opt.remind.circle");
    static final MessageKey OPT_REMIND_LEADS = MessageKey.of("opt.remind.leads");

    static final MessageKey CREATED = MessageKey.of("circle.created", "name", "id", "when", "next", "place");
    static final MessageKey LIST = MessageKey.of("circle.list", "circles", "circles.id", "circles.name", "circles.when",
            "circles.next", "circles.cancelled");
    static final MessageKey LIST_EMPTY = MessageKey.of("circle.list.empty");
    static final MessageKey SHOW = MessageKey.of("circle.show", "id", "name", "description", "place", "when", "duration",
            "upcoming", "upcoming.start", "upcoming.moved", "skipped", "skipped.date", "cancelled", "leads");
    static final MessageKey CANCELLED = MessageKey.of("circle.cancelled", "name");
    static final MessageKey ALREADY_CANCELLED = MessageKey.of("circle.already-cancelled", "name");
    static final MessageKey SKIPPED = MessageKey.of("circle.skipped", "name", "start");
    static final MessageKey RESCHEDULED = MessageKey.of("circle.rescheduled", "name", "from", "to");
    static final MessageKey EDITED_NAME = MessageKey.of("circle.edited.name", "old", "name");
    static final MessageKey EDITED_DESCRIPTION = MessageKey.of("circle.edited.description", "name", "description");
    static final MessageKey EDITED_PLACE = MessageKey.of("circle.edited.place", "name", "place");
    static final MessageKey EDITED_DURATION = MessageKey.of("circle.edited.duration", "name", "duration");
    static final MessageKey EDITED_WHEN = MessageKey.of("circle.edited.when", "name", "when", "next", "dropped");
    static final MessageKey ATTENDEES = MessageKey.of("circle.attendees", "name", "start", "coming", "maybe", "notComing");
    static final MessageKey ATTENDEES_NONE = MessageKey.of("circle.attendees.none", "name", "start");
    static final MessageKey REMINDERS_CURRENT = MessageKey.of("circle.reminders.current", "leads");
    static final MessageKey REMINDERS_CURRENT_OFF = MessageKey.of("circle.reminders.current-off");
    static final MessageKey REMINDERS_SET = MessageKey.of("circle.reminders.set", "leads");
    static final MessageKey REMINDERS_OFF = MessageKey.of("circle.reminders.off");
    static final MessageKey ICS_ONE = MessageKey.of("circle.ics.one", "name");
    static final MessageKey ICS_ALL = MessageKey.of("circle.ics.all", "count");
    static final MessageKey FEED = MessageKey.of("circle.feed", "token", "path", "rotated");

    static final MessageKey UPCOMING = MessageKey.of("circles.upcoming", "zone", "items", "items.name", "items.id",
            "items.start", "items.place", "items.answer");
    static final MessageKey UPCOMING_NONE = MessageKey.of("circles.none");
    static final MessageKey NEXT = MessageKey.of("circles.next", "name", "id", "start", "place", "description", "answer");
    static final MessageKey NEXT_NONE = MessageKey.of("circles.next.none");

    static final MessageKey ANSWER_COMING = MessageKey.of("circle.answer.coming");
    static final MessageKey ANSWER_NOT = MessageKey.of("circle.answer.not");
    static final MessageKey ANSWER_MAYBE = MessageKey.of("circle.answer.maybe");
    static final MessageKey BUTTON_COMING = MessageKey.of("circle.button.coming");
    static final MessageKey BUTTON_NOT = MessageKey.of("circle.button.not");
    static final MessageKey BUTTON_MAYBE = MessageKey.of("circle.button.maybe");
    static final MessageKey RSVP_COMING = MessageKey.of("circle.rsvp.coming", "name", "start");
    static final MessageKey RSVP_NOT = MessageKey.of("circle.rsvp.not", "name", "start");
    static final MessageKey RSVP_MAYBE = MessageKey.of("circle.rsvp.maybe", "name", "start");
    static final MessageKey RSVP_OFF = MessageKey.of("circle.rsvp.off", "name");
    static final MessageKey RSVP_OVER = MessageKey.of("circle.rsvp.over", "name");
    static final MessageKey RSVP_UNKNOWN = MessageKey.of("circle.rsvp.unknown");

    static final MessageKey REMIND_SHOW = MessageKey.of("remind.show", "all", "circles", "circles.name", "circles.id",
            "circles.leads");
    static final MessageKey REMIND_NONE = MessageKey.of("remind.none");
    static final MessageKey REMIND_SET_ALL = MessageKey.of("remind.set.all", "leads");
    static final MessageKey REMIND_SET_ONE = MessageKey.of("remind.set.one", "name", "leads");
    static final MessageKey REMIND_OFF_ALL = MessageKey.of("remind.off.all");
    static final MessageKey REMIND_OFF_ONE = MessageKey.of("remind.off.one", "name");

    static final MessageKey REMINDER_CHANNEL = MessageKey.of("circle.reminder.channel", "name", "start", "place", "description");
    static final MessageKey REMINDER_MEMBER = MessageKey.of("circle.reminder.member", "name", "start", "place");

    static final MessageKey PLACE_HERE = MessageKey.of("circle.place.here");
    static final MessageKey PLACE_CHANNEL = MessageKey.of("circle.place.channel", "name");
    static final MessageKey PLACE_ROOM = MessageKey.of("circle.place.room", "name");
    static final MessageKey PLACE_LINK = MessageKey.of("circle.place.link", "url");

    static final MessageKey WHEN_ONCE = MessageKey.of("circle.when.once", "date", "time", "zone");
    static final MessageKey WHEN_DAILY = MessageKey.of("circle.when.daily", "time", "zone");
    static final MessageKey WHEN_DAYS = MessageKey.of("circle.when.days", "interval", "time", "zone");
    static final MessageKey WHEN_WEEKLY = MessageKey.of("circle.when.weekly", "days", "time", "zone");
    static final MessageKey WHEN_WEEKS = MessageKey.of("circle.when.weeks", "interval", "days", "time", "zone");
    static final MessageKey WHEN_MONTHLY = MessageKey.of("circle.when.monthly", "ordinals", "days", "time", "zone");
    static final MessageKey WHEN_MONTHDAY = MessageKey.of("circle.when.monthday", "day", "time", "zone");
    static final MessageKey WHEN_RULE = MessageKey.of("circle.when.rule", "rule", "start");
    static final MessageKey WHEN_UNTIL = MessageKey.of("circle.when.until", "when", "date");
    static final MessageKey WHEN_TIMES = MessageKey.of("circle.when.times", "when", "count");
    static final MessageKey WORD_AND = MessageKey.of("circle.word.and");
    static final MessageKey ORDINAL_1 = MessageKey.of("circle.ordinal.1");
    static final MessageKey ORDINAL_2 = MessageKey.of("circle.ordinal.2");
    static final MessageKey ORDINAL_3 = MessageKey.of("circle.ordinal.3");
    static final MessageKey ORDINAL_4 = MessageKey.of("circle.ordinal.4");
    static final MessageKey ORDINAL_5 = MessageKey.of("circle.ordinal.5");
    static final MessageKey ORDINAL_LAST = MessageKey.of("circle.ordinal.last");

    static final MessageKey ERR_UNKNOWN = MessageKey.of("circle.error.unknown", "given", "ids");
    static final MessageKey ERR_WHEN = MessageKey.of("circle.error.when", "given");
    static final MessageKey ERR_NO_TIME = MessageKey.of("circle.error.no-time", "given");
    static final MessageKey ERR_BAD_DATE = MessageKey.of("circle.error.bad-date", "given");
    static final MessageKey ERR_PAST = MessageKey.of("circle.error.past", "given");
    static final MessageKey ERR_ENDS = MessageKey.of("circle.error.ends-before-start", "given");
    static final MessageKey ERR_RULE = MessageKey.of("circle.error.rule", "given");
    static final MessageKey ERR_NO_MEETINGS = MessageKey.of("circle.error.no-meetings", "given");
    /** The first meeting lies beyond {@link Occurrences#NEXT_HORIZON}: the bot could never show or remind it. */
    static final MessageKey ERR_TOO_FAR = MessageKey.of("circle.error.too-far", "given", "years");
    static final MessageKey ERR_TOO_MANY = MessageKey.of("circle.error.too-many", "max");
    static final MessageKey ERR_CANCELLED = MessageKey.of("circle.error.cancelled", "name");
    static final MessageKey ERR_NO_MEETING_ON = MessageKey.of("circle.error.no-meeting-on", "name", "date");
    static final MessageKey ERR_DATE = MessageKey.of("circle.error.date", "given");
    static final MessageKey ERR_ALREADY_SKIPPED = MessageKey.of("circle.error.already-skipped", "name", "date");
    static final MessageKey ERR_NEW_TIME = MessageKey.of("circle.error.new-time", "given");
    static final MessageKey ERR_LEADS = MessageKey.of("circle.error.leads", "given");
    static final MessageKey ERR_PLACE = MessageKey.of("circle.error.place", "given");
    static final MessageKey ERR_DURATION = MessageKey.of("circle.error.duration", "given");
    static final MessageKey ERR_NAME = MessageKey.of("circle.error.name", "max");
    static final MessageKey ERR_BUSY = MessageKey.of("circle.error.busy");
    static final MessageKey ERR_NO_UPCOMING = MessageKey.of("circle.error.no-upcoming", "name");
    static final MessageKey ERR_EXCEPTIONS = MessageKey.of("circle.error.exceptions", "max");
    static final MessageKey ERR_NAME_SWALLOWED = MessageKey.of("circle.error.name-swallowed", "given", "when", "schedule");
    static final MessageKey ERR_NAME_QUOTE = MessageKey.of("circle.error.name-quote", "given");
    static final MessageKey CLOCK_CHANGES = MessageKey.of("circle.clock-changes", "name", "zone", "items", "items.day", "items.time",
            "items.gap", "items.actual", "items.offset");
    static final MessageKey ERR_AMBIGUOUS = MessageKey.of("circle.error.ambiguous", "given", "ids");
    static final MessageKey ERR_CLASH = MessageKey.of("circle.error.clash", "name", "id", "from", "to", "other", "date");

    static final MessageKey PLACE_GONE = MessageKey.of("circle.place-gone", "circles");

    static final List<MessageKey> ALL = List.of(PLACE_GONE, CREATED, LIST, LIST_EMPTY, SHOW, CANCELLED, ALREADY_CANCELLED, SKIPPED,
            RESCHEDULED, EDITED_NAME, EDITED_DESCRIPTION, EDITED_PLACE, EDITED_DURATION, EDITED_WHEN, ATTENDEES,
            ATTENDEES_NONE, REMINDERS_CURRENT, REMINDERS_CURRENT_OFF, REMINDERS_SET, REMINDERS_OFF, ICS_ONE, ICS_ALL, FEED,
            UPCOMING, UPCOMING_NONE, NEXT, NEXT_NONE, ANSWER_COMING, ANSWER_NOT, ANSWER_MAYBE, BUTTON_COMING, BUTTON_NOT,
            BUTTON_MAYBE, RSVP_COMING, RSVP_NOT, RSVP_MAYBE, RSVP_OFF, RSVP_OVER, RSVP_UNKNOWN, REMIND_SHOW, REMIND_NONE,
            REMIND_SET_ALL, REMIND_SET_ONE, REMIND_OFF_ALL, REMIND_OFF_ONE, REMINDER_CHANNEL, REMINDER_MEMBER, PLACE_HERE,
            PLACE_CHANNEL, PLACE_ROOM, PLACE_LINK, WHEN_ONCE, WHEN_DAILY, WHEN_DAYS, WHEN_WEEKLY, WHEN_WEEKS, WHEN_MONTHLY,
            WHEN_MONTHDAY, WHEN_RULE, WHEN_UNTIL, WHEN_TIMES, WORD_AND, ORDINAL_1, ORDINAL_2, ORDINAL_3, ORDINAL_4,
            ORDINAL_5, ORDINAL_LAST, ERR_UNKNOWN, ERR_WHEN, ERR_NO_TIME, ERR_BAD_DATE, ERR_PAST, ERR_ENDS, ERR_RULE,
            ERR_NO_MEETINGS, ERR_TOO_MANY, ERR_CANCELLED, ERR_NO_MEETING_ON, ERR_DATE, ERR_ALREADY_SKIPPED, ERR_NEW_TIME,
            ERR_LEADS, ERR_PLACE, ERR_DURATION, ERR_NAME, ERR_BUSY, ERR_NO_UPCOMING, ERR_EXCEPTIONS,
            ERR_TOO_FAR, ERR_CLASH, ERR_NAME_SWALLOWED, ERR_NAME_QUOTE, CLOCK_CHANGES, ERR_AMBIGUOUS);

    private CircleMessages() {
    }
}
