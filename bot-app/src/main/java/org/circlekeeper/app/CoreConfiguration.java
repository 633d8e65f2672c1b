package org.circlekeeper.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Metrics;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.core.schedule.VirtualClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The core: templates (with the deployment's override folder), the clock and every feature,
 * assembled by {@link Bot#assemble} exactly as the tests assemble it.
 */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    /**
     * While the console runs: a virtual clock that starts at the real time, which the console demo moves
     * with {@code :clock} (and runs due jobs after each move).
     */
    @Bean
    @Conditional(ConsoleWanted.class)
    VirtualClock clock() {
        return new VirtualClock(Instant.now());
    }

    /** Otherwise real time, in UTC (zones are per community and member); due jobs run on a timer. */
    @Bean
    @Conditional(ConsoleNotWanted.class)
    Clock systemClock() {
        return Clock.systemUTC();
    }

    @Bean
    Bot.Assembly bot(Stores stores, CirclekeeperProperties properties, Clock clock, List<Messenger> messengers,
                     Metrics metrics) {
        Bot.Defaults defaults = new Bot.Defaults(properties.defaults().locale(), properties.defaults().zone());
        return Bot.assemble(stores, Bot.templates(properties.templates().overrideDir()), defaults, clock,
                new Messengers(messengers), metrics);
    }

    @Bean
    Engine engine(Bot.Assembly bot) {
        return bot.engine();
    }

    @Bean
    Scheduler scheduler(Bot.Assembly bot) {
        return bot.scheduler();
    }
}
