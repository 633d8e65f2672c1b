package org.circlekeeper.core.circle;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * One meeting of a circle: named by its original local start (its RFC 5545 RECURRENCE-ID), starting
 * when it really starts (which differs once it was moved).
 */
public record Occurrence(String circleId, LocalDateTime original, ZonedDateTime start, Duration duration, boolean moved) {

    private static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm");

    public Occurrence {
        Objects.requireNonNull(circleId, "circleId");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
    }

    public ZonedDateTime end() {
        return start.plus(duration);
    }

    /** The compact name of the meeting, e.g. {@code 20270302T1900}: in button and job ids. */
    public String key() {
        return key(original);
    }

    public OccurrenceRef ref() {
        return new OccurrenceRef(circleId, original);
    }

    public static String key(LocalDateTime original) {
        return KEY.format(original);
    }

    /** The original local start a key names, if it is one. */
    public static Optional<LocalDateTime> parseKey(String key) {
        try {
            return Optional.of(LocalDateTime.parse(key, KEY));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
