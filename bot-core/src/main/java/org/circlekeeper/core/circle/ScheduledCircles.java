package org.circlekeeper.core.circle;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.FeaturePort;

/**
 * What the circles feature tells other features about a community's scheduled circles: which run, and when one meets
 * next. The share circle uses it to choose a session's format and to say in its closing when the group meets again,
 * without knowing how circles are stored or how their recurrence is computed.
 */
@FeaturePort
public interface ScheduledCircles {

    /** The community's circles that are not cancelled, in the store's order. */
    List<ScheduledCircle> active(CommunityRef community);

    /** The circle not cancelled whose id is {@code id} (as typed: an id, never a name); empty when there is none. */
    Optional<ScheduledCircle> find(CommunityRef community, String id);

    /**
     * When the circle meets next: the first of its meetings that starts after {@code after}, looked for up to
     * {@link Occurrences#NEXT_HORIZON} ahead, in the circle's own zone; empty when there is none (or no such circle).
     */
    Optional<ZonedDateTime> nextStart(CommunityRef community, String circleId, Instant after);
}
