package org.circlekeeper.app;

import java.net.URI;
import java.time.Clock;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.platform.OrganiserCheck;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.redis.RedisAdapterState;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisHeldCommands;
import org.circlekeeper.redis.RedisOnceMarks;
import org.circlekeeper.telegram.TelegramBot;
import org.circlekeeper.telegram.TelegramConnection;
import org.circlekeeper.telegram.TelegramMessenger;
import org.circlekeeper.telegram.TelegramSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * The Telegram adapter, when {@code circlekeeper.telegram.token} is set: its messenger joins the core's
 * messengers, the bot connects at start-up (long polling, or registering the webhook that
 * {@link TelegramWebhookController} serves), and its state (update log, admin cache, reachability, send
 * budget: the core's platform ports) lives in Redis, shared by every replica. It keeps the core's one clock,
 * which is real time whenever Telegram is connected ({@link TimeChoice}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramConfiguration.Wanted.class)
@EnableConfigurationProperties(TelegramProperties.class)
class TelegramConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramConfiguration.class);

    /** True when a Telegram token is configured. */
    static final class Wanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return in(context.getEnvironment());
        }

        static boolean in(Environment environment) {
            String token = environment.getProperty("circlekeeper.telegram.token");
            return token != null && !token.isBlank();
        }
    }

    /** True when Telegram runs in webhook mode. */
    static final class WebhookWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return in(context.getEnvironment());
        }

        static boolean in(Environment environment) {
            String mode = environment.getProperty("circlekeeper.telegram.mode", "");
            return Wanted.in(environment) && mode.strip().replace('_', '-').equalsIgnoreCase("webhook");
        }
    }

    @Bean(destroyMethod = "close")
    TelegramConnection telegramConnection(TelegramProperties properties, RedisConnection redis, Clock clock,
                                          Environment environment) {
        TelegramSettings settings = settings(properties);
        if (settings.webhook() && environment.getProperty(WebPortEnvironmentPostProcessor.PORT, "").isBlank()) {
            throw new IllegalStateException("Telegram webhook mode needs a web port for its endpoint: set circlekeeper.web.port "
                    + "(CIRCLEKEEPER_WEB_PORT)");
        }
        LOG.info("adapter: Telegram, {}", settings.webhook() ? "webhook at " + properties.webhook().path() : "long polling");
        return new TelegramConnection(settings, RedisAdapterState.create(redis, Platform.TELEGRAM), clock);
    }

    @Bean
    TelegramMessenger telegramMessenger(TelegramConnection connection) {
        return connection.messenger();
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    TelegramBot telegramBot(TelegramConnection connection, Engine engine, RedisConnection redis,
                            CirclekeeperProperties properties) {
        return new TelegramBot(connection, engine, new RedisHeldCommands(redis), new RedisOnceMarks(redis),
                properties.defaults().locale());
    }

    /** Whether a member organises a group now, for the organisers' page: its administrators, as in chat. */
    @Bean
    OrganiserCheck telegramOrganisers(TelegramBot bot) {
        return bot.organiserCheck();
    }

    static TelegramSettings settings(TelegramProperties properties) {
        URI api = properties.apiUrl();
        int port = api.getPort() > 0 ? api.getPort() : "https".equals(api.getScheme()) ? 443 : 80;
        TelegramSettings.Limits limits = new TelegramSettings.Limits(properties.limits().globalPerSecond(),
                properties.limits().chatPerSecond(), properties.limits().groupPerMinute());
        TelegramSettings settings = new TelegramSettings(properties.token().strip(), new TelegramUrl(api.getScheme(), api.getHost(), port, false),
                null, null, limits, properties.adminCacheTtl(), properties.unreachableTtl(), properties.workers());
        if (properties.mode() == TelegramProperties.Mode.WEBHOOK) {
            if (properties.webhook().url() == null) {
                throw new IllegalStateException("Telegram webhook mode needs circlekeeper.telegram.webhook.url "
                        + "(CIRCLEKEEPER_TELEGRAM_WEBHOOK_URL): the public https:// address of "
                        + properties.webhook().path());
            }
            settings = settings.withWebhook(properties.webhook().url(), properties.webhook().secret());
        }
        return settings;
    }
}
