package org.circlekeeper.core.circle;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A member's private reminders in one community: lead times for every circle, and per circle lead
 * times that override them (an empty list turns that circle's reminders off).
 */
public record ReminderChoice(List<Duration> allCircles, Map<String, List<Duration>> perCircle) {

    public static final ReminderChoice NONE = new ReminderChoice(List.of(), Map.of());

    public ReminderChoice {
        allCircles = List.copyOf(allCircles);
        Map<String, List<Duration>> copy = new LinkedHashMap<>();
        perCircle.forEach((id, leads) -> copy.put(Objects.requireNonNull(id), List.copyOf(leads)));
        perCircle = Collections.unmodifiableMap(copy);
    }

    /** The lead times that apply to a circle: its own choice, else the one for all circles. */
    public List<Duration> leadsFor(String circleId) {
        List<Duration> own = perCircle.get(circleId);
        return own != null ? own : allCircles;
    }

    /** True when nothing is chosen at all (the record can be removed). */
    public boolean isEmpty() {
        return allCircles.isEmpty() && perCircle.isEmpty();
    }

    /** Reminders for every circle; {@code off} (empty) clears every choice. */
    public ReminderChoice withAll(List<Duration> leads) {
        return leads.isEmpty() ? NONE : new ReminderChoice(leads, perCircle);
    }

    /** Reminders for one circle; an empty list turns that circle off even when all circles are on. */
    public ReminderChoice withCircle(String circleId, List<Duration> leads) {
        Map<String, List<Duration>> copy = new LinkedHashMap<>(perCircle);
        if (leads.isEmpty() && allCircles.isEmpty()) {
            copy.remove(circleId);
        } else {
            copy.put(circleId, leads);
        }
        return new ReminderChoice(allCircles, copy);
    }
}
