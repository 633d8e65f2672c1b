package org.circlekeeper.core.checkin;

import java.time.Duration;
import java.util.Optional;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/** Keeps the line a member wants to share with their group while it waits for their confirmation. */
public interface SharedLineStore {

    /** Keeps a line for the member to confirm, for {@code ttl}; replaces an earlier one. */
    void holdShare(CommunityRef community, MemberRef member, PendingShare share, Duration ttl);

    /** Takes the line waiting for confirmation, so that it is posted once at most. */
    Optional<PendingShare> takeShare(CommunityRef community, MemberRef member);

    /** The line waiting for the member's confirmation, left where it is: for the member's data export. */
    Optional<PendingShare> heldShare(CommunityRef community, MemberRef member);
}
