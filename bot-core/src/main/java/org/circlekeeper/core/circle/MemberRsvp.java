package org.circlekeeper.core.circle;

import org.circlekeeper.core.ref.CommunityRef;

/** One of a member's answers, with where it belongs: for the member's own data export. */
public record MemberRsvp(CommunityRef community, OccurrenceRef occurrence, Rsvp rsvp) {
}
