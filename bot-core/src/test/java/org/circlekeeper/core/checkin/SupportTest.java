package org.circlekeeper.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The care an answer gets: the crisis lines only for the hardest one, a gentle word for a low one. */
class SupportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static Optional<Checkin> previous(int daysAgo, Mood mood) {
        return Optional.of(new Checkin(TODAY.minusDays(daysAgo), mood, null, Instant.EPOCH));
    }

    @Test
    void theCareMatchesTheAnswer() {
        assertThat(Support.careFor(Mood.REALLY_HARD)).isEqualTo(Support.Care.CRISIS);
        assertThat(Support.careFor(Mood.LOW)).isEqualTo(Support.Care.GENTLE);
        assertThat(Support.careFor(Mood.OKAY)).isEqualTo(Support.Care.NONE);
        assertThat(Support.careFor(Mood.GOOD)).isEqualTo(Support.Care.NONE);
        assertThat(Support.careFor(Mood.GREAT)).isEqualTo(Support.Care.NONE);
    }

    @Test
    void lowDaysInARowAreNamedGentlyAndNeverBecomeTheCrisisBlock() {
        assertThat(Support.lowInARow(Mood.LOW, previous(1, Mood.LOW), TODAY)).isTrue();
        assertThat(Support.lowInARow(Mood.LOW, previous(Support.IN_A_ROW_DAYS, Mood.REALLY_HARD), TODAY)).isTrue();
        assertThat(Support.lowInARow(Mood.LOW, previous(Support.IN_A_ROW_DAYS + 1, Mood.LOW), TODAY)).isFalse();
        assertThat(Support.lowInARow(Mood.LOW, previous(1, Mood.OKAY), TODAY)).isFalse();
        assertThat(Support.lowInARow(Mood.LOW, Optional.empty(), TODAY)).isFalse();
        assertThat(Support.lowInARow(Mood.OKAY, previous(1, Mood.LOW), TODAY)).isFalse();
        assertThat(Support.careFor(Mood.LOW)).as("however many low days in a row").isEqualTo(Support.Care.GENTLE);
    }
}
