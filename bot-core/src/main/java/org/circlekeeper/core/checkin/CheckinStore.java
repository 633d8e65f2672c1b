package org.circlekeeper.core.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * Keeps each member's check-ins per community, one a day, each until it expires (the retention period after
 * it was saved), and reads the group's moods for the pulse without saying whose. Notes arrive sealed; a store
 * never sees plain text.
 */
public interface CheckinStore {

    /** Saves the day's check-in, replacing one of the same day; kept until {@code expires}. */
    void put(CommunityRef community, MemberRef member, Checkin checkin, Instant expires);

    /** The member's check-in of that day, if there is one that has not expired. */
    Optional<Checkin> find(CommunityRef community, MemberRef member, LocalDate day);

    /** The member's unexpired check-ins from {@code from} to {@code to} (both included), oldest first. */
    List<Checkin> between(CommunityRef community, MemberRef member, LocalDate from, LocalDate to);

    /** Removes the day's check-in; false when there was none. */
    boolean remove(CommunityRef community, MemberRef member, LocalDate day);

    /**
     * The unexpired moods from {@code from} on, one list per member who checked in, without saying
     * whose or any note: what the group pulse is made of.
     */
    List<List<DayMood>> moodsSince(CommunityRef community, LocalDate from);
}
