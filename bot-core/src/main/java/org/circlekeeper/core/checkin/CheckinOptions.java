package org.circlekeeper.core.checkin;

import java.time.Duration;
import java.util.Objects;

/**
 * How a deployment runs check-ins: the cipher that seals notes (its key comes from configuration)
 * and how long check-ins, journey marks and an idle profile are kept.
 */
public record CheckinOptions(NoteCipher cipher, Duration retention) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(180);
    /** History shows four weeks and the pulse compares two: nothing shorter makes sense. */
    public static final Duration MIN_RETENTION = Duration.ofDays(28);
    public static final Duration MAX_RETENTION = Duration.ofDays(3 * 366);

    public CheckinOptions {
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(retention, "retention");
        if (retention.compareTo(MIN_RETENTION) < 0 || retention.compareTo(MAX_RETENTION) > 0) {
            throw new IllegalArgumentException("check-in retention must be between " + MIN_RETENTION.toDays() + " and "
                    + MAX_RETENTION.toDays() + " days; it is " + retention.toDays() + " days");
        }
    }

    public static CheckinOptions of(NoteCipher cipher) {
        return new CheckinOptions(cipher, DEFAULT_RETENTION);
    }
}
