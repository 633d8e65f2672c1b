package org.circlekeeper.core.share;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * All that remains of a circle once it ended: its format, when and how long it ran, and counts. No
 * names and nothing anyone said.
 *
 * @param joined    how many joined
 * @param shares    turns taken with the talking piece
 * @param passes    turns passed
 * @param anonymous shares posted without a name
 */
public record MeetingSummary(String format, Instant startedAt, Instant endedAt, int joined, int shares, int passes,
                             int anonymous) {

    public MeetingSummary {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
    }

    static MeetingSummary of(LiveCircle last, Instant endedAt) {
        LiveCircle.Counts counts = last.counts();
        return new MeetingSummary(last.format(), last.startedAt(), endedAt, counts.joined(), counts.shares(), counts.passes(),
                counts.anonymous());
    }

    public Duration length() {
        return Duration.between(startedAt, endedAt);
    }
}
