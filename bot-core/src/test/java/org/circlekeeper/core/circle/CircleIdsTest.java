package org.circlekeeper.core.circle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CircleIdsTest {

    @Test
    void idsAreShortPlainAndUnique() {
        assertThat(CircleIds.slug("Tuesday circle")).isEqualTo("tuesday-circle");
        assertThat(CircleIds.slug("Círculo de Mañana")).isEqualTo("circulo-de");
        assertThat(CircleIds.slug("Grief & Loss — evening group")).isEqualTo("grief-loss");
        assertThat(CircleIds.slug("🌱🌱")).isEqualTo("circle");
        assertThat(CircleIds.slug("All")).isEqualTo("circle-all");
        assertThat(CircleIds.slug("x".repeat(40))).hasSize(CircleIds.MAX_LENGTH);
        assertThat(CircleIds.free("Tuesday circle", List.of("tuesday-circle", "tuesday-circle-2"))).isEqualTo("tuesday-circle-3");
        assertThat(CircleIds.free("Wednesday circle", List.of("wednesday-circle"))).isEqualTo("wednesday-circ-2");
        assertThat(CircleIds.free("Sunday", List.of("sunday"))).isEqualTo("sunday-2");
        assertThat(Circle.ID.matcher(CircleIds.free("Tuesday circle", List.of("tuesday-circle"))).matches()).isTrue();
    }
}
