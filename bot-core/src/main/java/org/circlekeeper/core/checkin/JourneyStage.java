package org.circlekeeper.core.checkin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.circlekeeper.core.ref.MessageKey;

/**
 * Where a member sees themselves on the path many members walk in a group: from anxious and
 * reserved, through sharing and supportive, to confident and empowered. Optional, private, never
 * a grade: a member marks it only if they like, and sees their own marks over time.
 */
public enum JourneyStage {
    ANXIOUS, RESERVED, SHARING, SUPPORTIVE, CONFIDENT, EMPOWERED;

    /** The id used in buttons and storage ({@code sharing}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<JourneyStage> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    /** The stage's word in the member's language ({@code checkin.journey.stage.sharing}). */
    public MessageKey word() {
        return MessageKey.of("checkin.journey.stage." + id());
    }
}
