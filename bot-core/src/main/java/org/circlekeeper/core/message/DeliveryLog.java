package org.circlekeeper.core.message;

import java.time.Duration;
import java.time.Instant;

/**
 * Which deliveries of due jobs went out, shared by every replica, so that a job run again (its lease ran out while
 * it was still sending, or it failed half way through) never sends the same message to the same target twice. A
 * holder {@link #begin begins} a delivery before sending (it is then its own until {@code hold} ends), and marks it
 * {@link #sent} after or {@link #abandon abandons} it when the send failed. Times come from the caller's clock.
 * Redis in production; in memory in the core's tests.
 */
public interface DeliveryLog {

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
    }

    /**
     * Takes the delivery for {@code holder} until {@code now + hold} unless it was sent or another holder's hold
     * still runs.
     *
     * @param delivery a job id and a target: ids only, no text
     * @param holder   unique to this attempt at sending
     */
    Start begin(String delivery, String holder, Instant now, Duration hold);

    /** The delivery went out; kept for {@link #KEEP}. */
    void sent(String delivery, String holder);

    /** The send failed: the delivery is free again, unless another holder has taken it meanwhile. */
    void abandon(String delivery, String holder);
}
