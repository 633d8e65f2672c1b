package org.circlekeeper.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Starts circlekeeper: Redis (embedded when none is configured), the core, and the adapters. */
@SpringBootApplication
@EnableConfigurationProperties(CirclekeeperProperties.class)
public class CirclekeeperApplication {

    public static void main(String[] args) {
        SpringApplication.run(CirclekeeperApplication.class, args);
    }
}
