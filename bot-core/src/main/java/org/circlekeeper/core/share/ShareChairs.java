package org.circlekeeper.core.share;

import java.util.Optional;
import org.circlekeeper.core.engine.ChairPolicy;
import org.circlekeeper.core.engine.Context;

/**
 * Who chairs here, for the engine's {@code Audience.CHAIR}: while a session runs in the channel, the
 * person who started it; between sessions, the volunteer who accepted to chair the next one. The
 * rights last for that one meeting: they end with it, and starting a session uses the acceptance up.
 */
final class ShareChairs implements ChairPolicy {

    private final ShareStore store;

    ShareChairs(ShareStore store) {
        this.store = store;
    }

    @Override
    public boolean isChair(Context context) {
        Optional<ShareRoom> here = ShareRoom.of(context);
        if (here.isEmpty()) {
            return false;
        }
        ShareRoom room = here.get();
        Optional<ShareSession> live = store.live(room);
        if (live.isPresent()) {
            return live.get().chairedBy(context.member());
        }
        Person accepted = store.rotation(room).accepted();
        return accepted != null && accepted.same(context.member());
    }
}
