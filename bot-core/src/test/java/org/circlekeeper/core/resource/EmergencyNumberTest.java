package org.circlekeeper.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.circlekeeper.core.resource.EmergencyNumber.Check;
import org.junit.jupiter.api.Test;

/** What a crisis reply shows of a country's emergency numbers, and the data that is refused before it reaches a member. */
class EmergencyNumberTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);
    private static final List<String> SOURCE = List.of("a listing");

    @Test
    void oneNumberForEverythingIsShownAlone() {
        EmergencyNumber spain = new EmergencyNumber("ES", "112", null, null, null, SOURCE, DAY, Check.LAW, null);
        assertThat(spain.first()).contains("112");
        assertThat(spain.separatePolice()).isEmpty();
        assertThat(spain.mobileOnly()).isFalse();
    }

    @Test
    void theAmbulanceComesFirstAndThePoliceBesideItWhenTheyDiffer() {
        EmergencyNumber japan = new EmergencyNumber("JP", null, "110", "119", "119", SOURCE, DAY, Check.PAGE, null);
        assertThat(japan.first()).contains("119");
        assertThat(japan.separatePolice()).contains("110");
        EmergencyNumber sameForAll = new EmergencyNumber("XY", null, "999", "999", "998", SOURCE, DAY, Check.LISTING, null);
        assertThat(sameForAll.separatePolice()).as("the police number is the one already shown").isEmpty();
    }

    @Test
    void a112FallbackWorksOnlyFromMobilesAndSaysSo() {
        EmergencyNumber chad = new EmergencyNumber("TD", "112", null, null, null, SOURCE, DAY, Check.GSM_112, null);
        assertThat(chad.mobileOnly()).isTrue();
        assertThatThrownBy(() -> new EmergencyNumber("TD", "17", null, null, null, SOURCE, DAY, Check.GSM_112, null))
                .hasMessageContaining("gsm-112");
    }

    @Test
    void incompleteOrContradictoryEntriesAreRefused() {
        assertThatThrownBy(() -> new EmergencyNumber("JP", null, "110", "119", null, SOURCE, DAY, Check.PAGE, null))
                .hasMessageContaining("'police', 'ambulance' and 'fire'");
        assertThatThrownBy(() -> new EmergencyNumber("JP", "112", "110", "119", "119", SOURCE, DAY, Check.PAGE, null))
                .hasMessageContaining("one or the other");
        assertThatThrownBy(() -> new EmergencyNumber("AQ", "112", null, null, null, SOURCE, DAY, Check.NO_NETWORK, null))
                .hasMessageContaining("no network");
        assertThatThrownBy(() -> new EmergencyNumber("ES", "112", null, null, null, List.of(), DAY, Check.LAW, null))
                .hasMessageContaining("source");
        EmergencyNumber antarctica = new EmergencyNumber("AQ", null, null, null, null, SOURCE, DAY, Check.NO_NETWORK, "stations");
        assertThat(antarctica.first()).isEmpty();
    }
}
