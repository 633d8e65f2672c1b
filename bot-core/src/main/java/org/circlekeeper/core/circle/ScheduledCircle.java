package org.circlekeeper.core.circle;

import java.util.Objects;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.FeaturePort;

/**
 * A scheduled circle as other features see it through {@link ScheduledCircles}: its id, its name and the channel it
 * meets in, nothing of its schedule.
 */
@FeaturePort
public record ScheduledCircle(String id, String name, ChannelRef channel) {

    public ScheduledCircle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
    }
}
