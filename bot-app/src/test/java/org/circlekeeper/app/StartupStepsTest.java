package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.core.metrics.ApplicationStartup;

/** Spring's start steps are recorded only when asked for: recording costs time of its own. */
class StartupStepsTest {

    @AfterEach
    void forget() {
        System.clearProperty(StartupSteps.PROPERTY);
    }

    @Test
    void aStartRecordsNothingUnlessAsked() {
        SpringApplication application = new SpringApplication(CirclekeeperApplication.class);
        StartupSteps.attachIfAsked(application);
        assertThat(application.getApplicationStartup()).isSameAs(ApplicationStartup.DEFAULT);
    }

    @Test
    void askedForItRecordsEveryStep() {
        System.setProperty(StartupSteps.PROPERTY, "10");
        SpringApplication application = new SpringApplication(CirclekeeperApplication.class);
        StartupSteps.attachIfAsked(application);
        assertThat(application.getApplicationStartup()).isInstanceOf(BufferingApplicationStartup.class);
    }
}
