package org.circlekeeper.core.engine;

import java.time.Duration;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.StoreKey;

/**
 * One-time tokens for buttons that must work once only (confirming an erasure): a token is bound
 * to one member and one purpose, expires, and is consumed atomically, even across replicas.
 */
public interface ActionTokens {

    /** This store's name among the bot's stores. */
    StoreKey<ActionTokens> KEY = StoreKey.of("tokens", ActionTokens.class);

    /** The outcome of pressing a one-time button. */
    enum Outcome { CONSUMED, NOT_YOURS, GONE }

    /** Issues a fresh token for the member and purpose; it fits in a button's action id. */
    String issue(MemberRef owner, String purpose, Duration ttl);

    /** Consumes the token if it is the owner's and for this purpose; a second press finds it {@code GONE}. */
    Outcome consume(String token, MemberRef presser, String purpose);
}
