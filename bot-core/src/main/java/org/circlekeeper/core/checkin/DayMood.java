package org.circlekeeper.core.checkin;

import java.time.LocalDate;
import java.util.Objects;

/** A mood on a day, without who or any note: what the group pulse is made of. */
public record DayMood(LocalDate day, Mood mood) {

    public DayMood {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(mood, "mood");
    }
}
