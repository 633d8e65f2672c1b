package org.circlekeeper.core.checkin;

import java.util.Objects;
import org.circlekeeper.core.engine.ChannelRef;

/**
 * A line a member was shown and may still confirm: exactly the rendered text that will be posted,
 * and the group channel it goes to. Kept for minutes only.
 */
public record PendingShare(ChannelRef channel, String text) {

    public PendingShare {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
    }
}
