package org.circlekeeper.core.circle;

import java.util.Optional;
import org.circlekeeper.core.ref.CommunityRef;

/**
 * Remembers which event on the platform's own event list (a Discord scheduled event) shows each
 * circle's next meeting: circle id to the platform's event id, at most {@link CircleStore#MAX_CIRCLES}
 * per community. Changes are compare-and-set, so two replicas syncing one circle at once cannot both
 * link an event of their own.
 */
public interface EventLinkStore {

    Optional<String> find(CommunityRef community, String circleId);

    /**
     * Links the circle to {@code updated} (or unlinks it, when null) if it is linked to {@code expected}
     * now (or unlinked, when null). False, and nothing changed, when it is not, or when linking one more
     * circle would pass {@link CircleStore#MAX_CIRCLES}.
     */
    boolean replace(CommunityRef community, String circleId, String expected, String updated);
}
