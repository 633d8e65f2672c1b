package org.circlekeeper.core.platform;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.ref.CommunityRef;

/**
 * The administrators of a community (its organisers) as the platform last listed them, kept for a while so
 * that every replica asks the platform at most once per time to live, and dropped when the platform reports a
 * change. A community with no visible administrator is kept too, as an empty list.
 */
public interface RoleCache {

    /** The cached administrators' user ids, or empty when nothing is cached (never listed, expired, dropped). */
    Optional<Set<String>> admins(CommunityRef community);

    /** Keeps the administrators' user ids (none with spaces) for {@code ttl}. */
    void put(CommunityRef community, Collection<String> userIds, Duration ttl);

    /** Drops the cached list, so that the next look-up asks the platform. */
    void forget(CommunityRef community);
}
