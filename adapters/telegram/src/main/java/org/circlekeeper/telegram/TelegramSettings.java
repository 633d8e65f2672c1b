package org.circlekeeper.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.circlekeeper.core.platform.SendBudget;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * How the adapter talks to Telegram: the bot's token (never logged: {@link #toString()} hides it), the Bot
 * API server (Telegram's, or a fake on 127.0.0.1 in tests), long polling or a webhook, the send limits and
 * the lifetimes of what it caches.
 *
 * @param webhookUrl      the public HTTPS address Telegram posts updates to; null for long polling
 * @param webhookSecret   the secret Telegram sends back in {@code X-Telegram-Bot-Api-Secret-Token}; required with a webhook
 * @param workers         how many threads handle updates (one chat's updates in order, chats on any free thread; see ChatWorkers)
 */
public record TelegramSettings(String token, TelegramUrl apiUrl, URI webhookUrl, String webhookSecret, Limits limits,
                               Duration adminCacheTtl, Duration unreachableTtl, int workers) {

    /** The secret Telegram accepts: 1 to 256 characters of A-Z, a-z, 0-9, _ and -. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    public TelegramSettings {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a Telegram bot token is needed (BotFather gives it)");
        }
        if (token.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
            throw new IllegalArgumentException("the Telegram bot token looks damaged: it holds a space or a slash");
        }
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(adminCacheTtl, "adminCacheTtl");
        Objects.requireNonNull(unreachableTtl, "unreachableTtl");
        if (webhookUrl != null) {
            if (webhookSecret == null || !SECRET.matcher(webhookSecret).matches()) {
                throw new IllegalArgumentException("a webhook needs a secret of 1 to 256 letters, digits, _ or - "
                        + "(Telegram sends it back with every update, so strangers cannot post fake ones)");
            }
            if (!"https".equals(webhookUrl.getScheme())) {
                throw new IllegalArgumentException("Telegram only posts updates to an https:// webhook address");
            }
        }
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker thread handles updates");
        }
    }

    /** Long polling against Telegram's own servers, with the documented limits. */
    public static TelegramSettings longPolling(String token) {
        return new TelegramSettings(token, TelegramUrl.DEFAULT_URL, null, null, Limits.TELEGRAM, Duration.ofMinutes(10),
                Duration.ofDays(30), 8);
    }

    public boolean webhook() {
        return webhookUrl != null;
    }

    public TelegramSettings withApiUrl(TelegramUrl url) {
        return new TelegramSettings(token, url, webhookUrl, webhookSecret, limits, adminCacheTtl, unreachableTtl, workers);
    }

    public TelegramSettings withWebhook(URI url, String secret) {
        return new TelegramSettings(token, apiUrl, url, secret, limits, adminCacheTtl, unreachableTtl, workers);
    }

    public TelegramSettings withLimits(Limits newLimits) {
        return new TelegramSettings(token, apiUrl, webhookUrl, webhookSecret, newLimits, adminCacheTtl, unreachableTtl, workers);
    }

    public TelegramSettings withAdminCacheTtl(Duration ttl) {
        return new TelegramSettings(token, apiUrl, webhookUrl, webhookSecret, limits, ttl, unreachableTtl, workers);
    }

    @Override
    public String toString() {
        return "TelegramSettings[token=(hidden), api=" + apiUrl.getSchema() + "://" + apiUrl.getHost() + ":" + apiUrl.getPort()
                + ", mode=" + (webhook() ? "webhook" : "long polling") + ", limits=" + limits + "]";
    }

    /**
     * Telegram's send limits: messages a second for the whole bot, a second to one chat, a minute to one
     * group. Each is kept as evenly spaced slots (no bursts), the safe reading of "about N per period".
     */
    public record Limits(int globalPerSecond, int chatPerSecond, int groupPerMinute) {

        /** The share of each limit the bot paces itself to (28.8 messages a second of Telegram's 30). */
        public static final double PACE = 0.96;

        /** The limits Telegram documents: 30 a second overall, 1 a second per chat, 20 a minute per group. */
        public static final Limits TELEGRAM = new Limits(30, 1, 20);

        public Limits {
            if (globalPerSecond < 1 || chatPerSecond < 1 || groupPerMinute < 1) {
                throw new IllegalArgumentException("every send limit allows at least one message per period");
            }
        }

        /** The quotas one message to this chat takes: the bot's, the chat's, and the group's for a group. */
        public List<SendBudget.Quota> quotasFor(long chatId) {
            List<SendBudget.Quota> quotas = new ArrayList<>(3);
            quotas.add(new SendBudget.Quota("global", interval(Duration.ofSeconds(1), globalPerSecond), 1));
            quotas.add(chatQuota(chatId));
            if (chatId < 0) {
                quotas.add(new SendBudget.Quota("group:" + chatId, interval(Duration.ofMinutes(1), groupPerMinute), 1));
            }
            return quotas;
        }

        /** The quota of one chat alone (held when Telegram says that chat is sent too much). */
        public SendBudget.Quota chatQuota(long chatId) {
            return new SendBudget.Quota("chat:" + chatId, interval(Duration.ofSeconds(1), chatPerSecond), 1);
        }

        /**
         * The spacing of {@code count} sends in {@code period}, at {@link #PACE} of the limit: the margin keeps the
         * jitter between taking a slot and the request's arrival at Telegram (a thread or the network held up) from
         * putting one send too many into a window Telegram counts.
         */
        private static Duration interval(Duration period, int count) {
            return Duration.ofNanos((long) Math.ceil(period.toNanos() / (count * PACE)));
        }
    }
}
