package org.circlekeeper.app;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs a web server only when {@code circlekeeper.web.port} is set: then on that port, with the
 * actuator's health endpoint; otherwise circlekeeper opens no port at all, and the auto-configurations that only
 * serve a web port (actuator endpoints, HTTP message converters, the metrics meant for Prometheus) are left out,
 * so a start without one does not build or load them.
 */
public class WebPortEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PORT = "circlekeeper.web.port";
    static final String EXCLUDE = "spring.autoconfigure.exclude";

    /**
     * Read only through a web port (the actuator's endpoints, Prometheus' scrape, HTTP converters and their Jackson 2),
     * or not used by circlekeeper at all (AOP proxies, Spring's task executor and scheduler, SSL bundles, project info).
     * Without a web port the metrics still count in memory (Micrometer's simple registry): the meters stay, nobody
     * reads them, as before.
     */
    static final List<String> WEB_ONLY = List.of(
            "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.endpoint.jackson.Jackson2EndpointAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.info.InfoContributorAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.info.InfoEndpointAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.application.DiskSpaceHealthContributorAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.application.SslHealthContributorAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration",
            "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration",
            "org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration",
            "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
            "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
            "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.ssl.SslMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.startup.StartupTimeMetricsListenerAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.task.TaskExecutorMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ScheduledTasksObservationAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String port = environment.getProperty(PORT);
        Map<String, Object> derived = new HashMap<>();
        if (port == null || port.isBlank()) {
            derived.put("spring.main.web-application-type", "none");
            // the deployment's own exclusions stay; these are added to them
            Set<String> excluded = new LinkedHashSet<>(Binder.get(environment).bind(EXCLUDE, String[].class)
                    .map(List::of).orElse(List.of()));
            excluded.addAll(WEB_ONLY);
            derived.put(EXCLUDE, String.join(",", excluded));
        } else {
            derived.put("spring.main.web-application-type", "servlet");
            derived.put("server.port", port.strip());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("circlekeeper-web", derived));
    }
}
