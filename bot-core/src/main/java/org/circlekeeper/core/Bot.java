package org.circlekeeper.core;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.circlekeeper.core.community.CommunityFeature;
import org.circlekeeper.core.engine.ChairPolicy;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.FeatureRegistry;
import org.circlekeeper.core.member.PrivacyFeature;
import org.circlekeeper.core.member.SettingsFeature;
import org.circlekeeper.core.member.SettingsPreferences;
import org.circlekeeper.core.member.ZoneLookup;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.template.TemplateSource;

/**
 * Assembles the whole bot from its stores, templates and clock: the one list of features, so the
 * application, the console demo and the tests run the same thing.
 */
public final class Bot {

    /** The message bundles of every feature, in {@code templates/messages/<lang>/<bundle>.yml}. */
    public static final List<String> BUNDLES = List.of("core");

    private Bot() {
    }

    /** The shipped templates of every bundle, with a deployment's override folder if given (may be null). */
    public static TemplateSource templates(Path overrideDir) {
        return TemplateSource.withOverrides(BUNDLES, overrideDir);
    }

    /** The deployment's defaults for members and communities that set nothing. */
    public record Defaults(Locale locale, ZoneId zone) {
        public Defaults {
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(zone, "zone");
        }

        public static Defaults english() {
            return new Defaults(Locale.ENGLISH, ZoneId.of("UTC"));
        }
    }

    /** Builds the engine with every feature. */
    public static Engine assemble(Stores stores, TemplateSource templates, Defaults defaults, Clock clock) {
        TemplateRenderer renderer = new TemplateRenderer(templates);
        ZoneLookup zones = new ZoneLookup();
        FeatureRegistry registry = new FeatureRegistry();
        registry.add(new SettingsFeature(stores.memberSettings(), zones));
        registry.add(new PrivacyFeature(registry, stores.tokens()));
        registry.add(new CommunityFeature(stores.communitySettings(), stores.wording(), renderer, registry, zones));
        SettingsPreferences preferences = new SettingsPreferences(stores.memberSettings(), stores.communitySettings(),
                defaults.locale(), defaults.zone());
        return new Engine(registry, renderer, stores.wording(), preferences, ChairPolicy.NOBODY, clock);
    }
}
