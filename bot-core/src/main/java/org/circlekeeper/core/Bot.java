package org.circlekeeper.core;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.circlekeeper.core.checkin.CheckinFeature;
import org.circlekeeper.core.circle.CircleFeature;
import org.circlekeeper.core.community.CommunityFeature;
import org.circlekeeper.core.community.CommunityMoves;
import org.circlekeeper.core.community.Departures;
import org.circlekeeper.core.community.SettingsPreferences;
import org.circlekeeper.core.dashboard.DashboardFeature;
import org.circlekeeper.core.engine.ChairPolicy;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.EngineMessages;
import org.circlekeeper.core.engine.FeatureRegistry;
import org.circlekeeper.core.engine.Plugin;
import org.circlekeeper.core.engine.PreferenceResolver;
import org.circlekeeper.core.engine.Wiring;
import org.circlekeeper.core.member.ErasureFlush;
import org.circlekeeper.core.member.PrivacyFeature;
import org.circlekeeper.core.member.SettingsFeature;
import org.circlekeeper.core.message.EventMirrors;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.ref.StoreKey;
import org.circlekeeper.core.resource.CrisisFeature;
import org.circlekeeper.core.resource.ResourceFeature;
import org.circlekeeper.core.resource.SafetyFeature;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.core.share.ShareFeature;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.template.TemplateSource;

/**
 * Assembles the whole bot from its feature list, stores, templates and clock, so the application, the console demo
 * and the tests run the same thing. {@link #FEATURES} is the one list of shipped features: registering a feature is
 * one line there.
 */
public final class Bot {

    /** Every shipped feature, in the order {@code /help} lists them; a new feature adds its {@code PLUGIN} here. */
    public static final List<Plugin> FEATURES = List.of(
            SettingsFeature.PLUGIN,
            CrisisFeature.PLUGIN,
            SafetyFeature.PLUGIN,
            ResourceFeature.PLUGIN,
            PrivacyFeature.PLUGIN,
            CommunityFeature.PLUGIN,
            CircleFeature.PLUGIN,
            ShareFeature.PLUGIN,
            CheckinFeature.PLUGIN,
            // after the features whose ports the organisers' page reads (circles, share circle, check-ins)
            DashboardFeature.PLUGIN);

    /** How long a claimed job is held before another replica may take it over. */
    public static final Duration JOB_LEASE = Duration.ofSeconds(60);

    private Bot() {
    }

    /** Starts a bot: give it its stores and clock at least; every shipped feature is in it unless told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** The bundles of the engine and of the given features, each once, in {@code templates/messages/<lang>/}. */
    public static List<String> bundles(List<Plugin> features) {
        Set<String> bundles = new LinkedHashSet<>();
        bundles.add(EngineMessages.KEYS.bundle());
        features.forEach(plugin -> bundles.add(plugin.bundle()));
        return List.copyOf(bundles);
    }

    /** The shipped templates of every shipped feature, with a deployment's override folder if given (may be null). */
    public static TemplateSource templates(Path overrideDir) {
        return TemplateSource.withOverrides(bundles(FEATURES), overrideDir);
    }

    /** The deployment's defaults for members and communities that set nothing. */
    public record Defaults(Locale locale, ZoneId zone, Duration departureGrace) {
        public Defaults {
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(departureGrace, "departureGrace");
        }

        /** Defaults that keep a community's data {@link Departures#DEFAULT_GRACE} after the bot was removed from it. */
        public Defaults(Locale locale, ZoneId zone) {
            this(locale, zone, Departures.DEFAULT_GRACE);
        }

        public static Defaults english() {
            return new Defaults(Locale.ENGLISH, ZoneId.of("UTC"));
        }
    }

    /**
     * The assembled bot: the engine for inbound events, the scheduler for due work, and the parts the features offer
     * beyond the engine (the organisers' page's {@code Dashboard}, which the web adapter serves).
     */
    public record Assembly(Engine engine, Scheduler scheduler, Map<Class<?>, Object> parts) {

        public Assembly {
            parts = Map.copyOf(parts);
        }

