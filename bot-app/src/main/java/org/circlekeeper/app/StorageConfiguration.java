package org.circlekeeper.app;

import java.nio.file.Path;
import java.time.Clock;
import org.circlekeeper.core.Stores;
import org.circlekeeper.redis.EmbeddedRedis;
import org.circlekeeper.redis.RedisCluster;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisErasureFlush;
import org.circlekeeper.redis.RedisMemberSettingsStore;
import org.circlekeeper.redis.RedisPasswordFile;
import org.circlekeeper.redis.RedisSentinel;
import org.circlekeeper.redis.RedisStores;
import org.circlekeeper.redis.RedisTarget;
import org.circlekeeper.redis.RedisUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where state lives: the configured Redis (one node, a Sentinel-monitored primary or a Redis Cluster), or an embedded Redis with its
 * data in a local folder when neither is configured. All stores share one connection pool and cannot tell the shapes apart.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StorageConfiguration.class);
    /** The embedded Redis's password file, beside its data folder (and {@code note.key}). */
    static final String REDIS_PASSWORD_FILE = "redis.password";

    /** The embedded server, only when no Redis URL is configured (closed on shutdown). */
    @Bean(destroyMethod = "close")
    EmbeddedRedisHolder embeddedRedis(CirclekeeperProperties properties) {
        if (!properties.redis().embeddedWanted()) {
            return new EmbeddedRedisHolder(null);
        }
        CirclekeeperProperties.Embedded embedded = properties.redis().embedded();
        // the folder (0700) and its files (0600) are the server's to make private; the password lives beside note.key
        Path passwordFile = embedded.dataDir().toAbsolutePath().normalize().resolveSibling(REDIS_PASSWORD_FILE);
        EmbeddedRedis server = EmbeddedRedis.start(embedded.port(), embedded.dataDir(), RedisPasswordFile.loadOrCreate(passwordFile));
        LOG.info("store: embedded Redis on 127.0.0.1:{} with the password in {}, data kept in {}", server.port(), passwordFile,
                embedded.dataDir().toAbsolutePath());
        return new EmbeddedRedisHolder(server);
    }

    @Bean(destroyMethod = "close")
    RedisConnection redisConnection(CirclekeeperProperties properties, ObjectProvider<EmbeddedRedisHolder> embedded) {
        CirclekeeperProperties.Redis redis = properties.redis();
        RedisTarget target = redis.embeddedWanted() ? embedded.getObject().server().url()
                : redis.sentinel().wanted() ? sentinel(redis.sentinel())
                : redis.cluster().wanted() ? cluster(redis.cluster())
                : RedisUrl.parse(redis.url());
        // with Sentinel, a check-in or an erasure is confirmed once a replica has it too (see bench/README.md)
        RedisConnection connection = new RedisConnection(target, redis.sentinel().wanted()
                ? new RedisConnection.Acknowledgement(redis.sentinel().acknowledgeReplicas(), redis.sentinel().acknowledgeTimeout())
                : RedisConnection.Acknowledgement.NONE);
        if (!redis.embeddedWanted()) {
            RedisConnection.Topology topology = connection.topology();
            LOG.info("store: Redis ({}) with its primary at {} ({})", topology.shape(), topology.primary(),
                    connection.ping() ? "answering" : "NOT answering yet");
        }
        return connection;
    }

    /** The Sentinel setup the properties describe. */
    static RedisSentinel sentinel(CirclekeeperProperties.Sentinel sentinel) {
        return new RedisSentinel(sentinel.master().strip(), RedisSentinel.parseNodes(sentinel.nodes()), sentinel.user(),
                sentinel.password(), sentinel.sentinelUser(), sentinel.sentinelPassword(), sentinel.database(), sentinel.tls());
    }

    /** The Redis Cluster the properties describe. */
    static RedisCluster cluster(CirclekeeperProperties.Cluster cluster) {
        return new RedisCluster(RedisCluster.parseNodes(cluster.nodes()), cluster.user(), cluster.password(), cluster.tls());
    }

    /**
     * Rewrites Redis's files after erasures (batched, at most once per {@code circlekeeper.redis.erasure-flush-interval}),
     * so that /forgetme reaches the disk; its timer looks every minute and right after an erasure.
     */
    @Bean(destroyMethod = "close")
    RedisErasureFlush erasureFlush(RedisConnection redis, CirclekeeperProperties properties) {
        return new RedisErasureFlush(redis, properties.redis().erasureFlushInterval()).start(RedisErasureFlush.TICK);
    }

    @Bean
    Stores stores(RedisConnection redis, Clock clock, RedisErasureFlush erasureFlush) {
        Stores stores = RedisStores.create(redis, clock, erasureFlush);
        // settings written by earlier versions kept the last-used group forever, lurkers' too: give it its expiry
        RedisMemberSettingsStore.moveLegacyHomes(redis);
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
