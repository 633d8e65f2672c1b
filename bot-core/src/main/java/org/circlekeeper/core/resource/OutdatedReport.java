package org.circlekeeper.core.resource;

import java.time.Instant;

/**
 * Members told us a crisis line's number looks outdated: how often and when, for organisers to
 * check. Who reported it is deliberately not kept.
 */
public record OutdatedReport(String lineId, int count, Instant firstReported, Instant lastReported) {
}
