package org.circlekeeper.core.checkin;

import java.util.Set;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * Knows where a member has check-in data, so that it can be found, exported and erased in every community
 * without a scan.
 */
public interface CheckinMemberIndex {

    /** The communities where the member has check-in data. */
    Set<CommunityRef> communities(MemberRef member);

    /**
     * Erases everything the member has here, in every community: check-ins, notes, journey, profile,
     * a waiting line, the cooldown, their place in the prompted set, and their being someone's buddy.
     */
    void eraseMember(MemberRef member);
}
