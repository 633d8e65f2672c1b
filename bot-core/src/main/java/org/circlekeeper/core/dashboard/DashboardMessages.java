package org.circlekeeper.core.dashboard;

import org.circlekeeper.core.ref.MessageCatalog;
import org.circlekeeper.core.ref.MessageKey;

/** The keys of the organisers' page: the {@code /dashboard} command's replies and every text the pages show. */
public final class DashboardMessages {

    /** Every key this class declares, collected as declared; their texts are in {@code dashboard.yml}. */
    public static final MessageCatalog KEYS = MessageCatalog.of("dashboard");

    static final MessageKey CMD_DASHBOARD = KEYS.key("cmd.dashboard");
    static final MessageKey LINK = KEYS.key("dashboard.link", "url", "minutes");
    static final MessageKey OFF = KEYS.key("dashboard.off");
    static final MessageKey TOO_MANY = KEYS.key("dashboard.too-many", "minutes");
    static final MessageKey OWN_BUTTON = KEYS.key("dashboard.own.button");
    static final MessageKey OWN_LINK = KEYS.key("dashboard.own.link", "url", "minutes");
    static final MessageKey OWN_OFF = KEYS.key("dashboard.own.off");
    static final MessageKey OWN_NO_GROUP = KEYS.key("dashboard.own.no-group");

    public static final MessageKey PAGE_TITLE = KEYS.key("page.title");
    public static final MessageKey SKIP_TO_CONTENT = KEYS.key("page.skip");
    public static final MessageKey NAV_LABEL = KEYS.key("page.nav");
    public static final MessageKey NAV_CALENDAR = KEYS.key("page.nav.calendar");
    public static final MessageKey NAV_ACTIONS = KEYS.key("page.nav.actions");
    public static final MessageKey NAV_OWN = KEYS.key("page.nav.own");
    public static final MessageKey SIGN_OUT = KEYS.key("page.sign-out");
    public static final MessageKey SIGNIN_TITLE = KEYS.key("page.signin.title");
    public static final MessageKey SIGNIN_INTRO = KEYS.key("page.signin.intro");
    public static final MessageKey SIGNIN_BUTTON = KEYS.key("page.signin.button");
    public static final MessageKey SIGNIN_REFUSED = KEYS.key("page.signin.refused");
    public static final MessageKey SIGNED_OUT = KEYS.key("page.signed-out");
    public static final MessageKey NOT_SIGNED_IN = KEYS.key("page.not-signed-in");
    public static final MessageKey ROLE_LOST = KEYS.key("page.role-lost");
    public static final MessageKey ROLE_UNCONFIRMED = KEYS.key("page.role-unconfirmed");
    public static final MessageKey REFUSED_CHANGE = KEYS.key("page.refused-change");
    public static final MessageKey NOT_FOUND = KEYS.key("page.not-found");
    public static final MessageKey ORGANISERS_ONLY = KEYS.key("page.organisers-only");
    public static final MessageKey ACTIONS_TITLE = KEYS.key("page.actions.title");
    public static final MessageKey ACTIONS_INTRO = KEYS.key("page.actions.intro");
    public static final MessageKey ACTIONS_USAGE = KEYS.key("page.actions.usage");
    public static final MessageKey ACTIONS_REQUIRED = KEYS.key("page.actions.required");
    public static final MessageKey ACTIONS_SUBMIT = KEYS.key("page.actions.submit");
    public static final MessageKey ACTIONS_ANSWER = KEYS.key("page.actions.answer");
    public static final MessageKey ACTIONS_BACK = KEYS.key("page.actions.back");
    public static final MessageKey ACTIONS_POSTED = KEYS.key("page.actions.posted");
    public static final MessageKey ACTIONS_NOT_POSTED = KEYS.key("page.actions.not-posted");
    public static final MessageKey ACTIONS_SENT_PRIVATELY = KEYS.key("page.actions.sent-privately");
    public static final MessageKey ACTIONS_PROBLEM = KEYS.key("page.actions.problem");
    public static final MessageKey ACTIONS_NOTHING_CHOSEN = KEYS.key("page.actions.nothing-chosen");
    public static final MessageKey CALENDAR_TITLE = KEYS.key("page.calendar.title", "month");
    public static final MessageKey CALENDAR_ZONE = KEYS.key("page.calendar.zone", "zone");
    public static final MessageKey CALENDAR_PREVIOUS = KEYS.key("page.calendar.previous", "month");
    public static final MessageKey CALENDAR_NEXT = KEYS.key("page.calendar.next", "month");
    public static final MessageKey CALENDAR_NONE = KEYS.key("page.calendar.none");
    public static final MessageKey CALENDAR_MEETING = KEYS.key("page.calendar.meeting", "time", "name");
    public static final MessageKey CALENDAR_LIST = KEYS.key("page.calendar.list");
    public static final MessageKey MEETING_WHEN = KEYS.key("page.meeting.when");
    public static final MessageKey MEETING_MOVED = KEYS.key("page.meeting.moved");
    public static final MessageKey MEETING_SCHEDULE = KEYS.key("page.meeting.schedule");
    public static final MessageKey MEETING_PLACE = KEYS.key("page.meeting.place");
    public static final MessageKey MEETING_FORMAT = KEYS.key("page.meeting.format");
    public static final MessageKey MEETING_ANSWERS = KEYS.key("page.meeting.answers");
    public static final MessageKey MEETING_COMING = KEYS.key("page.meeting.coming", "count");
    public static final MessageKey MEETING_MAYBE = KEYS.key("page.meeting.maybe", "count");
    public static final MessageKey MEETING_NOT = KEYS.key("page.meeting.not", "count");
    public static final MessageKey MEETING_BACK = KEYS.key("page.meeting.back");
    public static final MessageKey MEETING_TIME = KEYS.key("page.meeting.time", "date", "start", "end", "zone");
    public static final MessageKey NAV_WORDING = KEYS.key("page.nav.wording");
    public static final MessageKey WORDING_TITLE = KEYS.key("page.wording.title");
    public static final MessageKey WORDING_INTRO = KEYS.key("page.wording.intro");
    public static final MessageKey WORDING_GENERAL = KEYS.key("page.wording.general");
    public static final MessageKey WORDING_COUNT = KEYS.key("page.wording.count", "count", "changed");
    public static final MessageKey WORDING_CHANGED = KEYS.key("page.wording.changed", "languages");
    public static final MessageKey WORDING_BACK = KEYS.key("page.wording.back");
    public static final MessageKey WORDING_EDIT_TITLE = KEYS.key("page.wording.edit-title", "key");
    public static final MessageKey WORDING_VALUES = KEYS.key("page.wording.values", "values");
    public static final MessageKey WORDING_NO_VALUES = KEYS.key("page.wording.no-values");
    public static final MessageKey WORDING_FIELD = KEYS.key("page.wording.field", "language");
    public static final MessageKey WORDING_FIELD_HINT = KEYS.key("page.wording.field-hint", "max");
    public static final MessageKey WORDING_PREVIEW = KEYS.key("page.wording.preview");
    public static final MessageKey WORDING_SAVE = KEYS.key("page.wording.save");
    public static final MessageKey WORDING_RESET = KEYS.key("page.wording.reset");
    public static final MessageKey WORDING_PREVIEW_HEADING = KEYS.key("page.wording.preview-heading");
    public static final MessageKey WORDING_PREVIEW_DRAFT = KEYS.key("page.wording.preview-draft", "language");
    public static final MessageKey WORDING_PREVIEW_NOW = KEYS.key("page.wording.preview-now", "language");
    public static final MessageKey WORDING_TEXTS_HEADING = KEYS.key("page.wording.texts-heading", "language");
    public static final MessageKey WORDING_STANDARD = KEYS.key("page.wording.standard");
    public static final MessageKey WORDING_OWN = KEYS.key("page.wording.own");
    public static final MessageKey WORDING_LANGUAGE_NOTE = KEYS.key("page.wording.language-note", "language");

