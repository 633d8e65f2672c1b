package org.circlekeeper.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.schedule.Scheduler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Running in production: the core's {@link Metrics} as Prometheus meters (adapters inject the same {@code Metrics}
 * bean to count platform errors and retries), a gauge of waiting jobs, and the timer that runs due jobs on real
 * time whenever the console is not the adapter, with its health component.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerProperties.class)
class OperationsConfiguration {

    @Bean
    Metrics metrics(MeterRegistry registry) {
        return new MicrometerMetrics(registry);
    }

    /** How many jobs wait in the shared queue (all replicas see the same figure): a growing number means a backlog. */
    @Bean
    MeterBinder waitingJobs(Scheduler scheduler) {
        return registry -> Gauge.builder("circlekeeper.jobs.waiting", scheduler.queue(), queue -> queue.waiting())
                .description("Due jobs waiting in the shared queue, not yet claimed")
                .strongReference(true)
                .register(registry);
    }

    @Bean
    @Conditional(TimeChoice.Real.class)
    @ConditionalOnBooleanProperty(name = "circlekeeper.scheduler.enabled", matchIfMissing = true)
    SchedulerRunner schedulerRunner(Scheduler scheduler, SchedulerProperties properties, MeterRegistry registry, Clock clock) {
        return new SchedulerRunner(scheduler, properties, registry, clock);
    }

    /** The {@code scheduler} health component: down when the loop above stops ticking. */
    @Bean
    @Conditional(TimeChoice.Real.class)
    @ConditionalOnBooleanProperty(name = "circlekeeper.scheduler.enabled", matchIfMissing = true)
    SchedulerHealthIndicator schedulerHealthIndicator(SchedulerRunner schedulerRunner) {
        return new SchedulerHealthIndicator(schedulerRunner);
    }
}
