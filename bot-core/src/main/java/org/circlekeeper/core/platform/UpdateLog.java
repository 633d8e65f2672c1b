package org.circlekeeper.core.platform;

import java.time.Duration;
import java.util.Optional;
import org.circlekeeper.core.ref.MemberRef;

/**
 * Lets each inbound update of one platform be handled once, even when the platform delivers it twice (a webhook
 * retried after a slow answer, a second replica, a restart that polls again). A replica {@link #claim claims} an
 * update before handling it, with a lease; only the first claim wins. When the work is {@link #done done} the
 * update is remembered for {@link #REMEMBERED}, so late repeats are still recognised; if the holder dies, the lease
 * runs out and a repeat may be handled then. The adapter's own bookkeeping of one update travels with its claim: the
 * updates done since the last claim, and the member who wrote privately (so {@link Reachability} forgets their mark),
 * in one round trip.
 */
public interface UpdateLog {

    /** How long a handled update is remembered: Telegram keeps undelivered updates for 24 hours. */
    Duration REMEMBERED = Duration.ofHours(24);

    /**
     * True for the first claim of this update id (the caller handles it); false for every repeat. With the claim go
     * the {@link #done} marks not yet written and, when {@code wrotePrivately} names a member, the clearing of their
     * unreachable mark ({@link Reachability#markReachable}), whether or not the claim wins.
     */
    boolean claim(String updateId, Duration lease, Optional<MemberRef> wrotePrivately);

    /** A claim with no member to mark reachable. */
    default boolean claim(String updateId, Duration lease) {
        return claim(updateId, lease, Optional.empty());
    }

    /**
     * Marks a claimed update as handled, remembered for {@link #REMEMBERED}. The mark may be written with the next
     * {@link #claim} or {@link #flush}; until then the claim's lease keeps repeats out, so the caller flushes well
     * within the lease.
     */
    void done(String updateId);

    /** Writes the {@link #done} marks not yet written, in one round trip; nothing when there are none. */
    void flush();
}
