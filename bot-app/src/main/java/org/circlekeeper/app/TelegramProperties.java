package org.circlekeeper.app;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Telegram adapter's settings, under {@code circlekeeper.telegram.*} (or {@code CIRCLEKEEPER_TELEGRAM_*}).
 * Setting the token turns the adapter on (and the console off). {@link #toString()} hides the token and
 * the webhook secret, so the settings can never print them.
 *
 * @param token          the bot's token from BotFather; empty leaves Telegram off
 * @param mode           {@code long-polling} (the default: no public address needed) or {@code webhook}
 * @param webhook        where Telegram posts updates in webhook mode
 * @param apiUrl         the Bot API server: Telegram's, or a self-hosted {@code telegram-bot-api}
 * @param limits         the send limits, shared by all replicas through Redis
 * @param adminCacheTtl  how long a group's administrator list is trusted before Telegram is asked again
 * @param unreachableTtl how long a member who blocked the bot (or never started it) is not written to privately
 * @param workers        threads handling updates (one chat's updates stay in order; chats share the threads)
 */
@ConfigurationProperties("circlekeeper.telegram")
public record TelegramProperties(
        @DefaultValue("") String token,
        @DefaultValue("long-polling") Mode mode,
        @DefaultValue Webhook webhook,
        @DefaultValue("https://api.telegram.org") URI apiUrl,
        @DefaultValue Limits limits,
        @DefaultValue("10m") Duration adminCacheTtl,
        @DefaultValue("30d") Duration unreachableTtl,
        @DefaultValue("8") int workers) {

    /** How updates arrive. */
    public enum Mode { LONG_POLLING, WEBHOOK }

    /**
     * The webhook, for deployments behind a load balancer.
     *
     * @param url    the public HTTPS address Telegram posts to, ending in {@code path}
     * @param secret 1 to 256 characters of A-Z, a-z, 0-9, _ and -; Telegram sends it back in
     *               {@code X-Telegram-Bot-Api-Secret-Token} and requests without it are refused
     * @param path   the path of the endpoint in this application
     */
    public record Webhook(URI url, @DefaultValue("") String secret, @DefaultValue("/telegram/webhook") String path) {
        @Override
        public String toString() {
            return "Webhook[url=" + url + ", secret=" + (secret == null || secret.isEmpty() ? "(none)" : "(hidden)") + ", path=" + path + "]";
        }
    }

    /** Telegram's send limits: a second for the whole bot, a second per chat, a minute per group. */
    public record Limits(@DefaultValue("30") int globalPerSecond, @DefaultValue("1") int chatPerSecond,
                         @DefaultValue("20") int groupPerMinute) {
    }

    /** True when a token is set, so the adapter runs. */
    public boolean enabled() {
        return token != null && !token.isBlank();
    }

    @Override
    public String toString() {
        return "TelegramProperties[token=" + (enabled() ? "(hidden)" : "(none)") + ", mode=" + mode + ", webhook=" + webhook
                + ", apiUrl=" + apiUrl + ", limits=" + limits + ", adminCacheTtl=" + adminCacheTtl
                + ", unreachableTtl=" + unreachableTtl + ", workers=" + workers + "]";
    }
}
