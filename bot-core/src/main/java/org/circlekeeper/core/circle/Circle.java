package org.circlekeeper.core.circle;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.circlekeeper.core.ref.ChannelRef;

/**
 * A circle: one community's meeting, one-off or recurring, with the exceptions its organisers made.
 * Occurrences are named by their original local start, so a skip or a move stays attached to the
 * meeting it changes.
 *
 * @param id      short and unique within the community ({@code tuesday}); lower-case letters, digits, hyphens
 * @param channel the group channel where it was created; its channel reminders go there
 * @param skips   original local starts of meetings that will not take place
 * @param moves   original local start → new local start (same zone and duration) of moved meetings
 * @param version grows by one with every change, so two organisers' edits cannot overwrite each other
 */
public record Circle(String id, String name, String description, Place place, ChannelRef channel, Schedule schedule,
                     SortedSet<LocalDateTime> skips, SortedMap<LocalDateTime, LocalDateTime> moves, boolean cancelled,
                     long version) {

    public static final int MAX_NAME = 80;
    public static final int MAX_DESCRIPTION = 500;
    /** Skips and moves kept per circle; more is refused with a kind reply. */
    public static final int MAX_EXCEPTIONS = 100;
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,15}");

    public Circle {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(schedule, "schedule");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("circle id '" + id + "' must be 1-16 lower-case letters, digits or hyphens");
        }
        if (name == null || name.isBlank() || name.codePointCount(0, name.length()) > MAX_NAME) {
            throw new IllegalArgumentException("a circle name has 1 to " + MAX_NAME + " characters");
        }
        description = description == null ? "" : description;
        if (description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("a circle description has at most " + MAX_DESCRIPTION + " characters");
        }
        if (channel.isDirect()) {
            throw new IllegalArgumentException("a circle belongs to a group channel");
        }
        skips = Collections.unmodifiableSortedSet(new TreeSet<>(skips));
        moves = Collections.unmodifiableSortedMap(new TreeMap<>(moves));
    }

    /** A new circle with no exceptions, at version 1. */
    public static Circle create(String id, String name, ChannelRef channel, Schedule schedule) {
        return new Circle(id, name, "", new Place.ThisChat(), channel, schedule, new TreeSet<>(), new TreeMap<>(), false, 1);
    }

    public int exceptionCount() {
        return skips.size() + moves.size();
    }

    public Circle withName(String newName) {
        return new Circle(id, newName, description, place, channel, schedule, skips, moves, cancelled, version + 1);
    }

    /** The circle in {@code newChannel}, the same group channel under its new id (its group moved). */
    public Circle withChannel(ChannelRef newChannel) {
        return new Circle(id, name, description, place, newChannel, schedule, skips, moves, cancelled, version + 1);
    }

    public Circle withDescription(String newDescription) {
        return new Circle(id, name, newDescription, place, channel, schedule, skips, moves, cancelled, version + 1);
    }

    public Circle withPlace(Place newPlace) {
        return new Circle(id, name, description, newPlace, channel, schedule, skips, moves, cancelled, version + 1);
    }

    /** A new schedule, keeping only the exceptions the caller still finds valid. */
    public Circle withSchedule(Schedule newSchedule, SortedSet<LocalDateTime> keptSkips,
                               SortedMap<LocalDateTime, LocalDateTime> keptMoves) {
        return new Circle(id, name, description, place, channel, newSchedule, keptSkips, keptMoves, cancelled, version + 1);
    }

    /** The meeting that would start at {@code original} will not take place (a move of it is dropped). */
    public Circle withSkip(LocalDateTime original) {
        TreeSet<LocalDateTime> newSkips = new TreeSet<>(skips);
        newSkips.add(original);
        TreeMap<LocalDateTime, LocalDateTime> newMoves = new TreeMap<>(moves);
        newMoves.remove(original);
        return new Circle(id, name, description, place, channel, schedule, newSkips, newMoves, cancelled, version + 1);
    }

    /** The meeting that would start at {@code original} starts at {@code newStart} instead; moving it back removes the move. */
    public Circle withMove(LocalDateTime original, LocalDateTime newStart) {
        TreeMap<LocalDateTime, LocalDateTime> newMoves = new TreeMap<>(moves);
        if (newStart.equals(original)) {
            newMoves.remove(original);
        } else {
            newMoves.put(original, newStart);
        }
        return new Circle(id, name, description, place, channel, schedule, skips, newMoves, cancelled, version + 1);
    }

    /**
     * The same circle without skips and moves of meetings that ended before {@code cutoff}, so the
     * exceptions kept stay bounded; the version is unchanged (it goes with a change that bumps it).
     */
    public Circle withoutExceptionsBefore(LocalDateTime cutoff) {
        TreeSet<LocalDateTime> newSkips = new TreeSet<>(skips.tailSet(cutoff));
        TreeMap<LocalDateTime, LocalDateTime> newMoves = new TreeMap<>();
        moves.forEach((original, moved) -> {
            if (!original.isBefore(cutoff) || !moved.isBefore(cutoff)) {
                newMoves.put(original, moved);
            }
        });
        return new Circle(id, name, description, place, channel, schedule, newSkips, newMoves, cancelled, version);
    }

    /**
     * The whole series is called off at {@code at}: its rule ends there, so every calendar stops
     * listing meetings after it, and the circle stays so that old buttons and calendars can say so.
     */
    public Circle cancel(Instant at) {
        Circle ended = endedBefore(at);
        return new Circle(id, name, description, place, channel, ended.schedule, ended.skips, ended.moves, true, version + 1);
    }

    /**
     * The same version of the circle with nothing from {@code at} on: its series ends before then (see
     * {@link Schedule#endedBefore}) and a meeting moved to then or later becomes a skip.
     */
    Circle endedBefore(Instant at) {
        TreeSet<LocalDateTime> newSkips = new TreeSet<>(skips);
        TreeMap<LocalDateTime, LocalDateTime> newMoves = new TreeMap<>();
        moves.forEach((original, moved) -> {
            if (schedule.at(moved).toInstant().isBefore(at)) {
                newMoves.put(original, moved);
            } else {
                newSkips.add(original);
            }
        });
        return new Circle(id, name, description, place, channel, schedule.endedBefore(at), newSkips, newMoves, cancelled, version);
    }
}
