package org.circlekeeper.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreaksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void aStreakCountsConsecutiveDaysAndStaysAliveUntilTheDayEnds() {
        Set<LocalDate> days = Set.of(TODAY.minusDays(1), TODAY.minusDays(2), TODAY.minusDays(4));

        assertThat(Streaks.endingOn(days, TODAY)).isZero();
        assertThat(Streaks.current(days, TODAY)).as("yesterday's streak still runs today").isEqualTo(2);
        assertThat(Streaks.current(days, TODAY.plusDays(1))).isZero();
    }

    @Test
    void milestonesAreReachedOnceAtTheirLength() {
        assertThat(Streaks.streakMilestone(7)).contains(7);
        assertThat(Streaks.streakMilestone(8)).isEmpty();
        LocalDate since = LocalDate.of(2026, 10, 20);

        assertThat(Streaks.monthsMilestone(since, LocalDate.of(2026, 11, 18), TODAY)).contains(1);
        assertThat(Streaks.monthsMilestone(since, LocalDate.of(2026, 11, 21), TODAY)).as("already crossed").isEmpty();
        assertThat(Streaks.monthsMilestone(since, null, since.plusMonths(6))).as("back after a long break").contains(6);
    }
}
