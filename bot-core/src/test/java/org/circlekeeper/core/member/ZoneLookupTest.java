package org.circlekeeper.core.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ZoneLookupTest {

    private final ZoneLookup zones = new ZoneLookup();

    @Test
    void findsIdsCitiesAliasesAndOffsets() {
        assertThat(zones.lookup("europe/berlin")).isEqualTo(new ZoneLookup.Result.Found(ZoneId.of("Europe/Berlin")));
        assertThat(zones.lookup("Sao Paulo")).isEqualTo(new ZoneLookup.Result.Found(ZoneId.of("America/Sao_Paulo")));
        assertThat(zones.lookup("Ciudad de México")).isEqualTo(new ZoneLookup.Result.Found(ZoneId.of("America/Mexico_City")));
        assertThat(zones.lookup("UTC")).isEqualTo(new ZoneLookup.Result.Found(ZoneId.of("UTC")));
        assertThat(zones.lookup("utc+2")).isEqualTo(new ZoneLookup.Result.Found(ZoneId.of("UTC+02:00")));
    }

    @Test
    void suggestsCloseNamesForATypo() {
        assertThat(zones.lookup("Amsterdma")).isInstanceOfSatisfying(ZoneLookup.Result.NotFound.class,
                r -> assertThat(r.suggestions()).contains(ZoneId.of("Europe/Amsterdam")));
    }

    @Test
    void completesWhatIsTyped() {
        assertThat(zones.startingWith("lond", 5)).contains(ZoneId.of("Europe/London"));
    }
}
