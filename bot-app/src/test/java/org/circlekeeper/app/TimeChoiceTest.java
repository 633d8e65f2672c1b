package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import org.circlekeeper.core.schedule.VirtualClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The clock is chosen in one place: virtual only while the console is the bot's only way in. */
class TimeChoiceTest {

    @Configuration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Conditional(TimeChoice.Virtual.class)
        Clock virtual() {
            return new VirtualClock(Instant.parse("2026-12-03T10:00:00Z"));
        }

        @Bean
        @Conditional(TimeChoice.Real.class)
        Clock real() {
            return Clock.systemUTC();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Clocks.class);

    @Test
    void theConsoleAloneRunsOnVirtualTime() {
        runner.run(context -> assertThat(context.getBean(Clock.class)).isInstanceOf(VirtualClock.class));
    }

    @Test
    void anyChatPlatformKeepsRealTimeEvenWithTheConsoleExplicitlyOn() {
        for (String token : ConsoleWanted.PLATFORM_TOKENS) {
            runner.withPropertyValues(token + "=123:abc", "circlekeeper.console.enabled=true")
                    .run(context -> assertThat(context.getBean(Clock.class)).as(token).isNotInstanceOf(VirtualClock.class));
        }
    }

    @Test
    void noAdapterAtAllKeepsRealTime() {
        runner.withPropertyValues("circlekeeper.console.enabled=false")
                .run(context -> assertThat(context.getBean(Clock.class)).isNotInstanceOf(VirtualClock.class));
    }
}
