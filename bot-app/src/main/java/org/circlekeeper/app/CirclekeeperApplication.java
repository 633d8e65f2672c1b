package org.circlekeeper.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Starts circlekeeper: Redis (embedded when none is configured), the core, and the adapters. */
@SpringBootApplication
@EnableConfigurationProperties(CirclekeeperProperties.class)
public class CirclekeeperApplication {

    /** Spring Boot's own switch for its background pre-initialisation thread (a system property, read before the start). */
    static final String BACKGROUND_PREINIT = "spring.backgroundpreinitializer.ignore";
    /** Commons Logging's switch for its log factory (a system property, read at its first use). */
    static final String LOG_FACTORY = "org.apache.commons.logging.LogFactory";

    public static void main(String[] args) {
        // Spring Boot's background thread would warm Tomcat, Jackson 2 and the HTTP converters at every start, with or
        // without a web port, on a machine of two cores taking CPU from the start itself; a web start loads them when it
        // needs them. A -D given on the command line still wins.
        if (System.getProperty(BACKGROUND_PREINIT) == null) {
            System.setProperty(BACKGROUND_PREINIT, "true");
        }
        // Spring logs through Commons Logging, which otherwise starts the Log4j API (and its property sources) only to
        // find it bridged to SLF4J; the logs end in Logback either way.
        if (System.getProperty(LOG_FACTORY) == null) {
            System.setProperty(LOG_FACTORY, "org.apache.commons.logging.impl.Slf4jLogFactory");
        }
        SpringApplication application = new SpringApplication(CirclekeeperApplication.class);
        StartupSteps.attachIfAsked(application);
        application.run(args);
    }
}
