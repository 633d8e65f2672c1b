package org.circlekeeper.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLParameters;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.Pool;

/**
 * The pool of connections to Redis that every store of this module shares: made from a {@link RedisTarget} (one
 * node, or the primary a group of Sentinels monitors, followed through failovers by Jedis' own Sentinel support),
 * lends a {@link Jedis} for the length of one piece of work, and answers health checks. The stores cannot tell
 * the shapes apart. Thread-safe; close it once when the application stops.
 */
public final class RedisConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);

    /** Connections one replica may hold at once; a caller waits at most {@link #BORROW_WAIT} for one. */
    public static final int MAX_CONNECTIONS = 16;
    static final Duration BORROW_WAIT = Duration.ofSeconds(2);
    private static final int TIMEOUT_MILLIS = 2_000;
    static final int SUBSCRIBER_TIMEOUT_MILLIS = 10_000;

    /** Set on a thread while it runs {@link #acknowledged} work. */
    private static final ThreadLocal<Boolean> ACKNOWLEDGING = new ThreadLocal<>();

    private final RedisTarget target;
    private final Pool<Jedis> pool;
    private final Acknowledgement acknowledgement;
    /** How to log in to a data node (the primary, or a replica for {@link #onReplicas}). */
    private final JedisClientConfig dataNode;
    private final AtomicLong unacknowledged = new AtomicLong();
    /** How the settings cache's subscription logs in: like a data node, but waiting for messages as long as it lives. */
    private final JedisClientConfig subscriberConfig;
    private final SettingsCache cache = new SettingsCache(this);

    /**
     * Opens a pool to {@code target}. To one node, connections are made when first needed; to a Sentinel setup, the
     * sentinels are asked for the primary now, and one of them must answer.
     *
     * @throws StoreUnavailable when {@code target} is a Sentinel setup and no sentinel answers or knows the primary
     */
    public RedisConnection(RedisTarget target) {
        this(target, Acknowledgement.NONE);
    }

    /**
     * Opens a pool to {@code target} whose {@link #acknowledged} work waits for {@code acknowledgement}'s replicas.
     *
     * @see #RedisConnection(RedisTarget)
     */
    public RedisConnection(RedisTarget target, Acknowledgement acknowledgement) {
        this.target = Objects.requireNonNull(target, "target");
        this.acknowledgement = Objects.requireNonNull(acknowledgement, "acknowledgement");
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(MAX_CONNECTIONS);
        poolConfig.setMaxIdle(MAX_CONNECTIONS);
        poolConfig.setMinIdle(0);
        poolConfig.setMaxWait(BORROW_WAIT);
        poolConfig.setTestOnBorrow(false);
        poolConfig.setTestWhileIdle(true);
        if (target instanceof RedisUrl url) {
            this.dataNode = client(url.user(), url.password(), url.tls()).database(url.database()).clientName("circlekeeper")
                    .build();
            this.subscriberConfig = client(url.user(), url.password(), url.tls()).database(url.database())
                    .socketTimeoutMillis(SUBSCRIBER_TIMEOUT_MILLIS).clientName("circlekeeper-cache").build();
            this.pool = new JedisPool(poolConfig, new HostAndPort(url.host(), url.port()), dataNode);
        } else {
            RedisSentinel sentinel = (RedisSentinel) target;
            this.dataNode = client(sentinel.user(), sentinel.password(), sentinel.tls())
                    .database(sentinel.database()).clientName("circlekeeper").build();
            this.subscriberConfig = client(sentinel.user(), sentinel.password(), sentinel.tls()).database(sentinel.database())
                    .socketTimeoutMillis(SUBSCRIBER_TIMEOUT_MILLIS).clientName("circlekeeper-cache").build();
            JedisClientConfig sentinels = client(sentinel.sentinelUser(), sentinel.sentinelPassword(), sentinel.tls())
                    .clientName("circlekeeper-sentinel").build();
            try {
                this.pool = new JedisSentinelPool(sentinel.masterName(), new LinkedHashSet<>(sentinel.sentinels()), poolConfig,
                        dataNode, sentinels);
            } catch (JedisException e) {
                // Jedis' message names the sentinels and the master, never a password
                throw new StoreUnavailable("no sentinel could say where the Redis primary '" + sentinel.masterName()
                        + "' is: " + e.getMessage(), e);
            }
        }
        LOG.info("Redis pool to {} opened", target);
    }

    private static DefaultJedisClientConfig.Builder client(String user, String password, boolean tls) {
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS)
                .socketTimeoutMillis(TIMEOUT_MILLIS)
                .ssl(tls);
        if (user != null) {
            client.user(user);
        }
        if (password != null) {
            client.password(password);
        }
        if (tls) {
            // Jedis checks the certificate chain but not the host name unless told to
            SSLParameters parameters = new SSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            client.sslParameters(parameters);
        }
        return client;
    }

    /** Parses {@code url} (see {@link RedisUrl#parse(String)}) and opens a pool to it. */
    public static RedisConnection open(String url) {
        return new RedisConnection(RedisUrl.parse(url));
    }

    /** What this pool connects to, passwords hidden in its {@code toString()}. */
    public RedisTarget target() {
        return target;
    }

    /**
     * The shape of Redis this pool sees now: one node and its address, or a Sentinel setup and the address of the
     * primary the sentinels named last (it changes on a failover). Never a password.
     */
    public Topology topology() {
        if (pool instanceof JedisSentinelPool sentinelPool) {
            RedisSentinel sentinel = (RedisSentinel) target;
            return new Topology(Topology.SENTINEL, String.valueOf(sentinelPool.getCurrentHostMaster()), sentinel.masterName());
        }
        RedisUrl url = (RedisUrl) target;
        return new Topology(Topology.SINGLE, new HostAndPort(url.host(), url.port()).toString(), null);
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
            T result = work.apply(jedis);
            if (ACKNOWLEDGING.get() != null) {
                awaitReplicas(jedis);
            }
            return result;
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

    /**
     * Runs {@code write} (store calls, each through {@link #call}) so that each of its Redis calls returns only once
     * {@link Acknowledgement#replicas()} replicas have what it wrote ({@code WAIT}, on the same connection), or the
     * acknowledgement's timeout passed: for the writes that must survive a failover (a check-in, an erasure). The
     * write itself is done either way: a timeout is logged and counted ({@link #unacknowledged()}), never thrown, since
     * the primary has the write and a later read sees it unless the primary is lost before a replica catches up.
     * Without an acknowledgement configured it just runs {@code write}.
     */
    public <T> T acknowledged(Supplier<T> write) {
        if (acknowledgement.replicas() == 0 || ACKNOWLEDGING.get() != null) {
            return write.get();
        }
        ACKNOWLEDGING.set(Boolean.TRUE);
        try {
            return write.get();
        } finally {
            ACKNOWLEDGING.remove();
        }
    }

    /**
     * Runs {@code work} once on each replica the primary lists now ({@code INFO replication}), each on a connection of
     * its own with the data nodes' login; for commands that concern a node's own files, such as a rewrite after an
     * erasure. A replica that cannot be reached or refuses is logged (its address, the error's type) and skipped.
     *
     * @return how many replicas {@code work} ran on
     * @throws StoreUnavailable when the primary cannot be asked
     */
    public int onReplicas(Consumer<Jedis> work) {
        List<HostAndPort> replicas = call(jedis -> replicasIn(jedis.info("replication")));
        int done = 0;
        for (HostAndPort replica : replicas) {
            try (Jedis jedis = new Jedis(replica, dataNode)) {
                work.accept(jedis);
                done++;
            } catch (JedisException e) {
                LOG.warn("Redis replica at {} could not be reached or refused: {}", replica, e.getClass().getSimpleName());
            }
        }
        return done;
    }

    /** The replicas in an {@code INFO replication} answer: lines {@code slave0:ip=10.0.0.5,port=6379,state=online,...}. */
    static List<HostAndPort> replicasIn(String info) {
        List<HostAndPort> replicas = new ArrayList<>();
        for (String line : info.split("\r?\n")) {
            if (!line.matches("slave[0-9]+:.*")) {
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (String pair : line.substring(line.indexOf(':') + 1).split(",")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    fields.put(pair.substring(0, equals), pair.substring(equals + 1).strip());
                }
            }
            String port = fields.getOrDefault("port", "");
            if (fields.containsKey("ip") && port.matches("[0-9]{1,5}")) {
                replicas.add(new HostAndPort(fields.get("ip"), Integer.parseInt(port)));
            }
        }
        return replicas;
    }

    /** How many acknowledged calls ended without every replica they waited for; 0 when none is configured. */
    public long unacknowledged() {
        return unacknowledged.get();
    }

    private void awaitReplicas(Jedis jedis) {
        // WAIT answers only after its timeout when the replicas are slow: the socket must wait that long and then as
        // long as for any answer, or a wait that ran out would break the connection instead of being counted
        long waitMillis = acknowledgement.timeout().toMillis();
        jedis.getConnection().setSoTimeout((int) Math.min(Integer.MAX_VALUE, waitMillis + TIMEOUT_MILLIS));
        long got;
        try {
            got = jedis.waitReplicas(acknowledgement.replicas(), waitMillis);
        } finally {
            jedis.getConnection().rollbackTimeout();
        }
        if (got < acknowledgement.replicas()) {
            unacknowledged.incrementAndGet();
            LOG.warn("a write to Redis at {} reached {} of {} replicas within {} ms; the primary has it", target, got,
                    acknowledgement.replicas(), acknowledgement.timeout().toMillis());
        }
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
        // READONLY: a node that was the primary came back as a replica, and this connection still points at it
        return message.startsWith("LOADING") || message.startsWith("MASTERDOWN") || message.startsWith("TRYAGAIN")
                || message.startsWith("CLUSTERDOWN") || message.startsWith("READONLY");
    }

    private StoreUnavailable unavailable(String what, JedisException cause) {
        // the driver's message may name a key (a member's id); only its type is logged, at debug
        LOG.debug("Redis at {} unavailable: {} ({})", target, what, cause.getClass().getSimpleName());
        return new StoreUnavailable(what, cause);
    }

    /** True when Redis answers PING now; for health checks, so it reports a failure instead of throwing it. */
    public boolean ping() {
        try {
            return "PONG".equals(call(Jedis::ping));
        } catch (StoreUnavailable | JedisException e) {
            LOG.warn("Redis at {} did not answer PING: {}", target, e.toString());
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
        // with Sentinel, the primary of the moment; a failover ends the subscription, which then comes back here
        HostAndPort node = pool instanceof JedisSentinelPool sentinels ? sentinels.getCurrentHostMaster()
                : new HostAndPort(((RedisUrl) target).host(), ((RedisUrl) target).port());
        return new Jedis(node, subscriberConfig);
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
            LOG.info("Redis pool to {} closed", target);
        }
    }

    /**
     * The shape of Redis a connection sees.
     *
     * @param shape      {@value #SINGLE} or {@value #SENTINEL}
     * @param primary    {@code host:port} of the node written to: the one node, or the primary the sentinels named last
     * @param masterName the name the sentinels monitor the primary under; null for one node
     */
    public record Topology(String shape, String primary, String masterName) {
        /** One Redis node. */
        public static final String SINGLE = "single";
        /** A primary monitored by Redis Sentinel. */
        public static final String SENTINEL = "sentinel";
    }

    /**
     * How many replicas must have a write done in {@link #acknowledged} work before it returns, and how long to wait for
     * them ({@code WAIT numreplicas timeout}).
     *
     * @param replicas 0 to wait for none
     * @param timeout  how long a write waits at most; more than zero when {@code replicas} is
     */
    public record Acknowledgement(int replicas, Duration timeout) {
        /** Waits for no replica. */
        public static final Acknowledgement NONE = new Acknowledgement(0, Duration.ZERO);

        public Acknowledgement {
            Objects.requireNonNull(timeout, "timeout");
            if (replicas < 0) {
                throw new IllegalArgumentException("the replicas to wait for are 0 or more, not " + replicas);
            }
            if (replicas > 0 && (timeout.isNegative() || timeout.isZero() || timeout.toMillis() == 0)) {
                throw new IllegalArgumentException("waiting for replicas needs a timeout of a millisecond or more, not " + timeout);
            }
        }
    }
}
