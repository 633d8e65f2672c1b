package org.circlekeeper.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.circlekeeper.core.message.FormRequest;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.ref.Preferences;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.template.WordingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one inbound port: {@link #handle(Inbound)}. It checks who may do what where, parses and
 * validates arguments, dispatches to the feature and returns its replies. Bad input gets a kind
 * reply and reaches no feature; a feature's failure is logged (without personal data) and
 * answered with an apology, and an unreachable store with a kind "try again in a minute", never a crash.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

    private final FeatureRegistry registry;
    private final TemplateRenderer renderer;
    private final WordingStore wording;
    private final PreferenceResolver preferences;
    private final ChairPolicy chairs;
    private final PendingForms pendingForms;
    private final Clock clock;
    private final Metrics metrics;

    /** How long a member has to answer a form asked in a private chat. */
    public static final Duration FORM_WINDOW = Duration.ofMinutes(15);

    public Engine(FeatureRegistry registry, TemplateRenderer renderer, WordingStore wording,
                  PreferenceResolver preferences, ChairPolicy chairs, PendingForms pendingForms, Clock clock) {
        this(registry, renderer, wording, preferences, chairs, pendingForms, clock, Metrics.NONE);
    }

    /** An engine that reports each command and button press to {@code metrics} (by name and outcome only). */
    public Engine(FeatureRegistry registry, TemplateRenderer renderer, WordingStore wording,
                  PreferenceResolver preferences, ChairPolicy chairs, PendingForms pendingForms, Clock clock,
                  Metrics metrics) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.wording = Objects.requireNonNull(wording, "wording");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.chairs = Objects.requireNonNull(chairs, "chairs");
        this.pendingForms = Objects.requireNonNull(pendingForms, "pendingForms");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        registry.freeze();
    }

    public FeatureRegistry registry() {
        return registry;
    }

    public Clock clock() {
        return clock;
    }

    /** Where the engine counts; adapters count the failures caught at their own boundaries here too. */
    public Metrics metrics() {
        return metrics;
    }

    /**
     * Handles one event and returns what to say, in order. Never throws: bad input gets a kind explanation, an
     * unreachable store a kind "try again in a minute" ({@link EngineMessages#STORE_UNAVAILABLE}), and any other
     * failure of one event, {@link Error}s included, an apology ({@link EngineMessages#INTERNAL_ERROR}); each
     * failure is logged without personal data and counted.
     *
     * <p>Errors are caught too, not rethrown: the one seen in production was a class that failed to start
     * (an {@link ExceptionInInitializerError}, then {@link NoClassDefFoundError}s), which concerns the event's
     * feature, not the JVM. Even a {@link VirtualMachineError} is answered: a {@link StackOverflowError} from one
     * pathological input is over once the stack has unwound, and an {@link OutOfMemoryError} from one oversized
     * event leaves its garbage behind for collection. A JVM that is truly exhausted fails again while
     * apologising; that failure leaves here and the adapter's boundary logs it (and operators who prefer a
     * restart set {@code -XX:+ExitOnOutOfMemoryError}).
     */
    public List<Reply> handle(Inbound inbound) {
        Context context = inbound.context();
        Platform platform = context.channel().platform();
        Preferences prefs = null;
        Metrics.Outcome outcome = Metrics.Outcome.FAILED;
        try {
            PreferenceResolver.Settled settled = preferences.settle(context);
            context = settled.context();
            prefs = settled.preferences();
            Turn turn = newTurn(context, prefs);
            if (inbound instanceof Inbound.CommandInvoked command) {
                outcome = onCommand(turn, command);
            } else if (inbound instanceof Inbound.ButtonPressed button) {
                outcome = onButton(turn, button);
            } else if (inbound instanceof Inbound.TextReceived text) {
                onText(turn, text);
            } else if (inbound instanceof Inbound.FormSubmitted form) {
                onForm(turn, form);
            }
            List<Reply> replies = turn.replies();
            rememberForms(context, replies);
            return replies;
        } catch (StoreUnavailable e) {
            outcome = Metrics.Outcome.UNAVAILABLE;
            LOG.warn("handling a {} on {}: the store is unreachable ({}: {})", inbound.getClass().getSimpleName(), platform.id(),
                    e.getMessage(), e.getCause() == null ? "" : e.getCause().getClass().getName());
            count(() -> metrics.storeUnavailable(platform));
            return apology(context, prefs, EngineMessages.STORE_UNAVAILABLE);
        } catch (Throwable e) {
            outcome = Metrics.Outcome.FAILED;
            LOG.error("handling a {} on {} failed: {}", inbound.getClass().getSimpleName(), platform.id(), e.getClass().getName(), e);
            count(() -> metrics.unitFailed(platform, "engine"));
            return apology(context, prefs, EngineMessages.INTERNAL_ERROR);
        } finally {
            Metrics.Outcome counted = outcome;
            if (inbound instanceof Inbound.CommandInvoked command) {
                count(() -> metrics.commandHandled(platform, countedCommand(command.command()), counted));
            } else if (inbound instanceof Inbound.ButtonPressed button) {
                count(() -> metrics.buttonPressed(platform, countedAction(button.actionId()), counted));
            }
        }
    }

    /**
     * Hands a platform's report of a membership change to every feature that listens for one. Each listener's
     * failure is its own: it is logged (its type only) and counted, and the other listeners still hear the event;
     * an unreachable store is thrown on, so that the adapter can report the event again later.
     */
    public void membershipChanged(MembershipEvent event) {
        Objects.requireNonNull(event, "event");
        Platform platform = event.community().platform();
        StoreUnavailable unavailable = null;
        for (Feature feature : registry.features()) {
            if (!(feature instanceof MembershipListener listener)) {
                continue;
            }
            try {
                listener.onMembership(event);
            } catch (StoreUnavailable e) {
                LOG.warn("feature {} could not act on a {} on {}: the store is unreachable", feature.id(),
                        event.getClass().getSimpleName(), platform.id());
                unavailable = e;
            } catch (RuntimeException e) {
                LOG.error("feature {} failed on a {} on {}: {}", feature.id(), event.getClass().getSimpleName(), platform.id(),
                        e.getClass().getName(), e);
                count(() -> metrics.unitFailed(platform, "membership"));
            }
        }
        if (unavailable != null) {
            throw unavailable;
        }
    }

    /** Counting never fails the event it counts: a metrics failure is logged and the replies go out. */
    private static void count(Runnable counting) {
        try {
            counting.run();
        } catch (RuntimeException e) {
            LOG.warn("counting an event failed: {}", e.getClass().getName());
        }
    }

    /**
     * A message that the event could not be handled, in the member's language when it was read in time, else
     * in the fallback. Rendered from the shipped text: the community's own wording lives in the store, which
     * may be what failed.
     */
    private List<Reply> apology(Context context, Preferences prefs, MessageKey key) {
        Preferences used = prefs != null ? prefs : preferences.fallback(context);
        Turn apology = new Turn(context, used, clock, renderer, Map::of, kind -> commandsFor(context, kind),
                kind -> helpTopics(context, kind));
        apology.replyPrivately(key);
        return apology.replies();
    }

    /** The commands this person may use in this place, in registration order (for /help and menus). */
    public List<CommandSpec> commandsFor(Context context) {
        return commandsFor(context, context.channel().kind());
    }

    /** The commands this person may use in a place of the given kind. */
    public List<CommandSpec> commandsFor(Context context, ChannelRef.Kind kind) {
        ChannelRef place = new ChannelRef(context.channel().platform(), context.channel().channelId(), kind);
        return registry.commands().stream()
                .filter(c -> allowed(c.audience(), context) && c.scope().allows(place))
                .toList();
    }

    /**
     * The {@code /help} topics in the order features were added, each with only the commands, and of
     * those only the subcommands, this person may use in a place of the given kind. Topics with
     * nothing usable are left out.
     */
    public List<HelpTopic> helpTopics(Context context, ChannelRef.Kind kind) {
        ChannelRef place = new ChannelRef(context.channel().platform(), context.channel().channelId(), kind);
        Map<String, List<HelpTopic.Entry>> topics = new LinkedHashMap<>();
        for (Feature feature : registry.features()) {
            List<HelpTopic.Entry> entries = topics.computeIfAbsent(feature.helpTopic(), t -> new ArrayList<>());
            for (CommandSpec command : feature.commands()) {
                if (!usable(command, context, place)) {
                    continue;
                }
                if (!command.hasSubcommands()) {
                    entries.add(new HelpTopic.Entry(command, command));
                }
                command.subcommands().stream().filter(sub -> usable(sub, context, place))
                        .forEach(sub -> entries.add(new HelpTopic.Entry(command, sub)));
            }
        }
        return topics.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new HelpTopic(e.getKey(), HelpTopic.labelOf(e.getKey()), e.getValue())).toList();
    }

    private boolean usable(CommandSpec spec, Context context, ChannelRef place) {
        return allowed(spec.audience(), context) && spec.scope().allows(place);
    }

    /** True when this person may use commands of this audience here. */
    public boolean allowed(Audience audience, Context context) {
        return switch (audience) {
            case MEMBER -> true;
            case ORGANISER -> context.isOrganiser();
            case CHAIR -> context.isOrganiser() || chairs.isChair(context);
        };
    }

    /**
     * A message's shipped text in a locale, e.g. a command's description for a platform's command menu.
     */
    public String text(MessageKey key, Locale locale) {
        return renderer.render(key, locale, Map.of());
    }

    /** A message's shipped text in a locale with its values (for the few notes an adapter writes itself). */
    public String text(MessageKey key, Locale locale, Map<String, ?> values) {
        return renderer.render(key, locale, values);
    }

    /**
     * The preferences (language, zone) the engine will use for this context; the fallback ones when the
     * settings cannot be read now.
     */
    public Preferences preferencesFor(Context context) {
        try {
            return preferences.resolve(context);
        } catch (StoreUnavailable e) {
            return preferences.fallback(context);
        }
    }

    /**
     * Which community is this member's home: the group they last used the bot in, where the engine settles their
     * direct chat. Adapters ask it (for the member's role there, or to search in its name) instead of reading a
     * feature's store. Empty when the member has none; throws {@link StoreUnavailable} when the settings cannot
     * be read now.
     */
    public Optional<CommunityRef> homeOf(MemberRef member) {
        return preferences.home(Objects.requireNonNull(member, "member"));
    }

    private Turn newTurn(Context context, Preferences prefs) {
        Locale locale = prefs.locale();
        return new Turn(context, prefs, clock, renderer, () -> wording.overrides(context.community(), locale),
                kind -> commandsFor(context, kind), kind -> helpTopics(context, kind));
    }

    /** The registered name of a command, or {@link Metrics#UNKNOWN}: what a member typed is never counted. */
    private String countedCommand(String typed) {
        return registry.command(typed.toLowerCase(Locale.ROOT)).map(CommandSpec::name).orElse(Metrics.UNKNOWN);
    }

    /** The registered id of a button's action (without its state), or {@link Metrics#UNKNOWN}. */
    private String countedAction(String actionId) {
        int colon = actionId.indexOf(':');
        return registry.action(colon < 0 ? actionId : actionId.substring(0, colon)).map(ActionSpec::id).orElse(Metrics.UNKNOWN);
    }

    private Metrics.Outcome onCommand(Turn turn, Inbound.CommandInvoked invoked) {
        String name = invoked.command().toLowerCase(Locale.ROOT);
        Optional<CommandSpec> found = registry.command(name);
        if (found.isEmpty()) {
            turn.replyPrivately(EngineMessages.UNKNOWN_COMMAND, "command", invoked.command(), "suggestion", closestCommand(name, turn.context()));
            return Metrics.Outcome.UNKNOWN;
        }
        CommandSpec spec = found.get();
        if (!passes(turn, spec, "/" + spec.name())) {
            return Metrics.Outcome.DENIED;
        }
        ArgumentParser.Parsed parsed;
        try {
            parsed = ArgumentParser.parse(spec, invoked.arguments(),
                    leaf -> leaf.example() != null ? turn.text(leaf.example()) : spec.example() != null ? turn.text(spec.example()) : "",
                    turn);
        } catch (ArgumentProblem problem) {
            turn.replyPrivately(problem.key(), flatten(problem.values()));
            return Metrics.Outcome.INVALID;
        }
        if (parsed.leaf() != spec && !passes(turn, parsed.leaf(), parsed.path())) {
            return Metrics.Outcome.DENIED;
        }
        LOG.debug("command {} on {}", parsed.path(), turn.context().channel().platform().id());
        parsed.leaf().handler().handle(turn, parsed.args());
        if (registry.commandRemembersTheGroup(spec.name())) {
            rememberTheGroup(turn.context());
        }
        return Metrics.Outcome.DONE;
    }

    private boolean passes(Turn turn, CommandSpec spec, String path) {
        Context context = turn.context();
        if (!allowed(spec.audience(), context)) {
            turn.replyPrivately(spec.audience() == Audience.CHAIR ? EngineMessages.CHAIR_ONLY : EngineMessages.ORGANISERS_ONLY,
                    "command", path);
            return false;
        }
        if (!spec.scope().allows(context.channel())) {
            turn.replyPrivately(spec.scope() == Scope.DIRECT ? EngineMessages.DIRECT_ONLY : EngineMessages.GROUP_ONLY,
                    "command", path);
            return false;
        }
        return true;
    }

    private Metrics.Outcome onButton(Turn turn, Inbound.ButtonPressed pressed) {
        String actionId = pressed.actionId();
        int colon = actionId.indexOf(':');
        String id = colon < 0 ? actionId : actionId.substring(0, colon);
        String argument = colon < 0 ? "" : actionId.substring(colon + 1);
        Optional<ActionSpec> action = registry.action(id);
        if (action.isEmpty()) {
            turn.replyPrivately(EngineMessages.BUTTON_STALE);
            return Metrics.Outcome.UNKNOWN;
        }
        if (!allowed(action.get().audience(), turn.context())) {
            turn.replyPrivately(refusal(action.get().audience()));
            return Metrics.Outcome.DENIED;
        }
        action.get().handler().handle(turn, argument);
        if (registry.actionRemembersTheGroup(id)) {
            rememberTheGroup(turn.context());
        }
        return Metrics.Outcome.DONE;
    }

    /**
     * After a member used a feature in a group, remembers that group for their private chats. Plain messages
     * never get here, so a member who only reads and talks leaves nothing stored. A failure to remember is
     * logged and does not spoil the reply the feature already gave.
     */
    private void rememberTheGroup(Context context) {
        if (context.channel().isDirect() || context.community().isUnresolved()) {
            return;
        }
        try {
            preferences.remember(context);
        } catch (RuntimeException e) {
            LOG.warn("could not remember the group a member used on {}: {}", context.channel().platform().id(),
                    e.getClass().getName());
        }
    }

    /** What someone is told when a button is for others: who it is for, never that it is someone else's message. */
    private static MessageKey refusal(Audience audience) {
        return audience == Audience.CHAIR ? EngineMessages.BUTTON_CHAIR_ONLY : EngineMessages.BUTTON_ORGANISERS_ONLY;
    }

    private void onText(Turn turn, Inbound.TextReceived text) {
        if (turn.context().channel().isDirect()) {
            Optional<String> form = pendingForms.take(turn.member());
            if (form.isPresent()) {
                answerForm(turn, form.get(), text.text());
                return;
            }
        }
        for (TextListener listener : registry.textListeners()) {
            if (listener.onText(turn, text.text())) {
                return;
            }
        }
        if (turn.context().channel().isDirect()) {
            turn.reply(EngineMessages.DIRECT_HINT);
        }
    }

    /**
     * A form asked on a platform without forms is answered by the member's next private message,
     * given to the form's first field. Asking again replaces the older form.
     */
    private void rememberForms(Context context, List<Reply> replies) {
        if (context.channel().platform().hasNativeForms()) {
            return;
        }
        for (Reply reply : replies) {
            FormRequest form = reply.message().form();
            if (form != null) {
                pendingForms.await(context.member(), form.formId(), FORM_WINDOW);
            }
        }
    }

    private void answerForm(Turn turn, String formId, String text) {
        Optional<FormSpec> spec = registry.form(formName(formId));
        if (spec.isEmpty()) {
            turn.replyPrivately(EngineMessages.FORM_STALE);
            return;
        }
        spec.get().handler().handle(turn, formState(formId), Map.of(FormSpec.ANSWER, text));
    }

    private static String formName(String formId) {
        int colon = formId.indexOf(':');
        return colon < 0 ? formId : formId.substring(0, colon);
    }

    private static String formState(String formId) {
        int colon = formId.indexOf(':');
        return colon < 0 ? "" : formId.substring(colon + 1);
    }

    private void onForm(Turn turn, Inbound.FormSubmitted form) {
        pendingForms.clear(turn.member());
        Optional<FormSpec> spec = registry.form(formName(form.formId()));
        if (spec.isEmpty()) {
            turn.replyPrivately(EngineMessages.FORM_STALE);
            return;
        }
        spec.get().handler().handle(turn, formState(form.formId()), form.fields());
    }

    private String closestCommand(String name, Context context) {
        return commandsFor(context).stream()
                .map(CommandSpec::name)
                .filter(candidate -> DISTANCE.apply(candidate, name) >= 0 || candidate.startsWith(name))
                .min(Comparator.comparingInt(candidate -> {
                    int d = DISTANCE.apply(candidate, name);
                    return d < 0 ? 4 : d;
                }))
                .orElse("");
    }

    private static Object[] flatten(Map<String, Object> values) {
        return values.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray();
    }
}
