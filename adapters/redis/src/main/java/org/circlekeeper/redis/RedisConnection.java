package org.circlekeeper.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The connections to Redis that every store of this module shares: made from a {@link RedisTarget} (one node, the
 * primary a group of Sentinels monitors, followed through failovers by Jedis' own Sentinel support, or a Redis
 * Cluster through Jedis' cluster client), lends a {@link Jedis} for the length of one piece of work, and answers
 * health checks. A piece of work names the key whose hash slot it works in ({@link #call(String, Function)}); on a
 * cluster it runs on the primary serving that slot, elsewhere on the one primary, so the stores cannot tell the
 * shapes apart. A key of another node's slot fails loudly ({@link CrossSlot}). Thread-safe; close it once when the
 * application stops.
 */
public final class RedisConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);

    /** Connections one replica may hold at once; a caller waits at most {@link #BORROW_WAIT} for one. */
    public static final int MAX_CONNECTIONS = 16;
    static final Duration BORROW_WAIT = Duration.ofSeconds(2);
    private static final int TIMEOUT_MILLIS = RedisNodes.TIMEOUT_MILLIS;
    static final int SUBSCRIBER_TIMEOUT_MILLIS = 10_000;


    private final RedisTarget target;
    private final RedisNodes nodes;
    private final ReplicaWaits waits;
    /** How to log in to a data node (the primary, or a replica for {@link #onReplicas}). */
    private final JedisClientConfig dataNode;
    private final RedisSubscriptions subscriptions;
    private final SettingsCache cache;
    private final RedisFailures failures;
    private final OtherNodes otherNodes;

    /**
     * Opens connections to {@code target}. To one node, they are made when first needed; to a Sentinel setup, the
     * sentinels are asked for the primary now, and one of them must answer; to a cluster, the seed nodes are asked for
     * the slot map now, and one of them must answer.
     *
     * @throws StoreUnavailable when no sentinel, or no seed node, answers
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
        this.waits = new ReplicaWaits(target, acknowledgement, TIMEOUT_MILLIS);
        this.dataNode = RedisNodes.login(target, RedisNodes.TIMEOUT_MILLIS, "circlekeeper");
        this.nodes = RedisNodes.open(target, dataNode);
        // a subscription logs in like a data node, under a name of its own
        this.subscriptions = new RedisSubscriptions(nodes,
                RedisNodes.login(target, SUBSCRIBER_TIMEOUT_MILLIS, "circlekeeper-subscriber"));
        this.cache = new SettingsCache(this);
        this.failures = new RedisFailures(target, nodes);
        this.otherNodes = new OtherNodes(this, nodes, dataNode);
        LOG.info("Redis connections to {} opened", target);
    }

    /** Parses {@code url} (see {@link RedisUrl#parse(String)}) and opens a pool to it. */
    public static RedisConnection open(String url) {
        return new RedisConnection(RedisUrl.parse(url));
    }

    /** True when every key is on one node (not a cluster), so one pipeline may touch keys of any slot. */
    public boolean oneNode() {
        return !(nodes instanceof RedisNodes.ClusterNodes);
    }

    /** What this pool connects to, passwords hidden in its {@code toString()}. */
    public RedisTarget target() {
        return target;
    }

    /**
     * The shape of Redis this sees now: one node and its address, a Sentinel setup and the address of the primary the
     * sentinels named last (it changes on a failover), or a cluster and the primaries in its slot map. Never a password.
     */
    public Topology topology() {
        return nodes.topology();
    }

    /**
     * Runs {@code work} on a pooled connection to the primary that serves {@code key}'s hash slot and returns its
     * result; the connection goes back afterwards. Every key {@code work} touches must share that slot (one hash tag):
     * on a cluster, a key of another node's slot fails with {@link CrossSlot}, and a transaction or script across slots
     * with Redis' own {@code CROSSSLOT}. Every store of this module goes through here, so this is where a Redis that
     * cannot be reached becomes the core's {@link StoreUnavailable}: no connection to be had, a connection refused,
     * broken or timed out, or a Redis that answers but cannot serve now (loading its data, busy with a script, a
     * replica without its primary, a slot moving). Other Jedis failures are defects and pass unchanged.
     *
     * @throws StoreUnavailable when Redis cannot be reached now
     */
    public <T> T call(String key, Function<Jedis, T> work) {
        Objects.requireNonNull(key, "key");
        return on(key, work);
    }

    /**
     * Runs {@code work} on the one primary, for work that names no key of its own; refused on a cluster, where work
     * must say whose slot it runs in ({@link #call(String, Function)}), or run on {@link #anyNode} or
     * {@link #onPrimaries}.
     *
     * @throws StoreUnavailable      when Redis cannot be reached now
     * @throws IllegalStateException on a cluster
     */
    public <T> T call(Function<Jedis, T> work) {
        if (nodes instanceof RedisNodes.ClusterNodes) {
            throw new IllegalStateException("on a Redis Cluster every piece of work names the key whose slot it runs in");
        }
        return on(null, work);
    }

    /**
     * Runs {@code work}, which reads or writes no key (PING, PUBLISH), on any primary.
     *
     * @throws StoreUnavailable when Redis cannot be reached now
     */
    public <T> T anyNode(Function<Jedis, T> work) {
        return on(null, work);
    }

    /**
     * Runs {@code work} once on each primary, each on a pooled connection: for what concerns every node's own keys or
     * files ({@code SCAN}, {@code FLUSHDB}, a rewrite of the append-only file). One primary outside a cluster.
     *
     * @return what each primary's run returned, in the primaries' address order
     * @throws StoreUnavailable when a primary cannot be reached now
     */
    public <T> List<T> onPrimaries(Function<Jedis, T> work) {
        List<Jedis> primaries;
        try {
            primaries = nodes.primaries();
        } catch (JedisException e) {
            throw failures.unavailable("no Redis connection could be had", e);
        }
        List<T> out = new ArrayList<>();
        try {
            for (Jedis jedis : primaries) {
                out.add(failures.guarded(null, () -> work.apply(jedis)));
            }
        } finally {
            primaries.forEach(Jedis::close);
        }
        return out;
    }

    /**
     * Sends {@code command} once for each of {@code keys}, which may lie in different hash slots (one member's key
     * each, say), pipelined: on a cluster through Jedis' cluster pipeline, one pipeline per node; elsewhere one
     * pipeline to the primary. The answers come back in the keys' order. For reads, or writes each of one key.
     *
     * @throws StoreUnavailable when Redis cannot be reached now
     */
    public <T> List<T> perKey(List<String> keys, BiFunction<AbstractPipeline, String, Response<T>> command) {
        if (keys.isEmpty()) {
            return List.of();
        }
        try {
            return failures.guarded(null, () -> nodes.perKey(keys, command));
        } catch (JedisDataException e) {
            // a defect Redis answered (the guard let it through): not a connection to be had
            throw e;
        } catch (JedisException e) {
            throw failures.unavailable("no Redis connection could be had", e);
        }
    }

    /**
     * Visits every key matching {@code pattern} with {@code SCAN} on each primary in turn (a cluster's keys are spread
     * over its primaries, and each node scans only its own), a page of at most about {@code count} keys at a time.
     * {@code each} may call this connection again; a key written during the scan may or may not be visited.
     *
     * @throws StoreUnavailable when a primary cannot be reached now
     */
    public void scan(String pattern, int count, Consumer<String> each) {
        ScanParams match = new ScanParams().match(pattern).count(count);
        onPrimaries(jedis -> {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, match);
                page.getResult().forEach(each);
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            return null;
        });
    }

    private <T> T on(String key, Function<Jedis, T> work) {
        Jedis jedis = borrow(key);
        try {
            return failures.guarded(key, () -> {
                T result = work.apply(jedis);
                waits.afterCall(jedis);
                return result;
            });
        } finally {
            jedis.close();
        }
    }

    /**
     * Runs {@code work} on the one primary (see {@link #call(Function)}).
     *
     * @throws StoreUnavailable when Redis cannot be reached now
     */
    public void run(Consumer<Jedis> work) {
        call(jedis -> {
            work.accept(jedis);
            return null;
        });
    }

    /**
     * Runs {@code work} on the primary that serves {@code key}'s slot (see {@link #call(String, Function)}).
     *
     * @throws StoreUnavailable when Redis cannot be reached now
     */
    public void run(String key, Consumer<Jedis> work) {
        call(key, jedis -> {
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
        return waits.acknowledged(write);
    }

    /**
     * Runs {@code work} once on each replica the primaries list now ({@code INFO replication}), each on a connection of
     * its own with the data nodes' login; for commands that concern a node's own files, such as a rewrite after an
     * erasure. A replica that cannot be reached or refuses is logged and skipped.
     *
     * @return how many replicas {@code work} ran on
     * @throws StoreUnavailable when a primary cannot be asked
     */
    public int onReplicas(Consumer<Jedis> work) {
        return otherNodes.onReplicas(work);
    }

    /**
     * Runs {@code work} once on each primary of a cluster but the one serving {@code key}'s slot; nowhere outside a
     * cluster. A primary that cannot be reached or refuses is logged and skipped.
     *
     * @return how many other primaries {@code work} ran on
     */
    public int onOtherPrimaries(String key, Consumer<Jedis> work) {
        return otherNodes.onOtherPrimaries(key, work);
    }

    /** How many acknowledged calls ended without every replica they waited for; 0 when none is configured. */
    public long unacknowledged() {
        return waits.missed();
    }

    private Jedis borrow(String key) {
        try {
            return nodes.borrow(key);
        } catch (JedisException e) {
            // refused or timed out while connecting, or every connection busy for BORROW_WAIT
            throw failures.unavailable("no Redis connection could be had", e);
        }
    }

    /**
     * True when Redis answers PING now: the one primary, or every primary of a cluster (a cluster with a primary down
     * cannot serve that primary's slots). For health checks, so it reports a failure instead of throwing it.
     */
    public boolean ping() {
        try {
            return onPrimaries(Jedis::ping).stream().allMatch("PONG"::equals);
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

    /** The long-lived subscriptions on this connection: where they connect, and how each is doing (for readiness). */
    public RedisSubscriptions subscriptions() {
        return subscriptions;
    }

    /**
     * Tells every replica's cache (this one's at once) that anything may have changed, as after keys were written or
     * deleted by hand ({@code FLUSHDB}, an operator's edit) rather than through the stores.
     */
    public void forgetCached() {
        cache.dropped(SettingsCache.EVERYTHING);
        anyNode(jedis -> {
            SettingsCache.announce(jedis, SettingsCache.EVERYTHING);
            return null;
        });
    }

    @Override
    public void close() {
        cache.close();
        if (!nodes.isClosed()) {
            nodes.close();
            LOG.info("Redis connections to {} closed", target);
        }
    }

    /**
     * The shape of Redis a connection sees.
     *
     * @param shape      {@value #SINGLE}, {@value #SENTINEL} or {@value #CLUSTER}
     * @param primary    {@code host:port} of the node written to: the one node, or the primary the sentinels named last;
     *                   on a cluster, every primary in the slot map, comma-separated
     * @param masterName the name the sentinels monitor the primary under; null for one node
     */
    public record Topology(String shape, String primary, String masterName) {
        /** One Redis node. */
        public static final String SINGLE = "single";
        /** A primary monitored by Redis Sentinel. */
        public static final String SENTINEL = "sentinel";
        /** A Redis Cluster: the keys spread over several primaries by hash slot. */
        public static final String CLUSTER = "cluster";
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