    public static final MessageKey NAV_WEEK = KEYS.key("page.nav.week");
    public static final MessageKey CALENDAR_NEW_CIRCLE = KEYS.key("page.calendar.new-circle");
    public static final MessageKey CALENDAR_WEEK_VIEW = KEYS.key("page.calendar.week-view");
    public static final MessageKey MEETING_CHANGES = KEYS.key("page.meeting.changes");
    public static final MessageKey MEETING_MOVE = KEYS.key("page.meeting.move");
    public static final MessageKey MEETING_SKIP = KEYS.key("page.meeting.skip");
    public static final MessageKey MEETING_EDIT = KEYS.key("page.meeting.edit");
    public static final MessageKey MEETING_REMINDERS = KEYS.key("page.meeting.reminders");
    public static final MessageKey MEETING_CANCEL = KEYS.key("page.meeting.cancel");
    public static final MessageKey WEEK_TITLE = KEYS.key("page.week.title", "from", "to");
    public static final MessageKey WEEK_PREVIOUS = KEYS.key("page.week.previous");
    public static final MessageKey WEEK_NEXT = KEYS.key("page.week.next");
    public static final MessageKey WEEK_THIS = KEYS.key("page.week.this");
    public static final MessageKey WEEK_MONTH_VIEW = KEYS.key("page.week.month-view", "month");
    public static final MessageKey WEEK_NOTHING_THIS_DAY = KEYS.key("page.week.nothing");
    public static final MessageKey OWN_TITLE = KEYS.key("page.own.title");
    public static final MessageKey OWN_INTRO = KEYS.key("page.own.intro");
    public static final MessageKey OWN_HISTORY = KEYS.key("page.own.history", "days");
    public static final MessageKey OWN_CHART = KEYS.key("page.own.chart", "from", "to", "count");
    public static final MessageKey OWN_TABLE = KEYS.key("page.own.table");
    public static final MessageKey OWN_DAY = KEYS.key("page.own.day");
    public static final MessageKey OWN_MOOD = KEYS.key("page.own.mood");
    public static final MessageKey OWN_NONE = KEYS.key("page.own.none");
    public static final MessageKey OWN_STREAK = KEYS.key("page.own.streak", "streak");
    public static final MessageKey OWN_NO_STREAK = KEYS.key("page.own.no-streak");
    public static final MessageKey OWN_SINCE = KEYS.key("page.own.since", "since");
    public static final MessageKey OWN_NOTES = KEYS.key("page.own.notes");
    public static final MessageKey OWN_EXPORT_HEADING = KEYS.key("page.own.export.heading");
    public static final MessageKey OWN_EXPORT_INTRO = KEYS.key("page.own.export.intro");
    public static final MessageKey OWN_EXPORT_BUTTON = KEYS.key("page.own.export.button");
    public static final MessageKey OWN_ERASE_HEADING = KEYS.key("page.own.erase.heading");
    public static final MessageKey OWN_ERASE_INTRO = KEYS.key("page.own.erase.intro");
    public static final MessageKey OWN_ERASE_BUTTON = KEYS.key("page.own.erase.button");
    public static final MessageKey OWN_ERASE_TITLE = KEYS.key("page.own.erase.title");
    public static final MessageKey OWN_ERASED = KEYS.key("page.own.erased");
    public static final MessageKey OWN_BACK = KEYS.key("page.own.back");

    private DashboardMessages() {
    }
}
