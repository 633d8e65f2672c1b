package org.circlekeeper.app;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.platform.OrganiserCheck;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.discord.DiscordAdapter;
import org.circlekeeper.discord.DiscordEventMirror;
import org.circlekeeper.discord.DiscordMessenger;
import org.circlekeeper.discord.DiscordPresence;
import org.circlekeeper.discord.RequestPace;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisRateLimiter;
import org.circlekeeper.redis.RedisRoster;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The Discord adapter, when a bot token is configured ({@code circlekeeper.discord.token}): its
 * messenger joins the bot's messengers and its event list (the server's Events, where circles show)
 * the bot's event mirrors, its voice channels' presence the bot's place presences, it connects once the bot is assembled and disconnects on shutdown, and its
 * shards' state shows under {@code /actuator/health} as {@code discord}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DiscordConfiguration.TokenSet.class)
@EnableConfigurationProperties(DiscordProperties.class)
class DiscordConfiguration {

    @Bean
    DiscordAdapter discordAdapter(DiscordProperties properties, RedisConnection redis, Clock clock) {
        return new DiscordAdapter(properties.settings(), pace(redis), clock, new RedisRoster(redis));
    }

    /**
     * The bot's global request pace, one for all replicas on the Redis rate limiter: Discord's global limit counts
     * every request of the bot, whichever replica sends it.
     */
    static RequestPace pace(RedisConnection redis) {
        return RequestPace.shared(new RedisRateLimiter(redis, Platform.DISCORD), RequestPace.PER_SECOND);
    }

    /** Whether a member organises a server now, for the organisers' page (Manage Server or the configured role). */
    @Bean
    OrganiserCheck discordOrganisers(DiscordAdapter adapter) {
        return adapter.organiserCheck();
    }

    @Bean
    DiscordMessenger discordMessenger(DiscordAdapter adapter) {
        return adapter.messenger();
    }

    @Bean
    DiscordEventMirror discordEvents(DiscordAdapter adapter) {
        return adapter.events();
    }

    /** Who is in a voice or stage channel: a share circle run in its text chat follows them. */
    @Bean
    DiscordPresence discordPresence(DiscordAdapter adapter) {
        return adapter.presence();
    }

    @Bean
    DiscordConnection discordConnection(DiscordAdapter adapter, Bot.Assembly bot, CirclekeeperProperties properties) {
        return new DiscordConnection(adapter, bot, properties);
    }

    @Bean("discord")
    DiscordHealthIndicator discordHealth(DiscordAdapter adapter) {
        return new DiscordHealthIndicator(adapter);
    }

    /**
     * Connects the adapter when the application starts and disconnects it when it stops. While
     * connected it holds one non-daemon thread, so the application keeps running without a web port.
     */
    static final class DiscordConnection implements SmartLifecycle {
        private final DiscordAdapter adapter;
        private final Bot.Assembly bot;
        private final CirclekeeperProperties properties;
        private volatile CountDownLatch running;

        DiscordConnection(DiscordAdapter adapter, Bot.Assembly bot, CirclekeeperProperties properties) {
            this.adapter = adapter;
            this.bot = bot;
            this.properties = properties;
        }

        @Override
        public void start() {
            adapter.start(bot.engine(), properties.defaults().locale());
            CountDownLatch latch = new CountDownLatch(1);
            Thread keepAlive = new Thread(() -> {
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "discord-keep-alive");
            keepAlive.setDaemon(false);
            keepAlive.start();
            running = latch;
        }

        @Override
        public void stop() {
            adapter.close();
            CountDownLatch latch = running;
            running = null;
            if (latch != null) {
                latch.countDown();
            }
        }

        @Override
        public boolean isRunning() {
            return running != null;
        }
    }

    /** True when a non-blank Discord token is configured. */
    static final class TokenSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return in(context.getEnvironment());
        }

        static boolean in(Environment environment) {
            String token = environment.getProperty("circlekeeper.discord.token");
            return token != null && !token.isBlank();
        }
    }
}
