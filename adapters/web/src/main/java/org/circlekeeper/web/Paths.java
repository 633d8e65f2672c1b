package org.circlekeeper.web;

import org.circlekeeper.core.dashboard.DashboardAddress;

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
    /** The organisers' trends: the pulse of closed weeks and the share circles' history, as charts and tables. */
    static final String TRENDS = ROOT + "/trends";

    private Paths() {
    }

    static String action(String command, String subcommand) {
        return ACTIONS + "/" + command + (subcommand == null ? "" : "/" + subcommand);
    }

    static String meeting(String circleId, String key) {
        return MEETINGS + circleId + "/" + key;
    }
}
