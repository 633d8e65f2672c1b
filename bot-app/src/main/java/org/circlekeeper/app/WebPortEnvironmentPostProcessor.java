package org.circlekeeper.app;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs a web server only when {@code circlekeeper.web.port} is set: then on that port, with the
 * actuator's health endpoint; otherwise circlekeeper opens no port at all.
 */
public class WebPortEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PORT = "circlekeeper.web.port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String port = environment.getProperty(PORT);
        Map<String, Object> derived = new HashMap<>();
        if (port == null || port.isBlank()) {
            derived.put("spring.main.web-application-type", "none");
        } else {
            derived.put("spring.main.web-application-type", "servlet");
            derived.put("server.port", port.strip());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("circlekeeper-web", derived));
    }
}
