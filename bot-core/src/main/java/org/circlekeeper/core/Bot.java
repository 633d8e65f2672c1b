package org.circlekeeper.core;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.circlekeeper.core.checkin.CheckinFeature;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.circle.CircleFeature;
import org.circlekeeper.core.community.CommunityFeature;
import org.circlekeeper.core.community.Departures;
import org.circlekeeper.core.community.SettingsPreferences;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.FeatureRegistry;
import org.circlekeeper.core.member.PrivacyFeature;
import org.circlekeeper.core.member.SettingsFeature;
import org.circlekeeper.core.member.ZoneLookup;
import org.circlekeeper.core.message.EventMirrors;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.resource.CrisisFeature;
import org.circlekeeper.core.resource.CrisisLines;
import org.circlekeeper.core.resource.ResourceCatalog;
import org.circlekeeper.core.resource.ResourceFeature;
import org.circlekeeper.core.resource.ResourceSearch;
import org.circlekeeper.core.resource.SafetyFeature;
import org.circlekeeper.core.resource.SafetyPhrases;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.core.share.ShareFeature;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.template.TemplateSource;

/**
 * Assembles the whole bot from its stores, templates and clock: the one list of features, so the
 * application, the console demo and the tests run the same thing.
 */
public final class Bot {

    /** The message bundles of every feature, in {@code templates/messages/<lang>/<bundle>.yml}. */
    public static final List<String> BUNDLES = List.of("core", "resources", "circles", "share", "checkins");

    private Bot() {
    }

    /** The shipped templates of every bundle, with a deployment's override folder if given (may be null). */
    public static TemplateSource templates(Path overrideDir) {
        return TemplateSource.withOverrides(BUNDLES, overrideDir);
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

    /** The assembled bot: the engine for inbound events and the scheduler for due work. */
    public record Assembly(Engine engine, Scheduler scheduler) {
    }

    /** How long a claimed job is held before another replica may take it over. */
    public static final Duration JOB_LEASE = Duration.ofSeconds(60);

    /**
     * Builds the engine and the scheduler with every feature, for platforms without an event list of
     * their own (the console, Telegram): a Discord community's circles would fail, loudly, to reach
     * its Events.
     *
     * @param messengers the connected platforms, for messages the bot starts itself
     * @param checkins   the note cipher (its key from configuration) and how long check-ins are kept
     */
    public static Assembly assemble(Stores stores, TemplateSource templates, Defaults defaults, Clock clock,
                                    Messengers messengers, CheckinOptions checkins) {
        return assemble(stores, templates, defaults, clock, messengers, checkins, Metrics.NONE);
    }

    /**
     * Builds the engine and the scheduler with every feature, reporting what they handle to {@code metrics}.
     *
     * @param messengers the connected platforms, for messages the bot starts itself
     * @param checkins   how check-in notes are sealed and how long check-ins are kept
     * @param metrics    where commands, buttons and due jobs are counted (the app's Prometheus metrics)
     */
    public static Assembly assemble(Stores stores, TemplateSource templates, Defaults defaults, Clock clock,
                                    Messengers messengers, CheckinOptions checkins, Metrics metrics) {
        return assemble(stores, templates, defaults, clock, messengers, checkins, metrics, EventMirrors.none());
    }

    /**
     * Builds the engine and the scheduler with every feature, keeping each circle's next meeting in the
     * platforms' own event lists.
     *
     * @param mirrors the event lists of the connected platforms that have one (Discord's server Events)
     */
    public static Assembly assemble(Stores stores, TemplateSource templates, Defaults defaults, Clock clock,
                                    Messengers messengers, CheckinOptions checkins, Metrics metrics, EventMirrors mirrors) {
        TemplateRenderer renderer = new TemplateRenderer(templates);
        SettingsPreferences preferences = new SettingsPreferences(stores.memberSettings(), stores.communitySettings(),
                defaults.locale(), defaults.zone());
        Outbox outbox = new Outbox(renderer, stores.wording(), preferences, messengers, stores.deliveries(), clock,
                community -> stores.departures().departedAt(community).isPresent());
        ZoneLookup zones = new ZoneLookup();
        FeatureRegistry registry = new FeatureRegistry();
        registry.add(new SettingsFeature(stores.memberSettings(), zones));
        CrisisLines crisisLines = CrisisLines.shipped();
        registry.add(new CrisisFeature(crisisLines, stores.memberSettings(), stores.resources()));
        registry.add(new SafetyFeature(SafetyPhrases.shipped(), crisisLines, stores.resources(), stores.memberSettings(),
                stores.tokens(), outbox, clock));
        ResourceCatalog catalog = ResourceCatalog.shipped();
        registry.add(new ResourceFeature(new ResourceSearch(catalog, stores.resources(), preferences, stores.memberSettings()), catalog,
                stores.resources(), crisisLines));
        registry.add(new PrivacyFeature(registry, stores.tokens(), messengers.personalData(), stores.erasure()));
        registry.add(new CommunityFeature(stores.communitySettings(), stores.wording(), renderer, registry, zones));
        registry.add(new Departures(registry, stores.departures(), stores.jobs(), clock, defaults.departureGrace()));
        registry.add(new CircleFeature(stores.circles(), stores.jobs(), outbox, preferences, zones, clock, mirrors));
        ShareFeature share = new ShareFeature(stores.share(), stores.circles().circles(), stores.jobs(), outbox, messengers, clock);
        registry.add(share);
        registry.add(new CheckinFeature(stores.checkins(), checkins, stores.jobs(), outbox, preferences, stores.memberSettings(),
                crisisLines, catalog, stores.resources(), stores.forms(), clock, metrics));
        Engine engine = new Engine(registry, renderer, stores.wording(), preferences, share.chairs(), stores.forms(), clock,
                metrics);
        List<JobHandler> handlers = registry.features().stream().flatMap(f -> f.jobHandlers().stream()).toList();
        return new Assembly(engine, new Scheduler(stores.jobs(), clock, handlers, JOB_LEASE, metrics));
    }
}
