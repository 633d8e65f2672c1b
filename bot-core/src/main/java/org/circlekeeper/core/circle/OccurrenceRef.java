package org.circlekeeper.core.circle;

import java.time.LocalDateTime;
import java.util.Objects;

/** Names one meeting of a circle within its community: the circle's id and the meeting's original local start. */
public record OccurrenceRef(String circleId, LocalDateTime original) {

    public OccurrenceRef {
        Objects.requireNonNull(circleId, "circleId");
        Objects.requireNonNull(original, "original");
    }

    /** {@code tuesday/20270302T1900}. */
    public String key() {
        return circleId + "/" + Occurrence.key(original);
    }
}
