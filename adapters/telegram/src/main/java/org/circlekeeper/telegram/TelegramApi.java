package org.circlekeeper.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.circlekeeper.core.message.WireHook;
import org.circlekeeper.core.platform.SendBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Every call the adapter makes to the Bot API goes through here: messages wait for their slot in the
 * shared {@link SendBudget}; a 429 waits its {@code retry_after} and tries again, as often as it takes; but no
 * wait is longer than {@link #MAX_WAIT}: a longer one ends the call with {@link WaitTooLong}, so that a due job's
 * delivery never blocks past its lease and is tried again at the time Telegram named instead (the
 * {@link TelegramMessenger} turns it into the job's retry); a network failure or a 5xx is tried a few times; what Telegram refuses for
 * good (403, 400) comes back as a {@link Refused}. Log lines name the method and the error code only: the
 * token is part of every request URL, so URLs and library messages are never logged.
 */
final class TelegramApi {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramApi.class);

    /** Tries for a failure that may pass (network, 5xx); 429s are tried without limit. */
    static final int TRANSIENT_TRIES = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    /**
     * The longest one wait for the rate limits or a 429 may block a call: well below a due job's 60 s lease, so a
     * delivery in progress never outlives its claim while it waits.
     */
    static final Duration MAX_WAIT = Duration.ofSeconds(20);

    /** One Bot API call. */
    @FunctionalInterface
    interface Call<T> {
        T run(TelegramClient client) throws TelegramApiException;
    }

    /** Waits; tests may count the waits. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * Telegram refused the call for good: {@code 401} (a wrong token), {@code 403} (blocked, never started, removed from the group) or
     * {@code 400} (chat not found, message cannot be edited). {@link #description()} is Telegram's own text
     * (it names no member), for deciding what to do, not for logs.
     */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int code;
        private final String description;
        private final Long migrateTo;

        Refused(String method, int code, String description) {
            this(method, code, description, null);
        }

        /** @param migrateTo the chat's new id when Telegram says the group was upgraded to a supergroup, else null */
        Refused(String method, int code, String description, Long migrateTo) {
            super(method + " refused with " + code);
            this.code = code;
            this.description = description == null ? "" : description;
            this.migrateTo = migrateTo;
        }

        /**
         * The supergroup a basic group became, when Telegram refused a call to the group's old id for that reason: 400
         * with {@code parameters.migrate_to_chat_id} (Bot API, "ResponseParameters").
         */
        Optional<Long> migratedTo() {
            return Optional.ofNullable(migrateTo);
        }

        int code() {
            return code;
        }

        String description() {
            return description;
        }

        /** The bot cannot write to this person: blocked, never started, deactivated. */
        boolean unreachable() {
            return code == 403;
        }

        /** Why Telegram refused a call to a chat, from its code and description (see {@link Reason}). */
        Reason reason(long chatId) {
            if (migrateTo != null) {
                return Reason.MIGRATED;
            }
            return Reason.of(code, description, chatId < 0);
        }

        /** An edit that changed nothing: Telegram answers 400 "message is not modified". */
        boolean notModified() {
            return code == 400 && description.contains("message is not modified");
        }
    }

    /**
     * Why Telegram refused a call for good, read from its code and description as the Bot API server words them
     * (the descriptions are not a documented contract, so anything unrecognised is {@link #OTHER}, and every
     * reason, {@code OTHER} too, is final: none is retried as if it might pass).
     */
    enum Reason {
        /** 403 in a private chat: the person blocked the bot, never started it, or their account is gone. */
        BLOCKED("blocked"),
        /** 403 in a group: the bot was removed (kicked) from it or is no longer a member. */
        REMOVED("removed"),
        /** 400 "chat not found": the chat does not exist (deleted, or an id that never was). */
        CHAT_NOT_FOUND("chat-not-found"),
        /** 400 "not enough rights to send text messages to the chat": the group restricts the bot. */
        NO_RIGHTS("no-rights"),
        /** 400 "message thread not found" or "TOPIC_CLOSED": the forum topic was deleted or closed. */
        TOPIC_GONE("topic-gone"),
        /** 400 "message is too long": more than 4,096 characters after entity parsing (the adapter splits first). */
        TOO_LONG("too-long"),
        /** 400 "BUTTON_DATA_INVALID": a button's callback_data over 64 bytes (the adapter never sends one). */
        BUTTON_DATA("button-data"),
        /** 400 "can't parse entities": HTML Telegram could not read (the adapter escapes every text). */
        BAD_MARKUP("bad-markup"),
        /**
         * 400 "group chat was upgraded to a supergroup chat" with {@code parameters.migrate_to_chat_id}: the message belongs
         * in the supergroup (the adapter sends it there once and moves the community; see {@link TelegramDelivery}).
         */
        MIGRATED("migrated"),
        /** Anything else Telegram refused. */
        OTHER("other");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        /** A short fixed word for metrics and logs. */
        String label() {
            return label;
        }

        /** @param group whether the chat is a group (negative ids); a 403 means the bot was removed there, else blocked */
        static Reason of(int code, String description, boolean group) {
            String text = description == null ? "" : description.toLowerCase(Locale.ROOT);
            if (code == 403) {
                return group ? REMOVED : BLOCKED;
            }
            if (code != 400) {
                return OTHER;
            }
            if (text.contains("chat not found")) {
                return CHAT_NOT_FOUND;
            }
            if (text.contains("not enough rights") || text.contains("chat_write_forbidden") || text.contains("chat_restricted")) {
                return NO_RIGHTS;
            }
            if (text.contains("message thread not found") || text.contains("topic_closed") || text.contains("topic_deleted")) {
                return TOPIC_GONE;
            }
            if (text.contains("message is too long") || text.contains("message_too_long")) {
                return TOO_LONG;
            }
            if (text.contains("button_data_invalid")) {
                return BUTTON_DATA;
            }
            if (text.contains("can't parse entities")) {
                return BAD_MARKUP;
            }
            return OTHER;
        }
    }

    /** Telegram could not be reached or kept failing; trying later may work. */
    static sealed class Unavailable extends RuntimeException permits WaitTooLong {
        private static final long serialVersionUID = 1L;

        Unavailable(String method, Throwable cause) {
            super(method + " failed " + TRANSIENT_TRIES + " times: " + cause.getClass().getSimpleName(), null);
        }

        private Unavailable(String message) {
            super(message, null);
        }
    }

    /** The call would have to wait longer than {@link #MAX_WAIT} for the rate limits or a 429: try at {@link #wait()} from now. */
    static final class WaitTooLong extends Unavailable {
        private static final long serialVersionUID = 1L;
        private final transient Duration wait;

        WaitTooLong(String method, Duration wait) {
            super(method + " would wait " + wait.toSeconds() + " s for Telegram's rate limits");
            this.wait = wait;
        }

        Duration waitFor() {
            return wait;
        }
    }

    private final TelegramClient client;
    private final SendBudget budget;
    private final TelegramSettings.Limits limits;
    private final Sleeper sleeper;

    TelegramApi(TelegramClient client, SendBudget budget, TelegramSettings.Limits limits, Sleeper sleeper) {
        this.client = Objects.requireNonNull(client, "client");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** A call that puts a message into a chat: it takes the chat's slots in the shared budget first. */
    <T> T send(String method, long chatId, Call<T> call) {
        List<SendBudget.Quota> quotas = limits.quotasFor(chatId);
        return execute(method, call, () -> {
            Duration wait = reserve(quotas);
            if (wait.compareTo(MAX_WAIT) > 0) {
                throw new WaitTooLong(method, wait);
            }
            if (!wait.isZero()) {
                pause(wait);
            }
            WireHook.fire();
        }, retryAfter -> hold(limits.chatQuota(chatId), retryAfter));
    }

    /**
     * The slots of a message in the shared budget; while its store is out of reach, none: the message goes out
     * unpaced rather than not at all (a member told "I can't reach my memory" must still hear it), and a 429 from
     * Telegram still slows this sender down.
     */
    private Duration reserve(List<SendBudget.Quota> quotas) {
        try {
            return budget.reserve(quotas);
        } catch (StoreUnavailable e) {
            LOG.debug("the shared send budget is out of reach; sending unpaced");
            return Duration.ZERO;
        }
    }

    private void hold(SendBudget.Quota quota, Duration wait) {
        try {
            budget.hold(quota, wait);
        } catch (StoreUnavailable e) {
            LOG.debug("the shared send budget is out of reach; the 429 holds only this try");
        }
    }

    /**
     * A group's send pacing carried to the supergroup it became: each of its own quotas (the chat's, the group's) is
     * held shut on the new id for as long as the old id's would have made the next message wait. The shared budget
     * keeps one moment per quota (the next slot), so this carries it whole; a replica that carries it again only adds
     * one slot of caution. While the budget is out of reach nothing is carried: the new id's own pacing still holds.
     */
    void carryPacing(long group, long supergroup) {
        List<SendBudget.Quota> old = limits.quotasFor(group);
        List<SendBudget.Quota> now = limits.quotasFor(supergroup);
        try {
            for (int i = 0; i < old.size() && i < now.size(); i++) {
                if (old.get(i).bucket().equals(now.get(i).bucket())) {
                    continue;
                }
                Duration wait = budget.reserve(List.of(old.get(i)));
                if (!wait.isZero()) {
                    budget.hold(now.get(i), wait);
                }
            }
        } catch (StoreUnavailable e) {
            LOG.debug("the shared send budget is out of reach; an upgraded group's pacing starts afresh");
        }
    }

    /** A call that sends no message (menus, look-ups, answering a button): no budget, same error handling. */
    <T> T call(String method, Call<T> call) {
        return execute(method, call, () -> { }, retryAfter -> { });
    }

    private <T> T execute(String method, Call<T> call, Runnable beforeEachTry, Consumer<Duration> on429) {
        int transientFailures = 0;
        while (true) {
            beforeEachTry.run();
            try {
                return call.run(client);
            } catch (TelegramApiRequestException e) {
                int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
                if (code == 429) {
                    Duration retryAfter = Duration.ofSeconds(retryAfter(e));
                    on429.accept(retryAfter);
                    if (retryAfter.compareTo(MAX_WAIT) > 0) {
                        LOG.warn("{}: Telegram answered 429 asking for {} s, longer than a call may wait; giving up this try",
                                method, retryAfter.toSeconds());
                        throw new WaitTooLong(method, retryAfter);
                    }
                    LOG.warn("{}: Telegram answered 429, waiting {} s as it asked, then trying again", method, retryAfter.toSeconds());
                    pause(retryAfter);
                    continue;
                }
                if (code == 400 || code == 401 || code == 403 || code == 404) {
                    throw new Refused(method, code, apiDescription(e), migrateTo(e));
                }
                transientFailures = failedOnce(method, "error " + code, e, transientFailures);
            } catch (TelegramApiException e) {
                transientFailures = failedOnce(method, e.getClass().getSimpleName(), e, transientFailures);
            }
        }
    }

    private int failedOnce(String method, String what, TelegramApiException e, int before) {
        int failures = before + 1;
        if (failures >= TRANSIENT_TRIES) {
            LOG.error("{}: gave up after {} tries ({})", method, failures, what);
            throw new Unavailable(method, e);
        }
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << (failures - 1));
        LOG.warn("{}: {} on try {}, trying again in {} ms", method, what, failures, backoff.toMillis());
        pause(backoff);
        return failures;
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("waiting", e);
        }
    }

    private static int retryAfter(TelegramApiRequestException e) {
        Integer seconds = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
        return seconds == null || seconds < 1 ? 1 : seconds;
    }

    /** {@code parameters.migrate_to_chat_id} of an error (Bot API, "ResponseParameters"), or null. */
    private static Long migrateTo(TelegramApiRequestException e) {
        return e.getParameters() == null ? null : e.getParameters().getMigrateToChatId();
    }

    /** Telegram's description of an error, e.g. "Forbidden: bot was blocked by the user". */
    private static String apiDescription(TelegramApiRequestException e) {
        String response = e.getApiResponse();
        return response == null ? "" : response;
    }
}
