package org.circlekeeper.core.engine;

import java.util.List;
import java.util.Optional;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;

/**
 * The port a platform's adapter offers when its places can be attended, not only written to (Discord's voice and
 * stage channels): who is in a place now. Its changes arrive as {@link PresenceEvent}s.
 */
public interface PlacePresence {

    Platform platform();

    /**
     * Who is in the place now, in the order the platform lists them, without bots; empty when the place is not one
     * people can be in (a text channel), or the adapter does not know it.
     */
    Optional<List<MemberRef>> present(ChannelRef place);
}
