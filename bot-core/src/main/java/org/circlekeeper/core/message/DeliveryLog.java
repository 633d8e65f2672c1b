package org.circlekeeper.core.message;

import java.time.Duration;
import java.time.Instant;

/**
 * Which deliveries of due jobs went out, shared by every replica, so that a job run again (its lease ran out while
 * it was still sending, or it failed half way through) never sends the same message to the same target twice. A
 * holder {@link #begin begins} a delivery before sending (it is then its own until {@code hold} ends), and marks it
 * {@link #sent} after or {@link #abandon abandons} it when the send failed. A hold that ran out with neither means
 * its holder died while sending (a send never outlasts its hold: every platform wait is bounded far below it); the
 * platform most likely has the message by then, so it is not sent again: after a crash mid-send a delivery goes out
 * at most once, as a repeat would be certain where a loss is only possible in the instant before the request left.
 * Times come from the caller's clock. Redis in production; in memory in the core's tests.
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

        /** Another holder began it and its hold ran out unfinished (it died mid-send): counted as sent, not repeated. */
        record Orphaned() implements Start {
        }
    }

    /**
     * Takes the delivery for {@code holder} until {@code now + hold} unless it was sent, another holder's hold still
     * runs, or another holder's hold ran out unfinished (then it is marked sent and {@link Start.Orphaned} answered).
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
