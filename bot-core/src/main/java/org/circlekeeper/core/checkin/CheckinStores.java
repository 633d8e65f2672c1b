package org.circlekeeper.core.checkin;

import java.util.Objects;
import org.circlekeeper.core.ref.StoreKey;

/**
 * The store ports of the check-in feature, implemented by Redis in production and in memory in tests. Notes
 * arrive sealed; no store sees plain text.
 */
public record CheckinStores(CheckinStore checkins, JourneyStore journeys, CheckinProfileStore profiles,
                            SharedLineStore lines, AlertCooldownStore cooldowns, CheckinSettingsStore settings,
                            CheckinMemberIndex members) {

    /** The check-in feature's stores' name among the bot's stores. */
    public static final StoreKey<CheckinStores> KEY = StoreKey.of("checkins", CheckinStores.class);

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
