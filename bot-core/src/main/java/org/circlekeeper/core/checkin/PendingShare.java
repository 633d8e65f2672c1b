package org.circlekeeper.core.checkin;

import java.util.Objects;
import org.circlekeeper.core.ref.ChannelRef;

/**
 * A line a member was shown and may still confirm, and the group channel it goes to. Kept for minutes
 * only, and without the member's name: the post is rendered with the name their platform gives when
 * they confirm.
 *
 * @param line the member's own words, empty when they only say they checked in
 */
public record PendingShare(ChannelRef channel, String line) {

    public PendingShare {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(line, "line");
    }
}
