package org.circlekeeper.core.checkin;

import java.util.Objects;

/**
 * The store ports of the check-in feature, implemented by Redis in production and in memory in tests. Notes
 * arrive sealed; no store sees plain text.
 */
public record CheckinStores(CheckinStore checkins, JourneyStore journeys, CheckinProfileStore profiles,
                            SharedLineStore lines, AlertCooldownStore cooldowns, CheckinSettingsStore settings,
                            CheckinMemberIndex members) {

    public CheckinStores {
        Objects.requireNonNull(checkins, "checkins");
        Objects.requireNonNull(journeys, "journeys");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(cooldowns, "cooldowns");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(members, "members");
    }
}
