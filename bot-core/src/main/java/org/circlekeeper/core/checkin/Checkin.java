package org.circlekeeper.core.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day's check-in of a member in a community.
 *
 * @param day  the member's local date when they checked in (one check-in per day)
 * @param note the note sealed by a {@link NoteCipher}, or null; never plain text
 * @param at   when it was saved or last changed
 */
public record Checkin(LocalDate day, Mood mood, String note, Instant at) {

    public Checkin {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(mood, "mood");
        Objects.requireNonNull(at, "at");
        note = note == null || note.isEmpty() ? null : note;
    }

    public boolean hasNote() {
        return note != null;
    }

    public Checkin withMood(Mood newMood, Instant when) {
        return new Checkin(day, newMood, note, when);
    }

    /** The same check-in with another sealed note (null removes it). */
    public Checkin withNote(String sealedNote, Instant when) {
        return new Checkin(day, mood, sealedNote, when);
    }
}
