package org.circlekeeper.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The care an answer gets: the crisis lines only for the hardest one, a gentle word for a low one. */
class CheckinCareTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static Optional<Checkin> previous(int daysAgo, Mood mood) {
        return Optional.of(new Checkin(TODAY.minusDays(daysAgo), mood, null, Instant.EPOCH));
    }

    @Test
    void theCareMatchesTheAnswer() {
        assertThat(CheckinCare.careFor(Mood.REALLY_HARD)).isEqualTo(CheckinCare.Care.CRISIS);
        assertThat(CheckinCare.careFor(Mood.LOW)).isEqualTo(CheckinCare.Care.GENTLE);
        assertThat(CheckinCare.careFor(Mood.OKAY)).isEqualTo(CheckinCare.Care.NONE);
        assertThat(CheckinCare.careFor(Mood.GOOD)).isEqualTo(CheckinCare.Care.NONE);
        assertThat(CheckinCare.careFor(Mood.GREAT)).isEqualTo(CheckinCare.Care.NONE);
    }

    @Test
    void lowDaysInARowAreNamedGentlyAndNeverBecomeTheCrisisBlock() {
        assertThat(CheckinCare.lowInARow(Mood.LOW, previous(1, Mood.LOW), TODAY)).isTrue();
        assertThat(CheckinCare.lowInARow(Mood.LOW, previous(CheckinCare.IN_A_ROW_DAYS, Mood.REALLY_HARD), TODAY)).isTrue();
        assertThat(CheckinCare.lowInARow(Mood.LOW, previous(CheckinCare.IN_A_ROW_DAYS + 1, Mood.LOW), TODAY)).isFalse();
        assertThat(CheckinCare.lowInARow(Mood.LOW, previous(1, Mood.OKAY), TODAY)).isFalse();
        assertThat(CheckinCare.lowInARow(Mood.LOW, Optional.empty(), TODAY)).isFalse();
        assertThat(CheckinCare.lowInARow(Mood.OKAY, previous(1, Mood.LOW), TODAY)).isFalse();
        assertThat(CheckinCare.careFor(Mood.LOW)).as("however many low days in a row").isEqualTo(CheckinCare.Care.GENTLE);
    }
}
