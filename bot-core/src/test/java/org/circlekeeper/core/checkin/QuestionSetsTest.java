package org.circlekeeper.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class QuestionSetsTest {

    private final QuestionSets sets = QuestionSets.shipped();

    @Test
    void theShippedSetsSpeakEveryLanguageAndTakeTurns() {
        assertThat(sets.ids()).contains(QuestionSets.DEFAULT, "reflective", "recovery", "strengths");
        LocalDate day = LocalDate.of(2026, 11, 27);
        assertThat(sets.question("gentle", Locale.ENGLISH, day)).isNotEqualTo(sets.question("gentle", Locale.ENGLISH, day.plusDays(1)));
        assertThat(sets.question("gentle", Locale.forLanguageTag("es"), day)).startsWith("¿");
        assertThat(sets.name("recovery", Locale.forLanguageTag("es"))).isEqualTo("Recuperación");
        assertThat(sets.name("gentle", Locale.GERMAN)).as("English where a language has none").isEqualTo("Gentle");
    }
}
