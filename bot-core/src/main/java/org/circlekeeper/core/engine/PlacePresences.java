package org.circlekeeper.core.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;

/**
 * The {@link PlacePresence} of each connected platform that has places one can be in. A platform without one (the
 * console, Telegram: the bot cannot see who is in a group's voice chat) has no such places, so every place there
 * is only written to and the features behave as they always did.
 */
public final class PlacePresences {

    private final Map<Platform, PlacePresence> byPlatform = new EnumMap<>(Platform.class);

    public PlacePresences(List<PlacePresence> presences) {
        for (PlacePresence presence : presences) {
            if (byPlatform.putIfAbsent(presence.platform(), presence) != null) {
                throw new IllegalArgumentException("two place presences for " + presence.platform().id());
            }
        }
    }

    /** No connected platform has places one can be in. */
    public static PlacePresences none() {
        return new PlacePresences(List.of());
    }

    /** Who is in the place now; empty when it is not a place one can be in, or its platform has none. */
    public Optional<List<MemberRef>> present(ChannelRef place) {
        PlacePresence presence = byPlatform.get(place.platform());
        return presence == null || place.isDirect() ? Optional.empty() : presence.present(place).map(List::copyOf);
    }
}
