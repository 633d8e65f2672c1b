package org.circlekeeper.core.checkin;

import java.util.Arrays;
import java.util.Optional;
import org.circlekeeper.core.ref.MessageKey;

/**
 * How a member feels today on a 1–5 scale. The words and emoji come from templates; the levels
 * only name the scale and are never used to judge anyone.
 */
public enum Mood {
    REALLY_HARD(1), LOW(2), OKAY(3), GOOD(4), GREAT(5);

    private final int level;

    Mood(int level) {
        this.level = level;
    }

    /** 1 (really hard) to 5 (great). */
    public int level() {
        return level;
    }

    /** The mood of a level, if the level is on the scale. */
    public static Optional<Mood> of(int level) {
        return Arrays.stream(values()).filter(m -> m.level == level).findFirst();
    }

    /** The mood of a typed or stored level ("1" to "5"); empty for anything else. */
    public static Optional<Mood> parse(String text) {
        if (text == null || text.length() != 1 || !Character.isDigit(text.charAt(0))) {
            return Optional.empty();
        }
        return of(text.charAt(0) - '0');
    }

    /** True for the two lowest levels. */
    public boolean isLow() {
        return level <= LOW.level;
    }

    /** The word for this mood ({@code checkin.mood.3}: "Okay"). */
    public MessageKey word() {
        return MessageKey.of("checkin.mood." + level);
    }

    /** The emoji for this mood ({@code checkin.mood.3.emoji}). */
    public MessageKey emoji() {
        return MessageKey.of("checkin.mood." + level + ".emoji");
    }
}
