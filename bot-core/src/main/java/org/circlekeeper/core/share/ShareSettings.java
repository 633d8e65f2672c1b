package org.circlekeeper.core.share;

import java.util.Map;
import java.util.TreeMap;

/**
 * A community's share-circle settings, chosen by its organisers.
 *
 * @param anonymous true when members may share without their name during open sharing (off until chosen)
 * @param formats   circle id to the id of the format its meetings run
 */
public record ShareSettings(boolean anonymous, Map<String, String> formats) {

    public static final ShareSettings DEFAULT = new ShareSettings(false, Map.of());

    public ShareSettings {
        formats = Map.copyOf(formats);
    }

    ShareSettings withAnonymous(boolean allowed) {
        return new ShareSettings(allowed, formats);
    }

    ShareSettings withFormat(String circleId, String formatId) {
        Map<String, String> changed = new TreeMap<>(formats);
        changed.put(circleId, formatId);
        return new ShareSettings(anonymous, changed);
    }
}
