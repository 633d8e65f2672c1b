package org.circlekeeper.core.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.checkin.GroupPulses;
import org.circlekeeper.core.circle.CalendarFeed;
import org.circlekeeper.core.circle.CircleCalendar;
import org.circlekeeper.core.circle.ScheduledCircles;
import org.circlekeeper.core.community.Wordings;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.Plugin;
import org.circlekeeper.core.engine.Scope;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.member.OwnPageOffer;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.resource.ResourceLibrary;
import org.circlekeeper.core.share.CircleFormats;
import org.circlekeeper.core.share.ShareHistory;
import org.circlekeeper.core.template.WordingStore;

/**
 * {@code /dashboard}: an organiser, in their group, gets a one-time link to the organisers' page, privately. The link
 * is valid {@link Dashboard#LINK_VALID}, opens once, and binds the member, the group and the platform; a member asks
 * for at most {@link Dashboard#ASK_MAX} in {@link Dashboard#ASK_WINDOW}. Without a public address the page is off and
 * the command says so. The feature offers the bot the {@link Dashboard} the web adapter serves, and the
 * {@link DashboardLibrary} (the resource library and the calendar feed's address). Any member gets a link to their
 * own page the same way from the button it offers under {@code /mydata} and the check-in history ({@link OwnPageOffer}).
 */
public final class DashboardFeature implements Feature, OwnPageOffer {

    /**
     * How this feature plugs into the bot: its bundle, its stores, and the circles', share circle's and check-ins' ports
     * it reads (so it is built after those features).
     * The page's address is a part ({@link DashboardAddress}); without one the page is off.
     */
    public static final Plugin PLUGIN = new Plugin("dashboard", DashboardMessages.KEYS.bundle(), List.of(DashboardStores.KEY),
            wiring -> {
                DashboardStores stores = wiring.store(DashboardStores.KEY);
                Dashboard dashboard = new Dashboard(stores, wiring.clock(), wiring.preferences(), wiring.renderer(),
                        wiring.store(WordingStore.KEY), wiring.part(CircleCalendar.class), wiring.part(CircleFormats.class),
                        wiring.registry());
                wiring.provide(Dashboard.class, dashboard);
                wiring.find(Wordings.class).ifPresent(wordings -> wiring.provide(WordingPage.class, new WordingPage(wordings)));
                wiring.provide(DashboardLibrary.class, new DashboardLibrary(wiring.part(ResourceLibrary.class),
                        wiring.part(CalendarFeed.class), wiring.find(DashboardAddress.class)));
                wiring.provide(Trends.class, new Trends(wiring.part(GroupPulses.class), wiring.part(ShareHistory.class),
                        wiring.part(ScheduledCircles.class), wiring.part(CircleCalendar.class), wiring.clock()));
                return new DashboardFeature(dashboard, stores.sessions(), wiring.find(DashboardAddress.class));
            });

    private final Dashboard dashboard;
    private final WebSessions sessions;
    private final Optional<DashboardAddress> address;
    private final ActionSpec own = new ActionSpec("dashboard.own", Audience.MEMBER, this::ownLink);

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

    @Override
    public List<ActionSpec> actions() {
        return List.of(own);
    }

    private void link(Turn turn, Args args) {
        if (address.isEmpty()) {
            turn.replyPrivately(DashboardMessages.OFF);
            return;
        }
        send(turn, new SignIn(turn.member(), turn.community(), turn.context().channel(), SignIn.Kind.ORGANISER), DashboardMessages.LINK);
    }

    /**
     * The button under {@code /mydata} and the check-in history, when the page is on and the member's group is known
     * (in a direct chat, the group the engine settled on).
     */
    @Override
    public Optional<Button> ownPageButton(Turn turn) {
        if (address.isEmpty() || turn.community().isUnresolved()) {
            return Optional.empty();
        }
        return Optional.of(own.button(turn.text(DashboardMessages.OWN_BUTTON), "me"));
    }

    /** The own-page button pressed: a link to the member's own page, where they pressed it; the same limits as /dashboard. */
    private void ownLink(Turn turn, String argument) {
        if (address.isEmpty()) {
            // a button from before the page was switched off
            turn.replyPrivately(DashboardMessages.OWN_OFF);
            return;
        }
        if (turn.community().isUnresolved()) {
            turn.replyPrivately(DashboardMessages.OWN_NO_GROUP);
            return;
        }
        send(turn, new SignIn(turn.member(), turn.community(), turn.context().channel(), SignIn.Kind.MEMBER), DashboardMessages.OWN_LINK);
    }

    /** Issues a link for the sign-in, privately, unless the member asked for too many just now. */
    private void send(Turn turn, SignIn signIn, MessageKey text) {
        if (!dashboard.mayAsk(signIn)) {
            turn.replyPrivately(DashboardMessages.TOO_MANY, "minutes", Dashboard.ASK_WINDOW.toMinutes());
            return;
        }
        String secret = dashboard.issue(signIn);
        turn.replyPrivately(text, "url", address.get().signInLink(secret), "minutes", Dashboard.LINK_VALID.toMinutes());
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
