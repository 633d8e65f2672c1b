package org.circlekeeper.core.circle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleWordsTest {

    private static String rule(String words) {
        ScheduleWords.Shape shape = ScheduleWords.shape(List.of(words.split(" ")));
        return shape == null ? "not a schedule" : shape.rule();
    }

    @Test
    void wordsInEitherLanguageMakeTheSameRule() {
        assertThat(rule("every tuesday and thursday")).isEqualTo("FREQ=WEEKLY;BYDAY=TU,TH");
        assertThat(rule("cada jueves y martes")).isEqualTo("FREQ=WEEKLY;BYDAY=TU,TH");
        assertThat(rule("every 2 weeks on monday")).isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO");
        assertThat(rule("first monday of the month")).isEqualTo("FREQ=MONTHLY;BYDAY=1MO");
        assertThat(rule("ultimo viernes del mes")).isEqualTo("FREQ=MONTHLY;BYDAY=-1FR");
        assertThat(rule("every day")).isEqualTo("FREQ=DAILY");
    }

    @Test
    void aOneOffOrNoScheduleAtAll() {
        ScheduleWords.Shape tuesday = ScheduleWords.shape(List.of("tuesday"));
        assertThat(tuesday.rule()).isNull();
        assertThat(tuesday.days).containsExactly(DayOfWeek.TUESDAY);
        assertThat(ScheduleWords.shape(List.of("manana")).tomorrow).isTrue();
        assertThat(ScheduleWords.shape(List.of("la", "manana"))).as("'la mañana' is the morning, not tomorrow").isNull();
        assertThat(rule("every tuesday please")).isEqualTo("not a schedule");
        assertThat(rule("every 60 weeks")).isEqualTo("not a schedule");
        assertThat(rule("first monday of the week")).isEqualTo("not a schedule");
    }

    @Test
    void connectorsAreNeverANameAlone() {
        assertThat(ScheduleWords.isConnector("every")).isTrue();
        assertThat(ScheduleWords.isConnector("primer")).isTrue();
        assertThat(ScheduleWords.isConnector("tuesday")).isFalse();
        assertThat(ScheduleWords.isWord("martes")).isTrue();
        assertThat(ScheduleWords.isWord("garden")).isFalse();
        assertThat(ScheduleWords.isFiller("las")).isTrue();
        assertThat(ScheduleWords.code(DayOfWeek.SUNDAY)).isEqualTo("SU");
    }
}
