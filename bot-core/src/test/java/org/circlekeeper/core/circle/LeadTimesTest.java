package org.circlekeeper.core.circle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadTimesTest {

    @Test
    void listsAreLargestFirstAndPartsWrittenTogetherMakeOne() {
        assertThat(LeadTimes.parseList("15m 1d")).contains(List.of(Duration.ofDays(1), Duration.ofMinutes(15)));
        assertThat(LeadTimes.parseList("1h30m, 2h")).contains(List.of(Duration.ofHours(2), Duration.ofMinutes(90)));
        assertThat(LeadTimes.parseList("1 day and 15 minutes")).contains(List.of(Duration.ofDays(1), Duration.ofMinutes(15)));
        assertThat(LeadTimes.parseList("1 día y 2 horas")).contains(List.of(Duration.ofDays(1), Duration.ofHours(2)));
        assertThat(LeadTimes.parseList("1w")).contains(List.of(Duration.ofDays(7)));
    }

    @Test
    void outOfRangeTooManyOrNonsenseIsRefused() {
        assertThat(LeadTimes.parseList("8d")).isEmpty();
        assertThat(LeadTimes.parseList("0m")).isEmpty();
        assertThat(LeadTimes.parseList("1m 2m 3m 4m 5m 6m")).isEmpty();
        assertThat(LeadTimes.parseList("soon")).isEmpty();
        assertThat(LeadTimes.parseList("15m please")).isEmpty();
        assertThat(LeadTimes.parseList("")).isEmpty();
        assertThat(LeadTimes.isOff("Off")).isTrue();
        assertThat(LeadTimes.isOff("nada")).isTrue();
    }

    @Test
    void oneDurationAndTheCompactForm() {
        assertThat(LeadTimes.parseOne("90 min")).contains(Duration.ofMinutes(90));
        assertThat(LeadTimes.parseOne("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(LeadTimes.parseOne("1 hora")).contains(Duration.ofHours(1));
        assertThat(LeadTimes.parseOne("long")).isEmpty();
        assertThat(LeadTimes.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(LeadTimes.format(Duration.ofDays(1))).isEqualTo("1d");
        assertThat(LeadTimes.format(List.of(Duration.ofMinutes(15), Duration.ofDays(1)))).isEqualTo("1d, 15m");
    }
}
