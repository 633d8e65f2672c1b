package org.circlekeeper.core.circle;

import java.util.Optional;
import org.circlekeeper.core.ref.CommunityRef;

/**
 * Keeps the one calendar-feed token of each community, and finds the community of a token; a new
 * token replaces the old, which stops working at once.
 */
public interface FeedTokenStore {

    Optional<String> token(CommunityRef community);

    Optional<CommunityRef> community(String token);

    /** Makes {@code token} the community's only token. */
    void put(CommunityRef community, String token);
}
