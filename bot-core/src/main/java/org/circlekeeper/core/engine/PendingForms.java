package org.circlekeeper.core.engine;

import java.time.Duration;
import java.util.Optional;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.StoreKey;

/**
 * Forms a member was asked to fill in on a platform without forms: the member's next private
 * message is the answer. One pending form per member, expiring, taken atomically.
 */
public interface PendingForms {

    /** This store's name among the bot's stores. */
    StoreKey<PendingForms> KEY = StoreKey.of("forms", PendingForms.class);

    /** Remembers that the member's next private message answers this form (replacing an older one). */
    void await(MemberRef member, String formId, Duration ttl);

    /** Takes the pending form, if any, so that it is answered once. */
    Optional<String> take(MemberRef member);

    /** Forgets a pending form (the member answered through a real form, or erased their data). */
    void clear(MemberRef member);
}
