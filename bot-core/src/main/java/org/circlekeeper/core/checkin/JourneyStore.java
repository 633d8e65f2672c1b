package org.circlekeeper.core.checkin;

import java.time.Instant;
import java.util.List;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/** Keeps the marks a member sets on their journey with a community, one a day, each until it expires. */
public interface JourneyStore {

    /** Saves the member's mark for its day, replacing one of the same day; kept until {@code expires}. */
    void mark(CommunityRef community, MemberRef member, JourneyMark mark, Instant expires);

    /** The member's unexpired journey marks, oldest first. */
    List<JourneyMark> journey(CommunityRef community, MemberRef member);

    /** Removes all the member's journey marks in the community. */
    void clearJourney(CommunityRef community, MemberRef member);
}
