package org.circlekeeper.core.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.checkin.GroupPulses;
import org.circlekeeper.core.circle.CircleCalendar;
import org.circlekeeper.core.circle.ScheduledCircles;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.Plugin;
import org.circlekeeper.core.engine.Scope;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.share.CircleFormats;
import org.circlekeeper.core.share.ShareHistory;
import org.circlekeeper.core.template.WordingStore;

/**
 * {@code /dashboard}: an organiser, in their group, gets a one-time link to the organisers' page, privately. The link
 * is valid {@link Dashboard#LINK_VALID}, opens once, and binds the member, the group and the platform; a member asks
 * for at most {@link Dashboard#ASK_MAX} in {@link Dashboard#ASK_WINDOW}. Without a public address the page is off and
 * the command says so. The feature offers the bot the {@link Dashboard} the web adapter serves.
 */
public final class DashboardFeature implements Feature {

    /**
     * How this feature plugs into the bot: its bundle, its stores, and the circles', share circle's and check-ins' ports
     * it reads (so it is built after those features).
     * The page's address is a part ({@link DashboardAddress}); without one the page is off.
     */
    public static final Plugin PLUGIN = new Plugin("dashboard", DashboardMessages.KEYS.bundle(), List.of(DashboardStores.KEY),
            wiring -> {
                DashboardStores stores = wiring.store(DashboardStores.KEY);
                Dashboard dashboard = new Dashboard(stores, wiring.clock(), wiring.preferences(), wiring.renderer(),
                        wiring.store(WordingStore.KEY), wiring.part(CircleCalendar.class), wiring.part(CircleFormats.class));
                wiring.provide(Dashboard.class, dashboard);
                wiring.provide(Trends.class, new Trends(wiring.part(GroupPulses.class), wiring.part(ShareHistory.class),
                        wiring.part(ScheduledCircles.class), wiring.part(CircleCalendar.class), wiring.clock()));
                return new DashboardFeature(dashboard, stores.sessions(), wiring.find(DashboardAddress.class));
            });

    private final Dashboard dashboard;
    private final WebSessions sessions;
    private final Optional<DashboardAddress> address;

    DashboardFeature(Dashboard dashboard, WebSessions sessions, Optional<DashboardAddress> address) {
        this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.address = Objects.requireNonNull(address, "address");
    }

    @Override
    public String id() {
        return "dashboard";
    }

    @Override
    public String helpTopic() {
        return "meetings";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.command("dashboard", DashboardMessages.CMD_DASHBOARD)
                .audience(Audience.ORGANISER).scope(Scope.GROUP).handler(this::link).build());
    }

    private void link(Turn turn, Args args) {
        if (address.isEmpty()) {
            turn.replyPrivately(DashboardMessages.OFF);
            return;
        }
        SignIn signIn = new SignIn(turn.member(), turn.community(), turn.context().channel(), SignIn.Kind.ORGANISER);
        if (!dashboard.mayAsk(signIn)) {
            turn.replyPrivately(DashboardMessages.TOO_MANY, "minutes", Dashboard.ASK_WINDOW.toMinutes());
            return;
        }
        String secret = dashboard.issue(signIn);
        turn.replyPrivately(DashboardMessages.LINK, "url", address.get().signInLink(secret), "minutes", Dashboard.LINK_VALID.toMinutes());
    }

    @Override
    public List<MessageKey> messages() {
        return DashboardMessages.KEYS.keys();
    }

    /**
     * The page keeps who is signed in, for at most {@link Dashboard#LONGEST}: the export says how many sessions are open,
     * the erasure ends them all. Sign-in links expire within minutes and hold nothing but whom they sign in.
     */
    @Override
    public List<PersonalData> personalData() {
        return List.of(new PersonalData() {
            @Override
            public String section() {
                return "dashboard";
            }

            @Override
            public Map<String, Object> export(MemberRef member) {
                int open = sessions.openOf(member);
                return open == 0 ? Map.of() : Map.of("openPageSessions", open);
            }

            @Override
            public void erase(MemberRef member) {
                sessions.endAllOf(member);
            }
        });
    }
}
