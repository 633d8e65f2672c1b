package org.circlekeeper.core.platform;

import java.time.Duration;
import org.circlekeeper.core.ref.MemberRef;

/**
 * The members the bot cannot write to privately (they blocked it, or never opened a chat with it), remembered
 * for every replica so that it stops trying instead of retrying forever. The mark expires, and is cleared as
 * soon as the member writes to the bot privately again.
 */
public interface Reachability {

    /** True while the member is marked unreachable. */
    boolean isUnreachable(MemberRef member);

    /** Marks the member unreachable for {@code ttl}. */
    void markUnreachable(MemberRef member, Duration ttl);

    /** Clears the mark (the member wrote to the bot privately). */
    void markReachable(MemberRef member);
}
