package org.circlekeeper.telegram;

import java.util.Objects;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the adapter does when Telegram refuses a message for good: every refusal is counted ({@code
 * platformError(telegram, "refused-<reason>")}) and logged with its code and reason only, and a topic that was closed or
 * deleted is reported to the group's organisers (once, by the {@link TopicReporter} the bot attaches). Nothing refused
 * is tried again: the callers turn it into a permanent delivery failure.
 */
final class Refusals {

    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

    /** Tells a group's organisers that one of its topics cannot be posted in any more. */
    @FunctionalInterface
    interface TopicReporter {
        void topicGone(TelegramChat topic);
    }

    private volatile Metrics metrics = Metrics.NONE;
    private volatile TopicReporter reporter;

    /** Connects the core's metrics and the organisers' notice, which exist only once the engine does. */
    void attach(Metrics metrics, TopicReporter reporter) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
    }

    /**
     * Counts, logs and, for a gone topic, reports one refusal of a message to {@code where}; returns its reason.
     *
     * @param what a short fixed word for the log: {@code reply}, {@code send}, {@code edit}
     */
    TelegramApi.Reason refused(String what, TelegramChat where, TelegramApi.Refused refused) {
        TelegramApi.Reason reason = refused.reason(where.chatId());
        metrics.platformError(Platform.TELEGRAM, "refused-" + reason.label());
        LOG.warn("Telegram refused a {} ({}, {}){}; not retried", what, refused.code(), reason.label(),
                where.inTopic() ? " in a topic" : "");
        if (reason == TelegramApi.Reason.TOPIC_GONE && where.inTopic()) {
            TopicReporter attached = reporter;
            if (attached == null) {
                LOG.warn("a closed or deleted topic was refused before the bot started; its organisers are told at the next refusal");
            } else {
                attached.topicGone(where);
            }
        }
        return reason;
    }
}
