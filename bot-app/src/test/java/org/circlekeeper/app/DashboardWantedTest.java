package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The organisers' page is on only with a web port and a public address, and the start shape knows it. */
class DashboardWantedTest {

    @Test
    void thePageNeedsBothAWebPortAndAPublicAddress() {
        assertThat(DashboardConfiguration.Wanted.in(new MockEnvironment())).isFalse();
        assertThat(DashboardConfiguration.Wanted.in(new MockEnvironment().withProperty("circlekeeper.web.port", "8080"))).isFalse();
        assertThat(DashboardConfiguration.Wanted.in(new MockEnvironment()
                .withProperty("circlekeeper.web.public-url", "https://bot.example.org"))).isFalse();
        MockEnvironment both = new MockEnvironment().withProperty("circlekeeper.web.port", "8080")
                .withProperty("circlekeeper.web.public-url", "https://bot.example.org");
        assertThat(DashboardConfiguration.Wanted.in(both)).isTrue();
        assertThat(StartShape.of(both).dashboard()).isTrue();
        assertThat(DashboardConfiguration.Wanted.in(new MockEnvironment().withProperty("circlekeeper.web.port", "8080")
                .withProperty("circlekeeper.web.public-url", "  "))).isFalse();
    }
}
