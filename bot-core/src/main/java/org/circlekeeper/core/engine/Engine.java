package org.circlekeeper.core.engine;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.template.WordingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one inbound port: {@link #handle(Inbound)}. It checks who may do what where, parses and
 * validates arguments, dispatches to the feature and returns its replies. Bad input gets a kind
 * reply and reaches no feature; a feature's failure is logged (without personal data) and
 * answered with an apology, never a crash.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

    private final FeatureRegistry registry;
    private final TemplateRenderer renderer;
    private final WordingStore wording;
    private final Preferences.Resolver preferences;
    private final ChairPolicy chairs;
    private final PendingForms pendingForms;
    private final Clock clock;
    private final Metrics metrics;

    /** How long a member has to answer a form asked in a private chat. */
    public static final java.time.Duration FORM_WINDOW = java.time.Duration.ofMinutes(15);

    public Engine(FeatureRegistry registry, TemplateRenderer renderer, WordingStore wording,
                  Preferences.Resolver preferences, ChairPolicy chairs, PendingForms pendingForms, Clock clock) {
        this(registry, renderer, wording, preferences, chairs, pendingForms, clock, Metrics.NONE);
    }

    /** An engine that reports each command and button press to {@code metrics} (by name and outcome only). */
    public Engine(FeatureRegistry registry, TemplateRenderer renderer, WordingStore wording,
                  Preferences.Resolver preferences, ChairPolicy chairs, PendingForms pendingForms, Clock clock,
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

    /** Handles one event and returns what to say, in order. Never throws for bad input or feature failures. */
    public List<Reply> handle(Inbound inbound) {
        Preferences.Settled settled = preferences.settle(inbound.context());
        Context context = settled.context();
        Turn turn = newTurn(context, settled.preferences());
        Platform platform = context.channel().platform();
        try {
            if (inbound instanceof Inbound.CommandInvoked command) {
                Metrics.Outcome outcome = Metrics.Outcome.FAILED;
                try {
                    outcome = onCommand(turn, command);
                } finally {
                    metrics.commandHandled(platform, countedCommand(command.command()), outcome);
                }
            } else if (inbound instanceof Inbound.ButtonPressed button) {
                Metrics.Outcome outcome = Metrics.Outcome.FAILED;
                try {
                    outcome = onButton(turn, button);
                } finally {
                    metrics.buttonPressed(platform, countedAction(button.actionId()), outcome);
                }
            } else if (inbound instanceof Inbound.TextReceived text) {
                onText(turn, text);
            } else if (inbound instanceof Inbound.FormSubmitted form) {
                onForm(turn, form);
            }
            List<Reply> replies = turn.replies();
            rememberForms(context, replies);
            return replies;
        } catch (RuntimeException e) {
            LOG.error("handling a {} on {} failed: {}", inbound.getClass().getSimpleName(), context.channel().platform().id(),
                    e.getClass().getName(), e);
            Turn apology = newTurn(context, settled.preferences());
            apology.replyPrivately(EngineMessages.INTERNAL_ERROR);
            return apology.replies();
        }
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
        Map<String, List<HelpTopic.Entry>> topics = new java.util.LinkedHashMap<>();
        for (Feature feature : registry.features()) {
            List<HelpTopic.Entry> entries = topics.computeIfAbsent(feature.helpTopic(), t -> new java.util.ArrayList<>());
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
    public String text(org.circlekeeper.core.template.MessageKey key, Locale locale) {
        return renderer.render(key, locale, Map.of());
    }

    /** A message's shipped text in a locale with its values (for the few notes an adapter writes itself). */
    public String text(org.circlekeeper.core.template.MessageKey key, Locale locale, Map<String, ?> values) {
        return renderer.render(key, locale, values);
    }

    /** The preferences (language, zone) the engine will use for this context. */
    public Preferences preferencesFor(Context context) {
        return preferences.resolve(context);
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
            turn.replyPrivately(EngineMessages.BUTTON_NOT_YOURS);
            return Metrics.Outcome.DENIED;
        }
        action.get().handler().handle(turn, argument);
        return Metrics.Outcome.DONE;
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
            org.circlekeeper.core.message.FormRequest form = reply.message().form();
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
        return values.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
    }
}
