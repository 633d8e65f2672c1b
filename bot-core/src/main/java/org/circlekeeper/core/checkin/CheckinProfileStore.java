package org.circlekeeper.core.checkin;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * Keeps each member's check-in profile per community (prompt choices, a pause, their buddy, their first day,
 * the planned prompt), with the community's set of members who want prompts and each buddy's reverse index.
 */
public interface CheckinProfileStore {

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
}
