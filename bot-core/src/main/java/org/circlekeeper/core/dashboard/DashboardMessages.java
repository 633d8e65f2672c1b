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
    public static final MessageKey NAV_TRENDS = KEYS.key("page.nav.trends");
    public static final MessageKey TRENDS_TITLE = KEYS.key("page.trends.title");
    public static final MessageKey TRENDS_INTRO = KEYS.key("page.trends.intro", "min");
    public static final MessageKey TRENDS_TOO_FEW = KEYS.key("page.trends.too-few");
    public static final MessageKey TRENDS_CHART_NOTE = KEYS.key("page.trends.chart-note");
    public static final MessageKey TRENDS_WEEK = KEYS.key("page.trends.week", "from", "to");
    public static final MessageKey TRENDS_MOOD = KEYS.key("page.trends.mood", "emoji", "word", "count");
    public static final MessageKey TRENDS_PULSE_HEADING = KEYS.key("page.trends.pulse.heading");
    public static final MessageKey TRENDS_PULSE_ABOUT = KEYS.key("page.trends.pulse.about", "min");
    public static final MessageKey TRENDS_PULSE_CHART = KEYS.key("page.trends.pulse.chart", "count");
    public static final MessageKey TRENDS_PULSE_TABLE = KEYS.key("page.trends.pulse.table");
    public static final MessageKey TRENDS_PULSE_WEEK = KEYS.key("page.trends.pulse.week");
    public static final MessageKey TRENDS_PULSE_CHECKINS = KEYS.key("page.trends.pulse.checkins");
    public static final MessageKey TRENDS_PULSE_AVERAGE = KEYS.key("page.trends.pulse.average");
    public static final MessageKey TRENDS_PULSE_SPREAD = KEYS.key("page.trends.pulse.spread");
    public static final MessageKey TRENDS_JOINED_HEADING = KEYS.key("page.trends.joined.heading");
    public static final MessageKey TRENDS_JOINED_ABOUT = KEYS.key("page.trends.joined.about", "min");
    public static final MessageKey TRENDS_JOINED_CHART = KEYS.key("page.trends.joined.chart", "count");
    public static final MessageKey TRENDS_HISTORY_HEADING = KEYS.key("page.trends.history.heading");
    public static final MessageKey TRENDS_HISTORY_NONE = KEYS.key("page.trends.history.none");
    public static final MessageKey TRENDS_HISTORY_TOTALS = KEYS.key("page.trends.history.totals", "held", "shown", "min", "shares",
            "passes", "anonymous");
    public static final MessageKey TRENDS_HISTORY_TABLE = KEYS.key("page.trends.history.table");
    public static final MessageKey TRENDS_HISTORY_DATE = KEYS.key("page.trends.history.date");
    public static final MessageKey TRENDS_HISTORY_FORMAT = KEYS.key("page.trends.history.format");
    public static final MessageKey TRENDS_HISTORY_MINUTES = KEYS.key("page.trends.history.minutes");
    public static final MessageKey TRENDS_HISTORY_JOINED = KEYS.key("page.trends.history.joined");
    public static final MessageKey TRENDS_HISTORY_SHARES = KEYS.key("page.trends.history.shares");
    public static final MessageKey TRENDS_HISTORY_PASSES = KEYS.key("page.trends.history.passes");
    public static final MessageKey TRENDS_HISTORY_ANONYMOUS = KEYS.key("page.trends.history.anonymous");
    public static final MessageKey TRENDS_CIRCLE_LABEL = KEYS.key("page.trends.circle.label");
    public static final MessageKey TRENDS_CIRCLE_ALL = KEYS.key("page.trends.circle.all");
    public static final MessageKey TRENDS_CIRCLE_SHOW = KEYS.key("page.trends.circle.show");
    public static final MessageKey TRENDS_CIRCLE_ABOUT = KEYS.key("page.trends.circle.about", "minutes");
    public static final MessageKey TRENDS_CIRCLE_NONE = KEYS.key("page.trends.circle.none");

    private DashboardMessages() {
    }
}
