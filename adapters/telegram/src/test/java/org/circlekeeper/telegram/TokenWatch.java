package org.circlekeeper.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Watches every log line of a test, the adapter's and the TelegramBots library's at every level, and
 * fails the test if any line or stack trace holds the bot token.
 */
final class TokenWatch implements BeforeEachCallback, AfterEachCallback {

    private final String token;
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Level rootLevel;

    TokenWatch(String token) {
        this.token = token;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        events.list.clear();
        events.start();
        root.addAppender(events);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(events);
        root.setLevel(rootLevel);
        String secretPart = token.substring(token.indexOf(':') + 1);
        synchronized (events.list) {
            assertThat(events.list).as("log lines were captured").isNotEmpty();
            for (ILoggingEvent event : events.list) {
                String line = event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
                assertThat(line).as("a log line of %s", event.getLoggerName()).doesNotContain(secretPart);
            }
        }
    }
}
