package org.circlekeeper.core.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * A job one scheduler instance holds until it acks it or its lease runs out.
 *
 * @param attempt      how many times the job has been claimed, this time included
 * @param leaseExpires when another instance may claim it again if this one has not acked or renewed
 * @param claim        a token unique to this claim: an ack, retry, renewal or burial counts only while the job is
 *                     still held under it, so a holder whose lease was taken over cannot disturb the new holder
 */
public record ClaimedJob(Job job, int attempt, Instant leaseExpires, String claim) {

    public ClaimedJob {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(leaseExpires, "leaseExpires");
        if (claim == null || claim.isBlank() || claim.contains(" ")) {
            throw new IllegalArgumentException("a claim needs a token without spaces");
        }
    }
}
