package org.circlekeeper.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The local pace hands out evenly spaced slots and never banks the time nobody used; a slot that passed is not used. */
class RequestPaceTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RequestPace pace = RequestPace.local(50, now::get);

    @Test
    void slotsTakenTogetherLieOneIntervalApart() {
        assertThat(pace.reserve()).isZero();
        assertThat(pace.reserve()).isEqualTo(Duration.ofMillis(20));
        assertThat(pace.reserve()).isEqualTo(Duration.ofMillis(40));
        now.addAndGet(Duration.ofMillis(30).toNanos());
        assertThat(pace.reserve()).as("the fourth slot, 60 ms after the first, asked for 30 ms after it").isEqualTo(Duration.ofMillis(30));
    }

    @Test
    void anIdlePaceGivesNoBurst() {
        assertThat(pace.reserve()).isZero();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(pace.reserve()).isZero();
        assertThat(pace.reserve()).as("ten idle seconds buy no second request at once").isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void aRequestHeldUpPastItsSlotTakesANewOneInsteadOfCrowdingTheNext() {
        AtomicLong asked = new AtomicLong();
        RequestPace slow = () -> {
            if (asked.incrementAndGet() == 1) {
                try {
                    // the pace's store answers late: the slot it gives has passed by the time the answer arrives
                    Thread.sleep(PacedRateLimiter.LATE.toMillis() * 3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Duration.ZERO;
        };
        assertThat(PacedRateLimiter.awaitSlot(slow)).as("slots taken").isGreaterThanOrEqualTo(2);
    }

    @Test
    void thePaceKeepsUnderDiscordsGlobalLimit() {
        assertThat(RequestPace.PER_SECOND).isLessThan(RequestPace.DISCORD_GLOBAL_PER_SECOND);
        assertThatThrownBy(() -> RequestPace.local(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
