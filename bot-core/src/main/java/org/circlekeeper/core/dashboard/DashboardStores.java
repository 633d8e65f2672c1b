package org.circlekeeper.core.dashboard;

import java.util.Objects;
import org.circlekeeper.core.ref.StoreKey;

/** The store ports of the organisers' page: its sign-in links and its sessions. */
public record DashboardStores(SignInLinks links, WebSessions sessions) {

    /** The page's stores' name among the bot's stores. */
    public static final StoreKey<DashboardStores> KEY = StoreKey.of("dashboard", DashboardStores.class);

    public DashboardStores {
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(sessions, "sessions");
    }
}
