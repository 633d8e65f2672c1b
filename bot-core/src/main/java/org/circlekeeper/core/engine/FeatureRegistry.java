package org.circlekeeper.core.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;

/**
 * All features of one bot and what they declare: commands by name, actions by id, forms, text
 * listeners, messages and personal-data participants. Filled while the bot is assembled, then
 * frozen by the {@link Engine}; features that list commands (help) or walk personal data (privacy)
 * read it.
 */
public final class FeatureRegistry {

    private final List<Feature> features = new ArrayList<>();
    private final Map<String, CommandSpec> commands = new LinkedHashMap<>();
    /** Each feature's commands as it declared them when added: the specs dispatch uses, read once (a feature builds them anew). */
    private final Map<Feature, List<CommandSpec>> declared = new IdentityHashMap<>();
    private final Map<String, ActionSpec> actions = new LinkedHashMap<>();
    private final Map<String, FormSpec> forms = new LinkedHashMap<>();
    private final List<TextListener> listeners = new ArrayList<>();
    private final List<PersonalData> personalData = new ArrayList<>();
    private final Set<String> forgetfulCommands = new HashSet<>();
    private final Set<String> forgetfulActions = new HashSet<>();
    private boolean frozen;
    private List<Feature> frozenFeatures;
    private List<CommandSpec> frozenCommands;

    /** Adds a feature; its command names, action ids and form ids must be new. */
    public FeatureRegistry add(Feature feature) {
        if (frozen) {
            throw new IllegalStateException("features are fixed once the engine runs; add " + feature.id() + " before");
        }
        List<CommandSpec> specs = List.copyOf(feature.commands());
        for (CommandSpec spec : specs) {
            if (commands.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("two features declare /" + spec.name());
            }
        }
        for (ActionSpec action : feature.actions()) {
            if (!action.id().startsWith(feature.id() + ".")) {
                throw new IllegalArgumentException("action " + action.id() + " must start with its feature id " + feature.id());
            }
            if (actions.putIfAbsent(action.id(), action) != null) {
                throw new IllegalArgumentException("two actions named " + action.id());
            }
        }
        for (FormSpec form : feature.forms()) {
            if (forms.putIfAbsent(form.id(), form) != null) {
                throw new IllegalArgumentException("two forms named " + form.id());
            }
        }
        if (!feature.remembersTheGroup()) {
            specs.forEach(spec -> forgetfulCommands.add(spec.name()));
            feature.actions().forEach(action -> forgetfulActions.add(action.id()));
        }
        listeners.addAll(feature.textListeners());
        personalData.addAll(feature.personalData());
        features.add(feature);
        declared.put(feature, specs);
        return this;
    }

    void freeze() {
        frozen = true;
        // fixed from now on: every event reads these, so they are copied once, not per call
        frozenFeatures = List.copyOf(features);
        frozenCommands = List.copyOf(commands.values());
    }

    /** True once the engine runs: from then on no feature, command or action is added. */
    boolean isFrozen() {
        return frozen;
    }

        public List<Feature> features() {
        return frozen ? frozenFeatures : List.copyOf(features);
    }

    public Collection<CommandSpec> commands() {
        return frozen ? frozenCommands : List.copyOf(commands.values());
    }

    /** A feature's commands as registered (the specs that are dispatched to); empty for a feature not added here. */
    List<CommandSpec> commandsOf(Feature feature) {
        return declared.getOrDefault(feature, List.of());
    }

    public Optional<CommandSpec> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** Whether using this command in a group makes the bot remember the group ({@link Feature#remembersTheGroup}). */
    boolean commandRemembersTheGroup(String name) {
        return !forgetfulCommands.contains(name);
    }

    /** Whether pressing this action's button in a group makes the bot remember the group. */
    boolean actionRemembersTheGroup(String id) {
        return !forgetfulActions.contains(id);
    }

    Optional<ActionSpec> action(String id) {
        return Optional.ofNullable(actions.get(id));
    }

    Optional<FormSpec> form(String id) {
        return Optional.ofNullable(forms.get(id));
    }

    List<TextListener> textListeners() {
        return List.copyOf(listeners);
    }

    /** Every participant in export and erasure, in the order features were added. */
    public List<PersonalData> personalData() {
        return List.copyOf(personalData);
    }

    /**
     * The same keys as {@link #messageKeys()}, each once, grouped by the help topic of the feature that names it first
     * (the engine's own under the empty topic, first); topics in the order features were added.
     */
    public Map<String, List<MessageKey>> messageKeysByTopic() {
        Map<String, Map<String, MessageKey>> byTopic = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, MessageKey> engine = byTopic.computeIfAbsent("", t -> new LinkedHashMap<>());
        EngineMessages.KEYS.keys().forEach(k -> {
            if (seen.add(k.key())) {
                engine.put(k.key(), k);
            }
        });
        for (Feature feature : features) {
            Map<String, MessageKey> topic = byTopic.computeIfAbsent(feature.helpTopic(), t -> new LinkedHashMap<>());
            List<MessageKey> named = new ArrayList<>();
            feature.commands().forEach(c -> named.addAll(c.messageKeys()));
            named.addAll(feature.messages());
            named.add(HelpTopic.labelOf(feature.helpTopic()));
            named.forEach(k -> {
                if (seen.add(k.key())) {
                    topic.put(k.key(), k);
                }
            });
        }
        Map<String, List<MessageKey>> topics = new LinkedHashMap<>();
        byTopic.forEach((topic, keys) -> topics.put(topic, List.copyOf(keys.values())));
        return topics;
    }

    /** Every message key any feature or command spec names, plus the engine's own. */
    public List<MessageKey> messageKeys() {
        Map<String, MessageKey> keys = new LinkedHashMap<>();
        EngineMessages.KEYS.keys().forEach(k -> keys.put(k.key(), k));
        for (Feature feature : features) {
            feature.commands().forEach(c -> c.messageKeys().forEach(k -> keys.put(k.key(), k)));
            feature.messages().forEach(k -> keys.put(k.key(), k));
            MessageKey topic = HelpTopic.labelOf(feature.helpTopic());
            keys.put(topic.key(), topic);
        }
        return List.copyOf(keys.values());
    }
}
