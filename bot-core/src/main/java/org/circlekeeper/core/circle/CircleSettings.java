package org.circlekeeper.core.circle;

import java.time.Duration;
import java.util.List;

/**
 * A community's circle defaults, set by its organisers: when reminders go to the circle's channel
 * before each meeting. Empty lead times mean no channel reminders.
 */
public record CircleSettings(List<Duration> leadTimes) {

    /** What a community that chose nothing gets: a day before and an hour before. */
    public static final CircleSettings DEFAULT = new CircleSettings(List.of(Duration.ofDays(1), Duration.ofHours(1)));

    public CircleSettings {
        leadTimes = List.copyOf(leadTimes);
    }
}