        /** A part a feature offers, if the bot has one of that type. */
        public <T> Optional<T> part(Class<T> type) {
            return Optional.ofNullable(parts.get(type)).map(type::cast);
        }
    }

    /**
     * Collects what the bot is built from. Required: {@link #stores} and {@link #clock}. Defaults: every shipped
     * feature, their shipped templates, English in UTC, no platforms, no metrics, no platform event lists.
     */
    public static final class Builder {

        private final List<Plugin> features = new ArrayList<>(FEATURES);
        private final Map<Class<?>, Object> parts = new HashMap<>();
        private Stores stores;
        private Clock clock;
        private TemplateSource templates;
        private Path templateOverrides;
        private Defaults defaults = Defaults.english();
        private Messengers messengers = new Messengers(List.of());
        private Metrics metrics = Metrics.NONE;
        private EventMirrors mirrors = EventMirrors.none();

        private Builder() {
        }

        public Builder stores(Stores stores) {
            this.stores = Objects.requireNonNull(stores, "stores");
            return this;
        }

        /** The bot's clock: the system's in production, a virtual one in the console demo and in tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Adds a feature after the shipped ones (a deployment's own, or a test's). */
        public Builder feature(Plugin plugin) {
            Objects.requireNonNull(plugin, "plugin");
            if (features.stream().anyMatch(p -> p.id().equals(plugin.id()))) {
                throw new IllegalArgumentException("the feature " + plugin.id() + " is in the bot already");
            }
            features.add(plugin);
            return this;
        }

        /** Runs exactly these features instead of the shipped ones. */
        public Builder features(List<Plugin> plugins) {
            features.clear();
            plugins.forEach(this::feature);
            return this;
        }

        /** The texts to use instead of the features' shipped bundles; they must hold every feature's bundle. */
        public Builder templates(TemplateSource templates) {
            this.templates = Objects.requireNonNull(templates, "templates");
            return this;
        }

        /** A folder with {@code messages/<lang>/<bundle>.yml} files whose keys replace the shipped texts (may be null). */
        public Builder templateOverrides(Path overrideDir) {
            this.templateOverrides = overrideDir;
            return this;
        }

        public Builder defaults(Defaults defaults) {
            this.defaults = Objects.requireNonNull(defaults, "defaults");
            return this;
        }

        /** The connected platforms, for messages the bot starts itself. */
        public Builder messengers(Messengers messengers) {
            this.messengers = Objects.requireNonNull(messengers, "messengers");
            return this;
        }

