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
        assertThat(CircleIds.slug("🌱🌱")).isEqualTo("seedling");
        assertThat(CircleIds.slug("All")).isEqualTo("circle-all");
        assertThat(CircleIds.slug("x".repeat(40))).hasSize(CircleIds.MAX_LENGTH);
        assertThat(CircleIds.free("Tuesday circle", List.of("tuesday-circle", "tuesday-circle-2"))).isEqualTo("tuesday-circle-3");
        assertThat(CircleIds.free("Wednesday circle", List.of("wednesday-circle"))).isEqualTo("wednesday-circ-2");
        assertThat(CircleIds.free("Sunday", List.of("sunday"))).isEqualTo("sunday-2");
        assertThat(Circle.ID.matcher(CircleIds.free("Tuesday circle", List.of("tuesday-circle"))).matches()).isTrue();
    }

    @Test
    void namesInOtherScriptsGiveIdsAMemberCanTypeAndRecognise() {
        assertThat(CircleIds.slug("שלום עולם")).isEqualTo("slwm-wlm");
        assertThat(CircleIds.slug("Привет друзья")).isEqualTo("privet-druz-a");
        assertThat(CircleIds.slug("你好")).isEqualTo("ni-hao");
        assertThat(CircleIds.slug("Ελπίδα")).isEqualTo("elpida");
        assertThat(CircleIds.slug("سلام")).isEqualTo("slam");
        assertThat(CircleIds.slug("🌱🌱🌱")).isEqualTo("seedling");
        assertThat(CircleIds.slug("🌱 ☕")).isEqualTo("seedling-hot");
        assertThat(CircleIds.slug("\u202Eevil")).isEqualTo("evil");
        assertThat(CircleIds.slug("\u200B")).isEqualTo("circle");
        assertThat(List.of("שלום עולם", "🌱🌱🌱", "Привет друзья", "你好")).allSatisfy(name ->
                assertThat(Circle.ID.matcher(CircleIds.free(name, List.of())).matches()).isTrue());
    }
}
