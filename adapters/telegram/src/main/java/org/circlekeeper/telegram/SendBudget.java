package org.circlekeeper.telegram;

import java.time.Duration;
import java.util.List;

/**
 * The send-rate budget every replica of the bot shares (Redis in production): a message reserves a
 * slot in each of its {@link Quota quotas} and waits until then; a 429 from Telegram closes a quota
 * for its {@code retry_after} for everyone.
 */
public interface SendBudget {

    /**
     * One rate limit: at most {@code burst} messages at once, then one per {@code interval}.
     *
     * @param bucket which limit: {@code global}, {@code chat:<id>} or {@code group:<id>}
     */
    record Quota(String bucket, Duration interval, int burst) {
    }

    /** Reserves one slot in every quota at the earliest moment all allow; returns how long to wait before sending. */
    Duration reserve(List<Quota> quotas);

    /** Closes the quota for {@code wait} from now for every sender (Telegram answered 429). */
    void hold(Quota quota, Duration wait);
}
