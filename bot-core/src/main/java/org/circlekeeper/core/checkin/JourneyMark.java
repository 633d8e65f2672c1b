package org.circlekeeper.core.checkin;

import java.time.LocalDate;
import java.util.Objects;

/** A member's own mark of where they see themselves on the journey, on one day of theirs. */
public record JourneyMark(LocalDate day, JourneyStage stage) {

    public JourneyMark {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(stage, "stage");
    }
}
