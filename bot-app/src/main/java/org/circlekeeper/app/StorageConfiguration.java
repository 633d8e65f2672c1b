package org.circlekeeper.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import org.circlekeeper.core.Stores;
import org.circlekeeper.redis.EmbeddedRedis;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisStores;
import org.circlekeeper.redis.RedisUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where state lives: the configured Redis, or an embedded Redis with its data in a local folder
 * when no URL is configured. All stores share one connection pool.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StorageConfiguration.class);

    /** The embedded server, only when no Redis URL is configured (closed on shutdown). */
    @Bean(destroyMethod = "close")
    EmbeddedRedisHolder embeddedRedis(CirclekeeperProperties properties) {
        if (!properties.redis().embeddedWanted()) {
            return new EmbeddedRedisHolder(null);
        }
        CirclekeeperProperties.Embedded embedded = properties.redis().embedded();
        try {
            Files.createDirectories(embedded.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Redis data folder " + embedded.dataDir(), e);
        }
        EmbeddedRedis server = EmbeddedRedis.start(embedded.port(), embedded.dataDir());
        LOG.info("store: embedded Redis on 127.0.0.1:{}, data kept in {}", server.port(), embedded.dataDir().toAbsolutePath());
        return new EmbeddedRedisHolder(server);
    }

    @Bean(destroyMethod = "close")
    RedisConnection redisConnection(CirclekeeperProperties properties, ObjectProvider<EmbeddedRedisHolder> embedded) {
        RedisUrl url = properties.redis().embeddedWanted()
                ? embedded.getObject().server().url()
                : RedisUrl.parse(properties.redis().url());
        RedisConnection connection = new RedisConnection(url);
        if (!properties.redis().embeddedWanted()) {
            LOG.info("store: Redis at {} ({})", url.host() + ":" + url.port(), connection.ping() ? "answering" : "NOT answering yet");
        }
        return connection;
    }

    @Bean
    Stores stores(RedisConnection redis, Clock clock) {
        Stores stores = RedisStores.create(redis, clock);
        LOG.info("store: settings, wording, button tokens, pending forms, due jobs, resources, circles and check-ins in Redis");
        return stores;
    }

    /** Holds the embedded server, if one runs, so that Spring closes it after the connection pool. */
    record EmbeddedRedisHolder(EmbeddedRedis server) implements AutoCloseable {
        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
