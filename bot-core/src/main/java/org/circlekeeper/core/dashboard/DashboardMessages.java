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
    // the resource library and the calendar feed (issue #17)
    public static final MessageKey NAV_LIBRARY = KEYS.key("page.nav.library");
    public static final MessageKey NAV_FEED = KEYS.key("page.nav.feed");
    public static final MessageKey LIBRARY_TITLE = KEYS.key("page.library.title");
    public static final MessageKey LIBRARY_INTRO = KEYS.key("page.library.intro");
    public static final MessageKey LIBRARY_ADD = KEYS.key("page.library.add");
    public static final MessageKey LIBRARY_GROUP = KEYS.key("page.library.group", "kind", "count");
    public static final MessageKey LIBRARY_OWN = KEYS.key("page.library.own");
    public static final MessageKey LIBRARY_SHIPPED = KEYS.key("page.library.shipped");
    public static final MessageKey LIBRARY_HIDDEN = KEYS.key("page.library.hidden");
    public static final MessageKey LIBRARY_FOR = KEYS.key("page.library.for", "countries");
    public static final MessageKey LIBRARY_ANYWHERE = KEYS.key("page.library.anywhere");
    public static final MessageKey LIBRARY_ID = KEYS.key("page.library.id");
    public static final MessageKey LIBRARY_EDIT = KEYS.key("page.library.edit");
    public static final MessageKey LIBRARY_REMOVE = KEYS.key("page.library.remove");
    public static final MessageKey LIBRARY_HIDE = KEYS.key("page.library.hide");
    public static final MessageKey LIBRARY_UNHIDE = KEYS.key("page.library.unhide");
    public static final MessageKey LIBRARY_REPORTS = KEYS.key("page.library.reports");
    public static final MessageKey LIBRARY_REPORTS_NONE = KEYS.key("page.library.reports.none");
    public static final MessageKey LIBRARY_REPORT = KEYS.key("page.library.report", "name", "country", "contact", "count", "last");
    public static final MessageKey LIBRARY_REPORTS_REVIEW = KEYS.key("page.library.reports.review");
    public static final MessageKey LIBRARY_LINES = KEYS.key("page.library.lines");
    public static final MessageKey LIBRARY_LINES_INTRO = KEYS.key("page.library.lines.intro", "date");
    public static final MessageKey LIBRARY_LINE_NAME = KEYS.key("page.library.line.name");
    public static final MessageKey LIBRARY_LINE_COUNTRY = KEYS.key("page.library.line.country");
    public static final MessageKey LIBRARY_LINE_CONTACT = KEYS.key("page.library.line.contact");
    public static final MessageKey LIBRARY_LINE_SOURCE = KEYS.key("page.library.line.source");
    public static final MessageKey LIBRARY_LINE_VERIFIED = KEYS.key("page.library.line.verified");
    public static final MessageKey FEED_TITLE = KEYS.key("page.feed.title");
    public static final MessageKey FEED_INTRO = KEYS.key("page.feed.intro");
    public static final MessageKey FEED_LABEL = KEYS.key("page.feed.label");
    public static final MessageKey FEED_HINT = KEYS.key("page.feed.hint");
    public static final MessageKey FEED_COPY = KEYS.key("page.feed.copy");
    public static final MessageKey FEED_COPIED = KEYS.key("page.feed.copied");
    public static final MessageKey FEED_COPY_FAILED = KEYS.key("page.feed.copy-failed");
    public static final MessageKey FEED_RENEW_HEADING = KEYS.key("page.feed.renew.heading");
    public static final MessageKey FEED_RENEW_EXPLAIN = KEYS.key("page.feed.renew.explain");
    public static final MessageKey FEED_RENEW_BUTTON = KEYS.key("page.feed.renew.button");
    public static final MessageKey FEED_RENEWED = KEYS.key("page.feed.renewed");

    private DashboardMessages() {
    }
}
