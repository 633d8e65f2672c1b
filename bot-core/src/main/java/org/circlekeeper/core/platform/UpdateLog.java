package org.circlekeeper.core.platform;

import java.time.Duration;

/**
 * Lets each inbound update of one platform be handled once, even when the platform delivers it twice (a webhook
 * retried after a slow answer, a second replica, a restart that polls again). A replica {@link #claim claims} an
 * update before handling it, with a lease; only the first claim wins. When the work is {@link #done done} the
 * update is remembered for {@link #REMEMBERED}, so late repeats are still recognised; if the holder dies, the lease
 * runs out and a repeat may be handled then.
 */
public interface UpdateLog {

    /** How long a handled update is remembered: Telegram keeps undelivered updates for 24 hours. */
    Duration REMEMBERED = Duration.ofHours(24);

    /** True for the first claim of this update id (the caller handles it); false for every repeat. */
    boolean claim(String updateId, Duration lease);

    /** Marks a claimed update as handled, remembered for {@link #REMEMBERED}. */
    void done(String updateId);
}
