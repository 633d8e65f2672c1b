package org.circlekeeper.app;

import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

/**
 * Where a start spends its time, on request: with {@code -Dcirclekeeper.startup.steps=N} Spring records every step
 * of the start (Spring's {@link BufferingApplicationStartup}) and the N longest are logged once the context has
 * started (bench/README.md "StartupBenchmark" reads them). Off by default: recording costs time of its own.
 */
final class StartupSteps {

    static final String PROPERTY = "circlekeeper.startup.steps";
    private static final Logger LOG = LoggerFactory.getLogger(StartupSteps.class);
    private static final int CAPACITY = 20_000;

    private StartupSteps() {
    }

    static void attachIfAsked(SpringApplication application) {
        int shown = Integer.getInteger(PROPERTY, 0);
        if (shown <= 0) {
            return;
        }
        BufferingApplicationStartup startup = new BufferingApplicationStartup(CAPACITY);
        application.setApplicationStartup(startup);
        application.addListeners(event -> {
            if (event instanceof ApplicationStartedEvent) {
                log(startup.getBufferedTimeline(), shown);
            }
        });
    }

    private static void log(StartupTimeline timeline, int shown) {
        LOG.info("start: {} steps recorded; the {} longest (a step includes the steps it ran):", timeline.getEvents().size(), shown);
        timeline.getEvents().stream()
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
                .limit(shown)
                .forEach(event -> LOG.info("start: {} ms {} {}", millis(event.getDuration()), event.getStartupStep().getName(),
                        StreamSupport.stream(event.getStartupStep().getTags().spliterator(), false)
                                .map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.joining(" "))));
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%7.1f", duration.toNanos() / 1e6);
    }
}
