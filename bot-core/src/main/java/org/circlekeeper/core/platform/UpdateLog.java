package org.circlekeeper.core.platform;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * Lets each inbound update of one platform be handled once, even when the platform delivers it twice (a webhook
 * retried after a slow answer, a second replica, a restart that polls again). A replica {@link #claim claims} an
 * update before handling it, with a lease; only the first claim wins. When the work is {@link #done done} the
 * update is remembered for {@link #REMEMBERED}, so late repeats are still recognised; if the holder dies, the lease
 * runs out and a repeat may be handled then. The adapter's own bookkeeping of one update travels with its claim: the
 * updates done since the last claim, the member who wrote privately (so {@link Reachability} forgets their mark), and
 * the look-ups that handling the update starts with (a group's administrators in the {@link RoleCache}, whether the
 * sender is {@link Reachability reachable} privately), in one round trip.
 */
public interface UpdateLog {

    /** How long a handled update is remembered: Telegram keeps undelivered updates for 24 hours. */
    Duration REMEMBERED = Duration.ofHours(24);

    /**
     * One update's claim and what travels with it: {@code wrotePrivately}, a member whose unreachable mark goes ({@link
     * Reachability#markReachable}); {@code adminsOf}, a community whose cached administrators are read ({@link
     * RoleCache#admins}); {@code reachabilityOf}, a member whose unreachable mark is read ({@link
     * Reachability#isUnreachable}).
     */
    record Claim(String updateId, Duration lease, Optional<MemberRef> wrotePrivately, Optional<CommunityRef> adminsOf,
                 Optional<MemberRef> reachabilityOf) {
        public Claim {
            Objects.requireNonNull(updateId, "updateId");
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(wrotePrivately, "wrotePrivately");
            Objects.requireNonNull(adminsOf, "adminsOf");
            Objects.requireNonNull(reachabilityOf, "reachabilityOf");
            if (lease.toMillis() < 1) {
                throw new IllegalArgumentException("a lease lasts at least a millisecond");
            }
        }

        /** A claim with nothing riding along. */
        public static Claim of(String updateId, Duration lease) {
            return new Claim(updateId, lease, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * What a claim answered: {@code first} for the first claim of the update; {@code admins} as {@link RoleCache#admins}
     * answers (empty when it was not asked or nothing is cached); {@code unreachable} as {@link
     * Reachability#isUnreachable} answers, when it was asked. The look-ups are read whether or not the claim wins.
     */
    record Claimed(boolean first, Optional<Set<String>> admins, Optional<Boolean> unreachable) {
        public Claimed {
            Objects.requireNonNull(admins, "admins");
            Objects.requireNonNull(unreachable, "unreachable");
        }
    }

    /**
     * Claims an update: {@link Claimed#first()} for the first claim of its id (the caller handles it), false for every
     * repeat. With the claim go the {@link #done} marks not yet written, the clearing of {@link Claim#wrotePrivately()}'s
     * unreachable mark and the look-ups the claim asks for, whether or not it wins.
     */
    Claimed claim(Claim claim);

    /**
     * The claims of several updates (a long poll's batch), in their order, each answered as {@link #claim(Claim)} would;
     * an implementation sends them in one round trip. Of two claims of one update id, only the first can win.
     */
    default List<Claimed> claimAll(List<Claim> claims) {
        return claims.stream().map(this::claim).toList();
    }

    /**
     * True for the first claim of this update id (the caller handles it); false for every repeat. With the claim go
     * the {@link #done} marks not yet written and, when {@code wrotePrivately} names a member, the clearing of their
     * unreachable mark ({@link Reachability#markReachable}), whether or not the claim wins.
     */
    default boolean claim(String updateId, Duration lease, Optional<MemberRef> wrotePrivately) {
        return claim(new Claim(updateId, lease, wrotePrivately, Optional.empty(), Optional.empty())).first();
    }

    /** A claim with no member to mark reachable. */
    default boolean claim(String updateId, Duration lease) {
        return claim(Claim.of(updateId, lease)).first();
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
