package org.circlekeeper.core.resource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.ActionTokens;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.EngineMessages;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.Plugin;
import org.circlekeeper.core.engine.Scope;
import org.circlekeeper.core.engine.TextListener;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety check, off until an organiser turns it on ({@code /safety on}): a message in the
 * group's channels that matches a phrase of acute risk gets a private, kind reply with the crisis
 * lines for that member, at most once per {@link #COOLDOWN} per member and community. If the
 * community turned alerts on, the reply offers a button; only when the member presses it are the
 * organisers told, by name and with nothing quoted. Messages are never stored or logged. A direct
 * message to the bot with such a phrase always gets the crisis lines.
 */
public final class SafetyFeature implements Feature {

    /** How this feature plugs into the bot: its bundle, the stores it needs, how it is built. */
    public static final Plugin PLUGIN = new Plugin("safety", ResourceMessages.SAFETY.bundle(),
            List.of(ResourceStore.KEY, MemberSettingsStore.KEY, ActionTokens.KEY),
            wiring -> new SafetyFeature(SafetyPhrases.shipped(), wiring.part(CrisisLines.class, CrisisLines::shipped),
                    wiring.store(ResourceStore.KEY), wiring.store(MemberSettingsStore.KEY), wiring.store(ActionTokens.KEY),
                    wiring.outbox(), wiring.clock()));

    private static final Logger LOG = LoggerFactory.getLogger(SafetyFeature.class);

    /** How long after a safety reply the same member gets no second one in the same community. */
    public static final Duration COOLDOWN = Duration.ofHours(6);
    /** How long the "let an organiser know" button works. */
    static final Duration CONSENT_WINDOW = Duration.ofHours(6);
    static final String CONSENT_PURPOSE = "safety-consent";

    private final SafetyPhrases phrases;
    private final CrisisLines lines;
    private final ResourceStore store;
    private final MemberSettingsStore members;
    private final ActionTokens tokens;
    private final Outbox outbox;
    private final Clock clock;
    private final ActionSpec consent = new ActionSpec("safety.consent", Audience.MEMBER, this::onConsent);

    public SafetyFeature(SafetyPhrases phrases, CrisisLines lines, ResourceStore store, MemberSettingsStore members,
                         ActionTokens tokens, Outbox outbox, Clock clock) {
        this.phrases = phrases;
        this.lines = lines;
        this.store = store;
        this.members = members;
        this.tokens = tokens;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "safety";
    }

    @Override
    public String helpTopic() {
        return "resources";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.command("safety", ResourceMessages.CMD_SAFETY).audience(Audience.ORGANISER)
                .subcommand(CommandSpec.command("on", ResourceMessages.CMD_SAFETY_ON).audience(Audience.ORGANISER)
                        .handler(this::on).build())
                .subcommand(CommandSpec.command("off", ResourceMessages.CMD_SAFETY_OFF).audience(Audience.ORGANISER)
                        .handler(this::off).build())
                .subcommand(CommandSpec.command("alerts", ResourceMessages.CMD_SAFETY_ALERTS).audience(Audience.ORGANISER)
                        .scope(Scope.GROUP)
                        .option(OptionSpec.choice("state", ResourceMessages.OPT_SAFETY_ALERTS, List.of("on", "off")).required())
                        .handler(this::alerts).build())
                .subcommand(CommandSpec.command("status", ResourceMessages.CMD_SAFETY_STATUS).audience(Audience.ORGANISER)
                        .handler(this::status).build())
                .build());
    }

    @Override
    public List<ActionSpec> actions() {
        return List.of(consent);
    }

    @Override
    public List<TextListener> textListeners() {
        return List.of(this::onText);
    }

    @Override
    public List<MessageKey> messages() {
        return ResourceMessages.SAFETY.keys();
    }

    /**
     * A running cooldown says the member got a safety reply in a community in the last hours, so
     * it is exported and erased like everything personal. (The consent button's one-time token
     * expires within {@link #CONSENT_WINDOW}.)
     */
    @Override
    public List<PersonalData> personalData() {
        return List.of(new PersonalData() {
            @Override
            public String section() {
                return "safety";
            }

            @Override
            public Map<String, Object> export(MemberRef member) {
                Map<String, Instant> running = store.cooldowns(member, clock.instant());
                if (running.isEmpty()) {
                    return Map.of();
                }
                Map<String, Object> until = new LinkedHashMap<>();
                running.forEach((community, end) -> until.put(community, end.toString()));
                return Map.of("noSafetyRepliesUntil", until);
            }

            @Override
            public void erase(MemberRef member) {
                store.clearCooldowns(member);
            }
        });
    }

    /** Looks at a message; never takes it from other listeners in a group, only replies privately. */
    private boolean onText(Turn turn, String text) {
        boolean direct = turn.context().channel().isDirect();
        if (!direct && !store.safety(turn.community()).detection()) {
            return false;
        }
        if (!phrases.matches(text)) {
            return false;
        }
        CrisisLookup lookup = lines.forCountry(members.get(turn.member()).countrySetting(), turn.locale());
        String card = turn.text(CrisisLines.CARD, CrisisLines.cardValues(lookup));
        if (direct) {
            turn.replyPrivately(OutgoingMessage.text(turn.text(ResourceMessages.SAFETY_DIRECT) + "\n\n" + card).build());
            return true;
        }
        if (!store.startCooldown(turn.community(), turn.member(), turn.now(), COOLDOWN)) {
            LOG.debug("safety phrase in a group on {}; member replied to recently, so no second reply", turn.community().platform().id());
            return false;
        }
        LOG.info("safety phrase in a group on {}; private reply sent", turn.community().platform().id());
        SafetySettings settings = store.safety(turn.community());
        StringBuilder body = new StringBuilder(turn.text(ResourceMessages.SAFETY_REPLY, "name", turn.member().displayName()))
                .append("\n\n").append(card);
        OutgoingMessage.Builder message;
        if (settings.alerts()) {
            body.append("\n\n").append(turn.text(ResourceMessages.SAFETY_CONSENT_OFFER));
            String token = tokens.issue(turn.member(), CONSENT_PURPOSE, CONSENT_WINDOW);
            message = OutgoingMessage.text(body.toString())
                    .button(consent.button(turn.text(ResourceMessages.SAFETY_CONSENT), token, Button.Style.PRIMARY));
        } else {
            message = OutgoingMessage.text(body.toString());
        }
        turn.replyPrivately(message.build());
        return false;
    }

    private void onConsent(Turn turn, String token) {
        switch (tokens.consume(token, turn.member(), CONSENT_PURPOSE)) {
            case NOT_YOURS -> turn.replyPrivately(EngineMessages.BUTTON_NOT_YOURS);
            case GONE -> turn.replyPrivately(ResourceMessages.SAFETY_CONSENT_USED);
            case CONSUMED -> alertOrganisers(turn);
            default -> throw new IllegalStateException("unhandled token outcome");
        }
    }

    private void alertOrganisers(Turn turn) {
        SafetySettings settings = store.safety(turn.community());
        if (!settings.alerts()) {
            turn.replyPrivately(ResourceMessages.SAFETY_CONSENT_OFF);
            return;
        }
        try {
            Outbox.Voice voice = outbox.forCommunity(turn.community());
            voice.send(new Target.Channel(settings.alertChannel()),
                    voice.compose(ResourceMessages.SAFETY_ALERT, "name", turn.member().displayName()).build());
            LOG.info("a member asked for support; organisers alerted on {}", turn.community().platform().id());
            turn.replyPrivately(ResourceMessages.SAFETY_CONSENT_DONE);
        } catch (RuntimeException e) {
            LOG.warn("a support alert could not be delivered on {}: {}", turn.community().platform().id(), e.getClass().getSimpleName());
            turn.replyPrivately(ResourceMessages.SAFETY_CONSENT_FAILED);
        }
    }

    private void on(Turn turn, Args args) {
        SafetySettings settings = store.safety(turn.community()).withDetection(true);
        store.saveSafety(turn.community(), settings);
        turn.reply(ResourceMessages.SAFETY_ON, "hours", COOLDOWN.toHours(), "alerts", settings.alerts());
    }

    private void off(Turn turn, Args args) {
        store.saveSafety(turn.community(), store.safety(turn.community()).withDetection(false));
        turn.reply(ResourceMessages.SAFETY_OFF);
    }

    private void alerts(Turn turn, Args args) {
        SafetySettings current = store.safety(turn.community());
        if (args.text("state").equals("on")) {
            store.saveSafety(turn.community(), current.withAlertsTo(turn.context().channel()));
            turn.replyPrivately(ResourceMessages.SAFETY_ALERTS_ON, "detection", current.detection());
        } else {
            store.saveSafety(turn.community(), current.withoutAlerts());
            turn.replyPrivately(ResourceMessages.SAFETY_ALERTS_OFF);
        }
    }

    private void status(Turn turn, Args args) {
        SafetySettings settings = store.safety(turn.community());
        turn.replyPrivately(ResourceMessages.SAFETY_STATUS, "detection", settings.detection(), "alerts", settings.alerts(),
                "hours", COOLDOWN.toHours());
    }
}
