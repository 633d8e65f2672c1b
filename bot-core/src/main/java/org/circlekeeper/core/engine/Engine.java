package org.circlekeeper.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
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

    private final FeatureRegistry registry;
    private final TemplateRenderer renderer;
    private final WordingStore wording;
    private final PreferenceResolver preferences;
    private final Permissions permissions;
    private final Dispatcher dispatcher;
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
        this.permissions = new Permissions(registry, Objects.requireNonNull(chairs, "chairs"));
        this.dispatcher = new Dispatcher(registry, permissions, preferences, Objects.requireNonNull(pendingForms, "pendingForms"),
                FORM_WINDOW);
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
        return answer(inbound).replies();
    }

    /**
     * What one event was answered, and for a command whose arguments were refused, which option they were refused
     * for: a form (the organisers' page) shows the answer beside that field. Otherwise as {@link #handle(Inbound)}.
     *
     * @param refusedOption the name of the option whose value (or absence) was refused; empty when the arguments
     *                      passed, or the refusal was about the command as a whole
     */
    public record Answer(List<Reply> replies, Optional<String> refusedOption) {
        public Answer {
            replies = List.copyOf(replies);
            Objects.requireNonNull(refusedOption, "refusedOption");
        }
    }

    /** Handles one event as {@link #handle(Inbound)} does, and says which option a refusal of its arguments concerns. */
    public Answer answer(Inbound inbound) {
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
                outcome = dispatcher.onCommand(turn, command);
            } else if (inbound instanceof Inbound.ButtonPressed button) {
                outcome = dispatcher.onButton(turn, button);
            } else if (inbound instanceof Inbound.TextReceived text) {
                dispatcher.onText(turn, text);
            } else if (inbound instanceof Inbound.FormSubmitted form) {
                dispatcher.onForm(turn, form);
            }
            List<Reply> replies = turn.replies();
            dispatcher.rememberForms(context, replies);
            return new Answer(replies, turn.refusedOption());
        } catch (StoreUnavailable e) {
            outcome = Metrics.Outcome.UNAVAILABLE;
            LOG.warn("handling a {} on {}: the store is unreachable ({}: {})", inbound.getClass().getSimpleName(), platform.id(),
                    e.getMessage(), e.getCause() == null ? "" : e.getCause().getClass().getName());
            count(() -> metrics.storeUnavailable(platform));
            return new Answer(apology(context, prefs, EngineMessages.STORE_UNAVAILABLE), Optional.empty());
        } catch (Throwable e) {
            outcome = Metrics.Outcome.FAILED;
            LOG.error("handling a {} on {} failed: {}", inbound.getClass().getSimpleName(), platform.id(), e.getClass().getName(), e);
            count(() -> metrics.unitFailed(platform, "engine"));
            return new Answer(apology(context, prefs, EngineMessages.INTERNAL_ERROR), Optional.empty());
        } finally {
            Metrics.Outcome counted = outcome;
            if (inbound instanceof Inbound.CommandInvoked command) {
                count(() -> metrics.commandHandled(platform, dispatcher.countedCommand(command.command()), counted));
            } else if (inbound instanceof Inbound.ButtonPressed button) {
                count(() -> metrics.buttonPressed(platform, dispatcher.countedAction(button.actionId()), counted));
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
        tellEach(MembershipListener.class, listener -> listener.onMembership(event), event.community().platform(),
                event.getClass().getSimpleName(), "membership");
    }

    /**
     * Hands a platform's report to every feature that is a {@code type}: each listener's failure is its own, logged
     * (the report's kind only) and counted as {@code unit}, and the others still hear it; an unreachable store is
     * thrown on once every listener has heard, so that the adapter can report it again later.
     */
    <L> void tellEach(Class<L> type, Consumer<L> tell, Platform platform, String kind, String unit) {
        StoreUnavailable unavailable = null;
        for (Feature feature : registry.features()) {
            if (!type.isInstance(feature)) {
                continue;
            }
            try {
                tell.accept(type.cast(feature));
            } catch (StoreUnavailable e) {
                LOG.warn("feature {} could not act on a {} on {}: the store is unreachable", feature.id(), kind, platform.id());
                unavailable = e;
            } catch (RuntimeException e) {
                LOG.error("feature {} failed on a {} on {}: {}", feature.id(), kind, platform.id(), e.getClass().getName(), e);
                count(() -> metrics.unitFailed(platform, unit));
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
        return permissions.commandsFor(context, kind);
    }

    /**
     * The {@code /help} topics in the order features were added, each with only the commands, and of
     * those only the subcommands, this person may use in a place of the given kind. Topics with
     * nothing usable are left out.
     */
    public List<HelpTopic> helpTopics(Context context, ChannelRef.Kind kind) {
        return permissions.helpTopics(context, kind);
    }

    /** True when this person may use commands of this audience here. */
    public boolean allowed(Audience audience, Context context) {
        return permissions.allowed(audience, context);
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

}
