package org.circlekeeper.core.dashboard;

import java.time.Duration;
import java.util.Optional;
import org.circlekeeper.core.ref.MemberRef;

/**
 * The organisers' page sessions, shared by every replica. Sessions are kept under a digest of the cookie's secret,
 * each expiring when idle; a member's sessions can be counted and ended together (their erasure).
 */
public interface WebSessions {

    /** Keeps a new session under the digest of its secret, expiring when idle for {@code idle}. */
    void create(String digest, WebSession session, Duration idle);

    /** The session, its idle expiry pushed back to {@code idle} from now; empty when it ended or never was. */
    Optional<WebSession> touch(String digest, Duration idle);

    /** Ends one session (signing out); nothing happens when it is gone already. */
    void end(String digest);

    /** How many sessions of the member are open. */
    int openOf(MemberRef member);

    /** Ends every session of the member. */
    void endAllOf(MemberRef member);
}
