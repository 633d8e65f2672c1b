package org.circlekeeper.redis;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLParameters;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
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
    static final int SUBSCRIBER_TIMEOUT_MILLIS = 10_000;

    private final RedisUrl url;
    private final JedisPool pool;
    private final DefaultJedisClientConfig subscriberConfig;
    private final HostAndPort address;
    private final SettingsCache cache = new SettingsCache(this);

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
        this.address = new HostAndPort(url.host(), url.port());
        // a subscription waits for messages as long as it lives; the cache's pings keep it from looking idle
        this.subscriberConfig = client.socketTimeoutMillis(SUBSCRIBER_TIMEOUT_MILLIS).clientName("circlekeeper-cache").build();
        client.socketTimeoutMillis(TIMEOUT_MILLIS).clientName("circlekeeper");
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(MAX_CONNECTIONS);
        poolConfig.setMaxIdle(MAX_CONNECTIONS);
        poolConfig.setMinIdle(0);
        poolConfig.setMaxWait(BORROW_WAIT);
        poolConfig.setTestOnBorrow(false);
        poolConfig.setTestWhileIdle(true);
        this.pool = new JedisPool(poolConfig, address, client.build());
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

    /**
     * Runs {@code work} on a pooled connection and returns its result; the connection goes back afterwards.
     * Every store of this module goes through here (or {@link #run}), so this is where a Redis that cannot be
     * reached becomes the core's {@link StoreUnavailable}: no connection to be had, a connection refused, broken
     * or timed out, or a Redis that answers but cannot serve now (loading its data, busy with a script, a
     * replica without its primary). Other Jedis failures are defects and pass unchanged.
     *
     * @throws StoreUnavailable when Redis cannot be reached now
     */
    public <T> T call(Function<Jedis, T> work) {
        try (Jedis jedis = borrow()) {
            return work.apply(jedis);
        } catch (JedisConnectionException e) {
            // the idle connections are most likely as broken as this one (Redis restarted or went away):
            // drop them, so that once Redis is back the next call connects afresh instead of failing again
            pool.clear();
            throw unavailable("a Redis call failed on its connection", e);
        } catch (JedisBusyException e) {
            throw unavailable("Redis is busy", e);
        } catch (JedisDataException e) {
            if (isTransient(e)) {
                throw unavailable("Redis cannot serve now", e);
            }
            throw e;
        }
    }

    /**
     * Runs {@code work} on a pooled connection.
     *
     * @throws StoreUnavailable when Redis cannot be reached now (see {@link #call})
     */
    public void run(Consumer<Jedis> work) {
        call(jedis -> {
            work.accept(jedis);
            return null;
        });
    }

    private Jedis borrow() {
        try {
            return pool.getResource();
        } catch (JedisException e) {
            // refused or timed out while connecting, or every connection busy for BORROW_WAIT
            throw unavailable("no Redis connection could be had", e);
        }
    }

    /** Errors Redis answers while it cannot serve for a while; the same command later may well succeed. */
    private static boolean isTransient(JedisDataException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.startsWith("LOADING") || message.startsWith("MASTERDOWN") || message.startsWith("TRYAGAIN")
                || message.startsWith("CLUSTERDOWN");
    }

    private StoreUnavailable unavailable(String what, JedisException cause) {
        // the driver's message may name a key (a member's id); only its type is logged, at debug
        LOG.debug("Redis at {} unavailable: {} ({})", url, what, cause.getClass().getSimpleName());
        return new StoreUnavailable(what, cause);
    }

    /** True when Redis answers PING now; for health checks, so it reports a failure instead of throwing it. */
    public boolean ping() {
        try {
            return "PONG".equals(call(Jedis::ping));
        } catch (StoreUnavailable | JedisException e) {
            LOG.warn("Redis at {} did not answer PING: {}", url, e.toString());
            return false;
        }
    }

    /**
     * Sends {@code commands} as one {@code MULTI}/{@code EXEC} transaction in a single round trip and returns what
     * {@code EXEC} answered, one raw reply per command (decode them with Jedis' {@code BuilderFactory}). Jedis' own
     * {@code multi()} reads the {@code QUEUED} replies before it sends {@code EXEC}: two round trips for one transaction.
     *
     * @throws redis.clients.jedis.exceptions.JedisDataException when Redis refused the transaction
     */
    static List<Object> atomically(Jedis jedis, Consumer<Pipeline> commands) {
        Pipeline pipe = jedis.pipelined();
        pipe.sendCommand(Protocol.Command.MULTI, new String[0]);
        commands.accept(pipe);
        Response<Object> exec = pipe.sendCommand(Protocol.Command.EXEC, new String[0]);
        pipe.sync();
        @SuppressWarnings("unchecked")
        List<Object> replies = (List<Object>) exec.get();
        return replies;
    }

    /** The in-process copy of what every event reads, shared by this connection's stores ({@link SettingsCache}). */
    SettingsCache cache() {
        return cache;
    }

    /** A connection of its own, outside the pool, for a subscription that holds it as long as it lives. */
    Jedis dedicated() {
        return new Jedis(address, subscriberConfig);
    }

    /**
     * Tells every replica's cache (this one's at once) that anything may have changed, as after keys were written or
     * deleted by hand ({@code FLUSHDB}, an operator's edit) rather than through the stores.
     */
    public void forgetCached() {
        cache.dropped(SettingsCache.EVERYTHING);
        run(jedis -> SettingsCache.announce(jedis, SettingsCache.EVERYTHING));
    }

    @Override
    public void close() {
        cache.close();
        if (!pool.isClosed()) {
            pool.close();
            LOG.info("Redis pool to {} closed", url);
        }
    }
}
