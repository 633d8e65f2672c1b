package org.circlekeeper.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The pool of connections to one Redis that every store of this module shares: made from a {@link
 * RedisUrl}, lends a {@link Jedis} for the length of one piece of work, and answers health checks.
 * Thread-safe; close it once when the application stops.
 */
public final class RedisConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);

    /** Connections one replica may hold at once; a caller waits at most {@link #BORROW_WAIT} for one. */
    public static final int MAX_CONNECTIONS = 16;
    static final Duration BORROW_WAIT = Duration.ofSeconds(2);
    private static final int TIMEOUT_MILLIS = 2_000;

    private final RedisUrl url;
    private final JedisPool pool;

    /** Opens a pool to the Redis at {@code url}; connections are made when first needed. */
    public RedisConnection(RedisUrl url) {
        this.url = Objects.requireNonNull(url, "url");
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS)
                .socketTimeoutMillis(TIMEOUT_MILLIS)
                .database(url.database())
                .clientName("circlekeeper")
                .ssl(url.tls());
        if (url.user() != null) {
            client.user(url.user());
        }
        if (url.password() != null) {
            client.password(url.password());
        }
        if (url.tls()) {
            // Jedis checks the certificate chain but not the host name unless told to
            SSLParameters tls = new SSLParameters();
            tls.setEndpointIdentificationAlgorithm("HTTPS");
            client.sslParameters(tls);
        }
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(MAX_CONNECTIONS);
        poolConfig.setMaxIdle(MAX_CONNECTIONS);
        poolConfig.setMinIdle(0);
        poolConfig.setMaxWait(BORROW_WAIT);
        poolConfig.setTestOnBorrow(false);
        poolConfig.setTestWhileIdle(true);
        this.pool = new JedisPool(poolConfig, new HostAndPort(url.host(), url.port()), client.build());
        LOG.info("Redis pool to {} opened", url);
    }

    /** Parses {@code url} (see {@link RedisUrl#parse(String)}) and opens a pool to it. */
    public static RedisConnection open(String url) {
        return new RedisConnection(RedisUrl.parse(url));
    }

    /** Where this pool connects, password hidden in its {@code toString()}. */
    public RedisUrl url() {
        return url;
    }

    /** Runs {@code work} on a pooled connection and returns its result; the connection goes back afterwards. */
    public <T> T call(Function<Jedis, T> work) {
        try (Jedis jedis = pool.getResource()) {
            return work.apply(jedis);
        }
    }

    /** Runs {@code work} on a pooled connection. */
    public void run(Consumer<Jedis> work) {
        try (Jedis jedis = pool.getResource()) {
            work.accept(jedis);
        }
    }

    /** True when Redis answers PING now; for health checks, so it reports a failure instead of throwing it. */
    public boolean ping() {
        try {
            return "PONG".equals(call(Jedis::ping));
        } catch (JedisException e) {
            LOG.warn("Redis at {} did not answer PING: {}", url, e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        if (!pool.isClosed()) {
            pool.close();
            LOG.info("Redis pool to {} closed", url);
        }
    }
}
