package org.circlekeeper.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.message.EventMirror;
import org.circlekeeper.core.message.EventMirrors;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.core.schedule.VirtualClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The core: templates (with the deployment's override folder), the clock and every feature,
 * assembled by {@link Bot#assemble} exactly as the tests assemble it.
 */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    /**
     * A virtual clock that starts at the real time: the console demo moves it with {@code :clock};
     * chat platforms (when configured) run on real time.
     */
    @Bean
    VirtualClock clock() {
        return new VirtualClock(Instant.now());
    }

    /**
     * @param mirrors the event lists of the connected platforms that have one (Discord's server Events);
     *                none when only the console or Telegram is connected
     */
    @Bean
    Bot.Assembly bot(Stores stores, CirclekeeperProperties properties, Clock clock, List<Messenger> messengers,
                     ObjectProvider<EventMirror> mirrors) {
        Bot.Defaults defaults = new Bot.Defaults(properties.defaults().locale(), properties.defaults().zone());
        return Bot.assemble(stores, Bot.templates(properties.templates().overrideDir()), defaults, clock,
                new Messengers(messengers), new EventMirrors(mirrors.orderedStream().toList()));
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
