package org.circlekeeper.core.circle;

import java.util.Map;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * Keeps each member's private reminder choices per community, readable by community (to plan
 * reminders) and by member (to export and erase without a scan).
 */
public interface ReminderChoiceStore {

    /** The member's choice in the community, {@link ReminderChoice#NONE} when they made none. */
    ReminderChoice get(CommunityRef community, MemberRef member);

    /** Saves the choice; saving an empty choice removes it (and the member's index entry). */
    void save(CommunityRef community, MemberRef member, ReminderChoice choice);

    /** Every member's choice in the community ({@link MemberRef} without display names), for planning. */
    Map<MemberRef, ReminderChoice> all(CommunityRef community);

    /** The member's choices in every community. */
    Map<CommunityRef, ReminderChoice> ofMember(MemberRef member);

    /** Erases the member's choices in every community. */
    void eraseMember(MemberRef member);
}
