package org.circlekeeper.core.circle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * Keeps members' answers per meeting, each until it expires (a week after the meeting), with a
 * per-member index so a member's answers in every community can be exported and erased without a scan.
 */
public interface RsvpStore {

    /** Records (or replaces) the member's answer for the meeting, kept until {@code expires}. */
    void put(CommunityRef community, OccurrenceRef occurrence, MemberRef member, Rsvp rsvp, Instant expires);

    /** The member's answer for the meeting, if they gave one and it has not expired. */
    Optional<Rsvp> get(CommunityRef community, OccurrenceRef occurrence, MemberRef member);

    /** Every answer for the meeting by member ({@link MemberRef} without display names), for organisers. */
    Map<MemberRef, Rsvp> answers(CommunityRef community, OccurrenceRef occurrence);

    /** Every unexpired answer of the member, in every community. */
    List<MemberRsvp> ofMember(MemberRef member);

    /** Erases the member's answers in one community (they left it), and their index entries. */
    void eraseMember(MemberRef member, CommunityRef community);

    /** Erases every answer of the member, in every community. */
    void eraseMember(MemberRef member);
}
