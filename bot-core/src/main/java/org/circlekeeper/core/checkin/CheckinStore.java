package org.circlekeeper.core.checkin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.StoreKey;

/**
 * Keeps what the check-in feature needs: each member's check-ins and journey marks per community
 * (each until it expires, the retention period after it was saved), their profile (prompt choices,
 * buddy, first day), a line waiting for their confirmation, the buddy-alert cooldown, and each
 * community's prompt settings. Per-member indexes let a member's data in every community be
 * exported and erased without a scan. Notes arrive sealed; a store never sees plain text.
 */
public interface CheckinStore {

    /** This store's name among the bot's stores. */
    StoreKey<CheckinStore> KEY = StoreKey.of("checkins", CheckinStore.class);

    // ---- a member's check-ins ----

    /** Saves the day's check-in, replacing one of the same day; kept until {@code expires}. */
    void put(CommunityRef community, MemberRef member, Checkin checkin, Instant expires);

    /** The member's check-in of that day, if there is one that has not expired. */
    Optional<Checkin> find(CommunityRef community, MemberRef member, LocalDate day);

    /** The member's unexpired check-ins from {@code from} to {@code to} (both included), oldest first. */
    List<Checkin> between(CommunityRef community, MemberRef member, LocalDate from, LocalDate to);

    /** Removes the day's check-in; false when there was none. */
    boolean remove(CommunityRef community, MemberRef member, LocalDate day);

    // ---- a member's journey ----

    /** Saves the member's mark for its day, replacing one of the same day; kept until {@code expires}. */
    void mark(CommunityRef community, MemberRef member, JourneyMark mark, Instant expires);

    /** The member's unexpired journey marks, oldest first. */
    List<JourneyMark> journey(CommunityRef community, MemberRef member);

    /** Removes all the member's journey marks in the community. */
    void clearJourney(CommunityRef community, MemberRef member);

    // ---- a member's profile ----

    /** The member's profile in the community, {@link CheckinProfile#NONE} when there is none (or it expired). */
    CheckinProfile profile(CommunityRef community, MemberRef member);

    /**
     * Saves the profile, kept until {@code expires}; an empty profile removes it. Keeps the
     * community's set of members who want prompts and the buddy's reverse index in step.
     */
    void saveProfile(CommunityRef community, MemberRef member, CheckinProfile profile, Instant expires);

    /** The members of the community whose profile says they want prompts. */
    Set<MemberRef> prompted(CommunityRef community);

    /** The members (by community) who chose this member as their buddy. */
    Map<CommunityRef, Set<MemberRef>> buddyOf(MemberRef buddy);

    // ---- sharing a line, alerting a buddy ----

    /** Keeps a line for the member to confirm, for {@code ttl}; replaces an earlier one. */
    void holdShare(CommunityRef community, MemberRef member, PendingShare share, Duration ttl);

    /** Takes the line waiting for confirmation, so that it is posted once at most. */
    Optional<PendingShare> takeShare(CommunityRef community, MemberRef member);

    /** The line waiting for the member's confirmation, left where it is: for the member's data export. */
    Optional<PendingShare> heldShare(CommunityRef community, MemberRef member);

    /** Starts the buddy-alert cooldown unless one runs: true when it started (the caller may alert). Atomic. */
    boolean startAlertCooldown(CommunityRef community, MemberRef member, Duration length);

    // ---- the community ----

    /** The community's prompt settings, {@link CheckinSettings#OFF} until organisers set them. */
    CheckinSettings settings(CommunityRef community);

    void saveSettings(CommunityRef community, CheckinSettings settings);

    /**
     * The unexpired moods from {@code from} on, one list per member who checked in, without saying
     * whose or any note: what the group pulse is made of.
     */
    List<List<DayMood>> moodsSince(CommunityRef community, LocalDate from);

    // ---- everything of a member ----

    /** The communities where the member has check-in data. */
    Set<CommunityRef> communities(MemberRef member);

    /**
     * Erases everything the member has here, in every community: check-ins, notes, journey, profile,
     * a waiting line, the cooldown, their place in the prompted set, and their being someone's buddy.
     */
    void eraseMember(MemberRef member);
}
