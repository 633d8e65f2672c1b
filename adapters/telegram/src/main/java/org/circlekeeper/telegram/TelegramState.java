package org.circlekeeper.telegram;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * What the Telegram adapter keeps beside the core's stores, shared by every replica (Redis in
 * production): which updates were already handled, each group's administrators, and the members
 * the bot cannot write to privately.
 */
public interface TelegramState {

    /** True for the first claim of an update (process it); false when it was or is being processed. */
    boolean claimUpdate(long updateId, Duration lease);

    /** Remembers that a claimed update was processed, so a late repeat is recognised. */
    void updateDone(long updateId);

    /** The group's administrators' user ids as last listed, or empty when they must be asked for. */
    Optional<Set<String>> admins(CommunityRef group);

    /** Caches the group's administrators' user ids for {@code ttl}. */
    void cacheAdmins(CommunityRef group, Collection<String> userIds, Duration ttl);

    /** Drops the cached administrators (Telegram reported a change). */
    void forgetAdmins(CommunityRef group);

    /** True while the member is known to be unreachable privately. */
    boolean isUnreachable(MemberRef member);

    /** Marks the member unreachable privately for {@code ttl}. */
    void markUnreachable(MemberRef member, Duration ttl);

    /** Clears the mark: the member wrote to the bot privately. */
    void markReachable(MemberRef member);
}
