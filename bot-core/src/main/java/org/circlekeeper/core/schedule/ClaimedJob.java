package org.circlekeeper.core.schedule;

import java.time.Instant;

/**
 * A job one scheduler instance holds until it acks it or its lease runs out.
 *
 * @param attempt      how many times the job has been claimed, this time included
 * @param leaseExpires when another instance may claim it again if this one has not acked
 */
public record ClaimedJob(Job job, int attempt, Instant leaseExpires) {
}
