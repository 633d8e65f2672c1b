package org.circlekeeper.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import org.circlekeeper.core.dashboard.DashboardAddress;
import org.circlekeeper.core.dashboard.FormLink;

/** The organisers' page's addresses. None carries personal data: circle ids, meeting keys and months only. */
final class Paths {

    static final String ROOT = DashboardAddress.PATH;
    static final String SIGN_IN = ROOT + "/signin";
    static final String SIGN_OUT = ROOT + "/signout";
    static final String CALENDAR = ROOT + "/calendar";
    static final String MEETINGS = ROOT + "/meetings/";
    static final String STATIC = ROOT + "/static/";
    static final String STYLESHEET = STATIC + "dashboard.css";
    /** The forms that act through the engine: {@code /dashboard/do/<command>[/<subcommand>]}. */
    static final String ACTIONS = ROOT + "/do";
    /** A button of an answer shown on the page, pressed. */
    static final String PRESS = ROOT + "/press";
    /** A member's own page (their history, export and erase). */
    static final String OWN = ROOT + "/me";
    /** The week view: {@code /dashboard/week?week=2026-W49}. */
    static final String WEEK = ROOT + "/week";
    /** The member's data file, as {@code /mydata} makes it. */
    static final String OWN_EXPORT = OWN + "/export";
    /** The erasure's question, then its confirmation. */
    static final String OWN_ERASE = OWN + "/erase";
    static final String OWN_ERASE_CONFIRM = OWN_ERASE + "/confirm";
    /** The bot's wording, by topic; {@code /dashboard/wording/<message key>} edits one text. */
    static final String WORDING = ROOT + "/wording";
    /** The community's resource library. */
    static final String LIBRARY = ROOT + "/library";
    /** The calendar feed's address, and renewing it. */
    static final String FEED = ROOT + "/feed";
    static final String FEED_RENEW = FEED + "/renew";
    /** The organisers' trends: the pulse of closed weeks and the share circles' history, as charts and tables. */
    static final String TRENDS = ROOT + "/trends";

    private Paths() {
    }

    static String action(String command, String subcommand) {
        return ACTIONS + "/" + command + (subcommand == null ? "" : "/" + subcommand);
    }

    static String wording(String key) {
        return WORDING + "/" + key;
    }

    /** Where the wording editor's script asks for a draft's preview. */
    static String wordingPreview(String key) {
        return wording(key) + "/preview";
    }

    static String meeting(String circleId, String key) {
        return MEETINGS + circleId + "/" + key;
    }

    static String week(String isoWeek) {
        return WEEK + "?week=" + isoWeek;
    }

    /** A form's address with its prefill as query parameters named like the options (circle ids and dates, no personal data). */
    static String form(FormLink link) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        link.prefill().forEach((name, value) -> query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return action(link.command(), link.subcommand()) + query;
    }
}
