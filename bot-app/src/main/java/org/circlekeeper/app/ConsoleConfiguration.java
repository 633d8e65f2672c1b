package org.circlekeeper.app;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.circlekeeper.console.ConsoleAdapter;
import org.circlekeeper.console.ConsoleMessenger;
import org.circlekeeper.console.ConsoleRoles;
import org.circlekeeper.console.ConsoleSession;
import org.circlekeeper.core.Bot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The console adapter, the default while no chat platform is configured ({@link ConsoleWanted}): an interactive prompt in a
 * terminal, or a script from standard input or a file. When the console ends, the app stops.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ConsoleWanted.class)
class ConsoleConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleConfiguration.class);

    /** The console's input and output; tests replace them. */
    record ConsoleStreams(InputStream in, PrintStream out) {
    }

    @Bean
    @ConditionalOnMissingBean
    ConsoleStreams consoleStreams() {
        return new ConsoleStreams(System.in, System.out);
    }

    @Bean
    ConsoleMessenger consoleMessenger() {
        return new ConsoleMessenger();
    }

    /** The roles {@code :as} plays in the console's community; the organisers' page asks them too. */
    @Bean
    ConsoleRoles consoleRoles(CirclekeeperProperties properties) {
        return new ConsoleRoles(properties.console().community());
    }

    @Bean
    ApplicationRunner consoleRunner(Bot.Assembly bot, Clock clock, ConsoleMessenger messenger, ConsoleRoles roles,
                                    CirclekeeperProperties properties, ConsoleStreams streams,
                                    ConfigurableApplicationContext context) {
        return arguments -> {
            ConsoleSession session = new ConsoleSession(bot.engine(), clock, messenger, roles);
            session.addClockListener(now -> bot.scheduler().runDue());
            List<String> args = scriptArguments(arguments, properties);
            LOG.info("adapter: console, {}", args.isEmpty()
                    ? (ConsoleAdapter.chooseMode() == ConsoleAdapter.Mode.INTERACTIVE ? "interactive" : "scripted from standard input")
                    : "scripted from " + args.get(0));
            try {
                new ConsoleAdapter(session).run(args, streams.in(), streams.out());
            } finally {
                streams.out().flush();
                context.close();
            }
        };
    }

    private static List<String> scriptArguments(ApplicationArguments arguments, CirclekeeperProperties properties) {
        List<String> args = new ArrayList<>(arguments.getNonOptionArgs());
        if (args.isEmpty() && properties.console().script() != null) {
            args.add(properties.console().script().toString());
        }
        return args;
    }
}