        /** Where commands, buttons and due jobs are counted (the app's Prometheus metrics). */
        public Builder metrics(Metrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** The event lists of the connected platforms that have one (Discord's server Events). */
        public Builder mirrors(EventMirrors mirrors) {
            this.mirrors = Objects.requireNonNull(mirrors, "mirrors");
            return this;
        }

        /**
         * A part a feature asks for by type: a deployment's options for it (the check-ins' {@code CheckinOptions}, with
         * the key that seals notes), or data to use instead of the shipped (a {@code CrisisLines}).
         */
        public <T> Builder with(Class<T> type, T part) {
            Objects.requireNonNull(type, "type");
            parts.put(type, type.cast(Objects.requireNonNull(part, () -> "the part " + type.getSimpleName())));
            return this;
        }

        /**
         * Builds the engine and the scheduler with every feature.
         *
         * @throws IllegalStateException naming what is missing: the stores or clock, a store a feature needs, a part
         */
        public Assembly build() {
            if (stores == null || clock == null) {
                throw new IllegalStateException("a bot needs its stores and its clock: Bot.builder().stores(…).clock(…)");
            }
            for (Plugin plugin : features) {
                stores.require(plugin.stores(), "the feature " + plugin.id());
            }
            TemplateRenderer renderer = new TemplateRenderer(templates != null ? templates
                    : TemplateSource.withOverrides(bundles(features), templateOverrides));
            SettingsPreferences preferences = new SettingsPreferences(stores.memberSettings(), stores.communitySettings(),
                    defaults.locale(), defaults.zone());
            Outbox outbox = new Outbox(renderer, stores.wording(), preferences, messengers, stores.deliveries(), clock,
                    community -> stores.departures().departedAt(community).isPresent());
            FeatureRegistry registry = new FeatureRegistry();
            Map<Class<?>, Object> shared = new HashMap<>(parts);
            shared.putIfAbsent(ErasureFlush.class, stores.erasure());
            for (Plugin plugin : features) {
                registry.add(plugin.build(new PluginWiring(plugin, shared, renderer, preferences, outbox, registry)));
            }
            // not a plugin: the bot's own part that keeps and then erases what a community that removed the bot owns
            registry.add(new Departures(registry, stores.departures(), stores.jobs(), clock, defaults.departureGrace()));
            // and the one that takes everything a community owns to its new id when the platform changed it
            registry.add(new CommunityMoves(registry, stores.departures()));
            ChairPolicy chairs = (ChairPolicy) shared.getOrDefault(ChairPolicy.class, ChairPolicy.NOBODY);
            Engine engine = new Engine(registry, renderer, stores.wording(), preferences, chairs, stores.forms(), clock, metrics);
            List<JobHandler> handlers = registry.features().stream().flatMap(f -> f.jobHandlers().stream()).toList();
            return new Assembly(engine, new Scheduler(stores.jobs(), clock, handlers, JOB_LEASE, metrics), shared);
        }

        /** What one plugin is built from: the stores it declared (and the bot's own), the shared services and parts. */
        private final class PluginWiring implements Wiring {

            private final Plugin plugin;
            private final Set<StoreKey<?>> allowed = new HashSet<>(Stores.BASE);
            private final Map<Class<?>, Object> shared;
            private final TemplateRenderer renderer;
            private final PreferenceResolver preferences;
            private final Outbox outbox;
            private final FeatureRegistry registry;

            PluginWiring(Plugin plugin, Map<Class<?>, Object> shared, TemplateRenderer renderer, PreferenceResolver preferences,
                         Outbox outbox, FeatureRegistry registry) {
                this.plugin = plugin;
                this.allowed.addAll(plugin.stores());
                this.shared = shared;
                this.renderer = renderer;
                this.preferences = preferences;
                this.outbox = outbox;
                this.registry = registry;
            }

            @Override
            public <T> T store(StoreKey<T> key) {
                if (!allowed.contains(key)) {
                    throw new IllegalStateException("the feature " + plugin.id() + " asks for the store " + key
                            + ", which its plugin does not declare; add " + key.type().getSimpleName() + ".KEY to its stores");
                }
                return stores.get(key);
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public Outbox outbox() {
                return outbox;
            }

            @Override
            public PreferenceResolver preferences() {
                return preferences;
            }

            @Override
            public TemplateRenderer renderer() {
                return renderer;
            }

            @Override
            public FeatureRegistry registry() {
                return registry;
            }

            @Override
            public Messengers messengers() {
                return messengers;
            }

            @Override
            public Metrics metrics() {
                return metrics;
            }

            @Override
            public EventMirrors mirrors() {
                return mirrors;
            }

            @Override
            public <T> T part(Class<T> type) {
                return find(type).orElseThrow(() -> new IllegalStateException("the feature " + plugin.id() + " needs a "
                        + type.getSimpleName() + "; give it with Bot.builder().with(" + type.getSimpleName() + ".class, …)"));
            }

            @Override
            public <T> T part(Class<T> type, Supplier<T> make) {
                Optional<T> found = find(type);
                if (found.isPresent()) {
                    return found.get();
                }
                T made = Objects.requireNonNull(make.get(), () -> "made no " + type.getSimpleName());
                shared.put(type, made);
                return made;
            }

            @Override
            public <T> Optional<T> find(Class<T> type) {
                return Optional.ofNullable(shared.get(type)).map(type::cast);
            }

            @Override
            public <T> void provide(Class<T> type, T part) {
                if (shared.putIfAbsent(type, type.cast(Objects.requireNonNull(part, "part"))) != null) {
                    throw new IllegalStateException("the feature " + plugin.id() + " offers a " + type.getSimpleName()
                            + ", and the bot has one already");
                }
            }
        }
    }
}
