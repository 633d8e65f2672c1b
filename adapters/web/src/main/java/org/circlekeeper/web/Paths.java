package org.circlekeeper.web;

import org.circlekeeper.core.dashboard.DashboardAddress;

/** The organisers' page's addresses. None carries personal data: circle ids, meeting keys and months only. */
final class Paths {

    static final String ROOT = DashboardAddress.PATH;
    static final String SIGN_IN = ROOT + "/signin";
    static final String SIGN_OUT = ROOT + "/signout";
    static final String CALENDAR = ROOT + "/calendar";
    static final String MEETINGS = ROOT + "/meetings/";
    static final String STYLESHEET = ROOT + "/static/dashboard.css";

    private Paths() {
    }

    static String meeting(String circleId, String key) {
        return MEETINGS + circleId + "/" + key;
    }
}
