package org.circlekeeper.core.share;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * All that remains of a session once it ended: its format, when and how long it ran, and counts. No
 * names and nothing anyone said.
 *
 * @param joined    how many joined
 * @param shares    turns taken with the talking piece
 * @param passes    turns passed
 * @param anonymous shares posted without a name
 */
public record SessionSummary(String format, Instant startedAt, Instant endedAt, int joined, int shares, int passes,
                             int anonymous) {

    public SessionSummary {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
    }

    static SessionSummary of(ShareSession last, Instant endedAt) {
        ShareSession.Counts counts = last.counts();
        return new SessionSummary(last.format(), last.startedAt(), endedAt, counts.joined(), counts.shares(), counts.passes(),
                counts.anonymous());
    }

    public Duration length() {
        return Duration.between(startedAt, endedAt);
    }
}
