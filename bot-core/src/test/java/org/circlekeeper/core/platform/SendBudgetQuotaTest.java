package org.circlekeeper.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A quota is a real limit: a positive interval, a burst of at least one, and "N per period" rounded to never exceed N. */
class SendBudgetQuotaTest {

    @Test
    void countPerPeriodIsEvenlySpacedAndRoundedUp() {
        assertThat(SendBudget.Quota.perPeriod("global", 30, Duration.ofSeconds(1)))
                .isEqualTo(new SendBudget.Quota("global", Duration.ofNanos(33_333_334), 1));
        assertThat(SendBudget.Quota.perPeriod("group:-1", 20, Duration.ofMinutes(1)).interval()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aQuotaThatAllowsNothingOrEverythingIsRefused() {
        assertThatThrownBy(() -> SendBudget.Quota.perPeriod("global", 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one message");
        assertThatThrownBy(() -> new SendBudget.Quota("global", Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval must be positive");
        assertThatThrownBy(() -> new SendBudget.Quota("global", Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("burst is at least 1");
    }
}
