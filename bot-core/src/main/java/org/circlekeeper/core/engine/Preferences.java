package org.circlekeeper.core.engine;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/** The language and time zone to use for one person in one community, after all settings are weighed. */
public record Preferences(Locale locale, ZoneId zone) {

    public Preferences {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(zone, "zone");
    }

    /** Resolves the preferences for an event's context: the member's settings, the community's, the defaults. */
    @FunctionalInterface
    public interface Resolver {
        Preferences resolve(Context context);
    }
}
