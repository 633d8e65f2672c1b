package org.circlekeeper.core.message;

import java.time.Duration;
import java.time.Instant;
import org.circlekeeper.core.ref.StoreKey;

/**
 * Which deliveries of due jobs went out, shared by every replica, so that a job run again (its lease ran out while
 * it was still sending, or it failed half way through) never sends the same message to the same target twice. A
 * holder {@link #begin begins} a delivery before sending (it is then its own until {@code hold} ends), and marks it
 * {@link #sent} after or {@link #abandon abandons} it when the send failed. A hold that ran out with neither means
 * its holder died (a send never outlasts its hold: every platform wait is bounded far below it). If it died before
 * its request left ({@link #onWire}, told by the messenger through {@link WireHook} after every rate-limit wait), the
 * next holder sends it; if after, the platform most likely has the message, so it is not sent again: a repeat would
 * be near certain where a loss is only possible in the instant between the mark and the request.
 * Times come from the caller's clock. Redis in production; in memory in the core's tests.
 */
public interface DeliveryLog {

    /** This store's name among the bot's stores. */
    StoreKey<DeliveryLog> KEY = StoreKey.of("deliveries", DeliveryLog.class);

    /** How long a delivery is remembered: far longer than any job is retried or re-claimed. */
    Duration KEEP = Duration.ofDays(2);

    /** What a holder may do with a delivery. */
    sealed interface Start {
        /** Nobody sent it and nobody is sending it: it is this holder's to send now. */
        record Go() implements Start {
        }

        /** It went out already: send nothing. */
        record AlreadySent() implements Start {
        }

        /** Another holder began it and may still be sending it, until {@code until}: try again then. */
        record Busy(Instant until) implements Start {
        }

        /**
         * Another holder's request left for the platform and its hold ran out unfinished (it died mid-send): counted
         * as sent, not repeated.
         */
        record Orphaned() implements Start {
        }
    }

    /**
     * Takes the delivery for {@code holder} until {@code now + hold} unless it was sent, another holder's hold still
     * runs, or another holder's hold ran out after its request left (then it is marked sent and {@link Start.Orphaned}
     * answered). A hold that ran out before its request left is simply taken over.
     *
     * @param delivery a job id and a target: ids only, no text
     * @param holder   unique to this attempt at sending
     */
    Start begin(String delivery, String holder, Instant now, Duration hold);

    /** The holder's request is leaving for the platform now (all waits are over); does nothing for another holder. */
    void onWire(String delivery, String holder);

    /** The delivery went out; kept for {@link #KEEP}. */
    void sent(String delivery, String holder);

    /** The send failed: the delivery is free again, unless another holder has taken it meanwhile. */
    void abandon(String delivery, String holder);
}
