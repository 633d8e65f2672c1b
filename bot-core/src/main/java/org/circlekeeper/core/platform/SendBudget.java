package org.circlekeeper.core.platform;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The send rate of one platform, shared by every replica of the bot: a message reserves a slot in each of its
 * {@link Quota quotas} and waits until then, so a busy quota queues senders instead of refusing them; when the
 * platform still says "too many", the quota is {@link #hold held} shut for everyone.
 */
public interface SendBudget {

    /**
     * One rate limit: at most {@code burst} messages at once, then one per {@code interval}.
     *
     * @param bucket which limit, named within the platform ({@code global}, {@code chat:<id>}, {@code group:<id>})
     */
    record Quota(String bucket, Duration interval, int burst) {
        public Quota {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("a quota's interval must be positive");
            }
            if (burst < 1) {
                throw new IllegalArgumentException("a quota's burst is at least 1");
            }
        }

        /** {@code count} messages per {@code period}, evenly spaced (no burst). */
        public static Quota perPeriod(String bucket, int count, Duration period) {
            if (count < 1) {
                throw new IllegalArgumentException("a quota allows at least one message per period");
            }
            return new Quota(bucket, Duration.ofNanos(-Math.floorDiv(-period.toNanos(), count)), 1);
        }
    }

    /**
     * Takes one slot in every quota at the earliest moment all of them allow, and returns how long from now the
     * caller must wait before sending (zero when it may send at once). The slot is the caller's whether or not it
     * sends.
     */
    Duration reserve(List<Quota> quotas);

    /** Closes the quota for {@code wait} from now for every sender (the platform said "retry after"), unless it is closed longer already. */
    void hold(Quota quota, Duration wait);
}
