package org.circlekeeper.core.community;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/** A community's defaults, set by its organisers; empty until they choose. */
public record CommunitySettings(ZoneId zone, Locale language) {

    public static final CommunitySettings NONE = new CommunitySettings(null, null);

    public Optional<ZoneId> zoneSetting() {
        return Optional.ofNullable(zone);
    }

    public Optional<Locale> languageSetting() {
        return Optional.ofNullable(language);
    }

    public CommunitySettings withZone(ZoneId newZone) {
        return new CommunitySettings(newZone, language);
    }

    public CommunitySettings withLanguage(Locale newLanguage) {
        return new CommunitySettings(zone, newLanguage);
    }
}
