package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.circlekeeper.core.message.DeliveryLog.Start;
import org.circlekeeper.core.message.DeliveryLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisDeliveryLogTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(5);
    private static final String DELIVERY = "circle.remind-dm:console%3Acircle:c1:20261201T1900:60:console%3Aalice member:console:alice";

    private final DeliveryLog log = new RedisDeliveryLog(REDIS.connection());

    @Test
    void aDeliveryBegunIsBusyForOthersUntilItsHoldEndsAndSentForEveryoneAfter() {
        assertThat(log.begin(DELIVERY, "a", T0, HOLD)).isEqualTo(new Start.Go());
        assertThat(log.begin(DELIVERY, "a", T0.plusSeconds(1), HOLD)).as("its own holder again").isEqualTo(new Start.Go());
        assertThat(log.begin(DELIVERY, "b", T0.plusSeconds(2), HOLD)).isEqualTo(new Start.Busy(T0.plusSeconds(1).plus(HOLD)));

        log.sent(DELIVERY, "a");

        assertThat(log.begin(DELIVERY, "b", T0.plus(Duration.ofHours(1)), HOLD)).isEqualTo(new Start.AlreadySent());
        assertThat(log.begin(DELIVERY, "a", T0, HOLD)).isEqualTo(new Start.AlreadySent());
        long ttl = REDIS.connection().call(RedisDeliveryLog.key(DELIVERY), jedis -> jedis.pttl(RedisDeliveryLog.key(DELIVERY)));
        assertThat(ttl).isPositive().isLessThanOrEqualTo(DeliveryLog.KEEP.toMillis());
    }

    @Test
    void aHoldThatRanOutAfterItsRequestLeftCountsAsSentAndTheOldHolderCannotFreeIt() {
        log.begin(DELIVERY, "a", T0, HOLD);
        log.onWire(DELIVERY, "b");
        log.onWire(DELIVERY, "a");

        assertThat(log.begin(DELIVERY, "b", T0.plus(HOLD), HOLD)).as("a died mid-send").isEqualTo(new Start.Orphaned());
        log.abandon(DELIVERY, "a");

        assertThat(log.begin(DELIVERY, "c", T0.plus(HOLD), HOLD)).isEqualTo(new Start.AlreadySent());
    }

    @Test
    void aHoldThatRanOutBeforeItsRequestLeftGoesToTheNextHolder() {
        log.begin(DELIVERY, "a", T0, HOLD);

        assertThat(log.begin(DELIVERY, "b", T0.plus(HOLD), HOLD)).as("a died while it waited").isEqualTo(new Start.Go());
        log.onWire(DELIVERY, "a");
        assertThat(log.begin(DELIVERY, "c", T0.plus(HOLD), HOLD)).as("b holds it, a's late mark changes nothing")
                .isInstanceOf(Start.Busy.class);
    }

    @Test
    void anAbandonedDeliveryGoesToTheNextHolder() {
        log.begin(DELIVERY, "a", T0, HOLD);
        log.abandon(DELIVERY, "a");

        assertThat(log.begin(DELIVERY, "b", T0.plusSeconds(1), HOLD)).isEqualTo(new Start.Go());
    }

    @Test
    void theKeyNamesNoMember() {
        log.begin(DELIVERY, "a", T0, HOLD);
        log.sent(DELIVERY, "a");

        assertThat(REDIS.keys()).singleElement().asString().startsWith("ck:delivery:").doesNotContain("alice").hasSize(12 + 64);
    }
}
