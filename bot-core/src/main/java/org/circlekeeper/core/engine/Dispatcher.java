package org.circlekeeper.core.engine;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.circlekeeper.core.message.FormRequest;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event to its feature: a command (checked for audience and place, its arguments parsed), a button press, a
 * plain text (a pending form's answer, else the text listeners) or a submitted form. Bad input gets a kind reply
 * here and reaches no feature. The {@link Engine} settles the event's context and catches what fails.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

    private final FeatureRegistry registry;
    private final Permissions permissions;
    private final PreferenceResolver preferences;
    private final PendingForms pendingForms;
    private final Duration formWindow;

    Dispatcher(FeatureRegistry registry, Permissions permissions, PreferenceResolver preferences, PendingForms pendingForms,
               Duration formWindow) {
        this.registry = registry;
        this.permissions = permissions;
        this.preferences = preferences;
        this.pendingForms = pendingForms;
        this.formWindow = formWindow;
    }

    /** The registered name of a command, or {@link Metrics#UNKNOWN}: what a member typed is never counted. */
    String countedCommand(String typed) {
        return registry.command(typed.toLowerCase(Locale.ROOT)).map(CommandSpec::name).orElse(Metrics.UNKNOWN);
    }

    /** The registered id of a button's action (without its state), or {@link Metrics#UNKNOWN}. */
    String countedAction(String actionId) {
        int colon = actionId.indexOf(':');
        return registry.action(colon < 0 ? actionId : actionId.substring(0, colon)).map(ActionSpec::id).orElse(Metrics.UNKNOWN);
    }

    Metrics.Outcome onCommand(Turn turn, Inbound.CommandInvoked invoked) {
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
            turn.refusedOption(problem.option());
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
        if (!permissions.allowed(spec.audience(), context)) {
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

    Metrics.Outcome onButton(Turn turn, Inbound.ButtonPressed pressed) {
        String actionId = pressed.actionId();
        int colon = actionId.indexOf(':');
        String id = colon < 0 ? actionId : actionId.substring(0, colon);
        String argument = colon < 0 ? "" : actionId.substring(colon + 1);
        Optional<ActionSpec> action = registry.action(id);
        if (action.isEmpty()) {
            turn.replyPrivately(EngineMessages.BUTTON_STALE);
            return Metrics.Outcome.UNKNOWN;
        }
        if (!permissions.allowed(action.get().audience(), turn.context())) {
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

    void onText(Turn turn, Inbound.TextReceived text) {
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
    void rememberForms(Context context, List<Reply> replies) {
        if (context.channel().platform().hasNativeForms()) {
            return;
        }
        for (Reply reply : replies) {
            FormRequest form = reply.message().form();
            if (form != null) {
                pendingForms.await(context.member(), form.formId(), formWindow);
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

    void onForm(Turn turn, Inbound.FormSubmitted form) {
        pendingForms.clear(turn.member());
        Optional<FormSpec> spec = registry.form(formName(form.formId()));
        if (spec.isEmpty()) {
            turn.replyPrivately(EngineMessages.FORM_STALE);
            return;
        }
        spec.get().handler().handle(turn, formState(form.formId()), form.fields());
    }

    private String closestCommand(String name, Context context) {
        return permissions.commandsFor(context, context.channel().kind()).stream()
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
