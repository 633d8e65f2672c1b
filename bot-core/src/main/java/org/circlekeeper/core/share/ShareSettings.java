package org.circlekeeper.core.share;

import java.util.Map;
import java.util.TreeMap;

/**
 * A community's share-circle settings, chosen by its organisers.
 *
 * @param anonymous true when members may share without their name during open sharing (off until chosen)
 * @param formats   circle id to the id of the format its meetings run
 * @param placeRefusalTold true once the organisers were told that the platform would not let the bot open a place of
 *                  its own for a meeting (a thread), so they are told only once
 */
public record ShareSettings(boolean anonymous, Map<String, String> formats, boolean placeRefusalTold) {

    public static final ShareSettings DEFAULT = new ShareSettings(false, Map.of());

    public ShareSettings {
        formats = Map.copyOf(formats);
    }

    /** Settings whose organisers were not told about a refused meeting place. */
    public ShareSettings(boolean anonymous, Map<String, String> formats) {
        this(anonymous, formats, false);
    }

    ShareSettings withAnonymous(boolean allowed) {
        return new ShareSettings(allowed, formats, placeRefusalTold);
    }

    ShareSettings withFormat(String circleId, String formatId) {
        Map<String, String> changed = new TreeMap<>(formats);
        changed.put(circleId, formatId);
        return new ShareSettings(anonymous, changed, placeRefusalTold);
    }

    ShareSettings withPlaceRefusalTold() {
        return new ShareSettings(anonymous, formats, true);
    }
}
