package org.circlekeeper.core.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.circlekeeper.core.ref.MemberRef;

/**
 * The one-time sign-in links of the organisers' page. Only a digest of each link's secret is kept, so a copy of the
 * store opens nothing; taking a link is atomic, so of any number of openings on any number of replicas one wins.
 */
public interface SignInLinks {

    /**
     * Keeps the sign-in under the digest of a new link's secret: valid until the bot's clock reaches {@code until}, and
     * kept no longer than {@code ttl} of the store's own time (the two agree unless the bot runs on a virtual clock, as
     * the console can).
     */
    void put(String digest, SignIn signIn, Instant until, Duration ttl);

    /**
     * Takes the sign-in once: the link is gone afterwards. Empty when it was used, never issued, or expired: its
     * {@code until} is not after {@code now} by the bot's clock, or the store dropped it.
     */
    Optional<SignIn> take(String digest, Instant now);

    /**
     * Counts one more link asked for by the member in the current window (which starts with the first ask and lasts
     * {@code window}) and returns the count, this one included.
     */
    long countAsked(MemberRef member, Duration window);
}
