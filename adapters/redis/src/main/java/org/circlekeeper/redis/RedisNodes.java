package org.circlekeeper.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import javax.net.ssl.SSLParameters;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.util.JedisClusterCRC16;
import redis.clients.jedis.util.Pool;

/**
 * Where a {@link RedisConnection} gets its connections: one pool to the one primary (a single node, or the primary
 * Sentinel names), or Jedis' cluster client, which knows which primary serves each hash slot. Each hands out a plain
 * {@link Jedis} on the node that serves a key's slot, so that a store's pipelines, transactions and scripts run there
 * unchanged, and a key of another node's slot is refused by that node ({@code MOVED}) instead of silently served.
 */
sealed interface RedisNodes extends AutoCloseable permits RedisNodes.OnePrimary, RedisNodes.ClusterNodes {

    int TIMEOUT_MILLIS = 2_000;

    /** A connection to the node that serves {@code key}'s hash slot; null for any primary. Close it to give it back. */
    Jedis borrow(String key);

    /**
     * Sends {@code command} once per key, each to the node serving that key's slot, pipelined (one pipeline per node),
     * and returns the answers in the keys' order.
     */
    <T> List<T> perKey(List<String> keys, BiFunction<AbstractPipeline, String, Response<T>> command);

    /** One connection to each primary now; close each. */
    List<Jedis> primaries();

    /** One connection to each primary but the one serving {@code key}'s slot; none outside a cluster. Close each. */
    List<Jedis> otherPrimaries(String key);

    /** The node a subscription should hold a connection to now. */
    HostAndPort subscriberNode();

    /** The shape this sees now. */
    RedisConnection.Topology topology();

    /** Drops idle connections after one broke, so that the next call connects afresh. */
    void clear();

    /** After a MOVED for a key's own slot (a failover or a resharding): learn the slot map again. */
    void renewSlots();

    boolean isClosed();

    @Override
    void close();

    /** The hash slot of {@code key}, hash tag honoured (what Redis Cluster uses: CRC16 modulo 16384). */
    static int slot(String key) {
        return JedisClusterCRC16.getSlot(key);
    }

    private static <T> List<T> collect(AbstractPipeline pipe, List<String> keys,
            BiFunction<AbstractPipeline, String, Response<T>> command) {
        List<Response<T>> answers = new ArrayList<>(keys.size());
        for (String key : keys) {
            answers.add(command.apply(pipe, key));
        }
        pipe.sync();
        List<T> out = new ArrayList<>(keys.size());
        for (Response<T> answer : answers) {
            out.add(answer.get());
        }
        return out;
    }

    /**
     * How to log in to {@code target}'s data nodes: its user and password, its database (a cluster has only 0), TLS, a
     * socket timeout and a client name.
     */
    static JedisClientConfig login(RedisTarget target, int socketTimeoutMillis, String clientName) {
        DefaultJedisClientConfig.Builder login;
        if (target instanceof RedisUrl url) {
            login = client(url.user(), url.password(), url.tls()).database(url.database());
        } else if (target instanceof RedisSentinel sentinel) {
            login = client(sentinel.user(), sentinel.password(), sentinel.tls()).database(sentinel.database());
        } else {
            RedisCluster cluster = (RedisCluster) target;
            login = client(cluster.user(), cluster.password(), cluster.tls());
        }
        return login.socketTimeoutMillis(socketTimeoutMillis).clientName(clientName).build();
    }

    /**
     * Opens the connections to {@code target}: to one node, made when first needed; to a Sentinel setup, after asking the
     * sentinels for the primary; to a cluster, after asking the seed nodes for the slot map.
     *
     * @throws StoreUnavailable when no sentinel, or no seed node, answers
     */
    static RedisNodes open(RedisTarget target, JedisClientConfig dataNode) {
        if (target instanceof RedisUrl url) {
            return new OnePrimary(url, dataNode);
        }
        if (target instanceof RedisSentinel sentinel) {
            return new OnePrimary(sentinel, dataNode);
        }
        return new ClusterNodes((RedisCluster) target, dataNode);
    }

    static JedisPoolConfig poolConfig() {
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(RedisConnection.MAX_CONNECTIONS);
        poolConfig.setMaxIdle(RedisConnection.MAX_CONNECTIONS);
        poolConfig.setMinIdle(0);
        poolConfig.setMaxWait(RedisConnection.BORROW_WAIT);
        poolConfig.setTestOnBorrow(false);
        poolConfig.setTestWhileIdle(true);
        // nothing reads the pools over JMX; registering them would start the platform MBean server at every start (#15)
        poolConfig.setJmxEnabled(false);
        return poolConfig;
    }

    static DefaultJedisClientConfig.Builder client(String user, String password, boolean tls) {
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

    /** One node or a Sentinel-monitored primary: every key on the same node. */
    final class OnePrimary implements RedisNodes {
        private final RedisTarget target;
        private final Pool<Jedis> pool;

        OnePrimary(RedisUrl url, JedisClientConfig dataNode) {
            this.target = url;
            this.pool = new JedisPool(poolConfig(), new HostAndPort(url.host(), url.port()), dataNode);
        }

        OnePrimary(RedisSentinel sentinel, JedisClientConfig dataNode) {
            this.target = sentinel;
            JedisClientConfig sentinels = client(sentinel.sentinelUser(), sentinel.sentinelPassword(), sentinel.tls())
                    .clientName("circlekeeper-sentinel").build();
            try {
                this.pool = new JedisSentinelPool(sentinel.masterName(), new LinkedHashSet<>(sentinel.sentinels()),
                        poolConfig(), dataNode, sentinels);
            } catch (JedisException e) {
                // Jedis' message names the sentinels and the master, never a password
                throw new StoreUnavailable("no sentinel could say where the Redis primary '" + sentinel.masterName()
                        + "' is: " + e.getMessage(), e);
            }
        }

        @Override
        public Jedis borrow(String key) {
            return pool.getResource();
        }

        @Override
        public List<Jedis> primaries() {
            return List.of(pool.getResource());
        }

        @Override
        public List<Jedis> otherPrimaries(String key) {
            return List.of();
        }

        @Override
        public <T> List<T> perKey(List<String> keys, BiFunction<AbstractPipeline, String, Response<T>> command) {
            try (Jedis jedis = pool.getResource()) {
                return RedisNodes.collect(jedis.pipelined(), keys, command);
            }
        }

        @Override
        public HostAndPort subscriberNode() {
            return pool instanceof JedisSentinelPool sentinels ? sentinels.getCurrentHostMaster()
                    : new HostAndPort(((RedisUrl) target).host(), ((RedisUrl) target).port());
        }

        @Override
        public RedisConnection.Topology topology() {
            if (pool instanceof JedisSentinelPool sentinelPool) {
                return new RedisConnection.Topology(RedisConnection.Topology.SENTINEL,
                        String.valueOf(sentinelPool.getCurrentHostMaster()), ((RedisSentinel) target).masterName());
            }
            return new RedisConnection.Topology(RedisConnection.Topology.SINGLE, subscriberNode().toString(), null);
        }

        @Override
        public void clear() {
            pool.clear();
        }

        @Override
        public void renewSlots() {
            // one primary has no slot map
        }

        @Override
        public boolean isClosed() {
            return pool.isClosed();
        }

        @Override
        public void close() {
            pool.close();
        }
    }

    /** A Redis Cluster through Jedis' cluster client: its slot map, and a pool per node. */
    final class ClusterNodes implements RedisNodes {
        private final ClusterConnectionProvider provider;
        private final JedisCluster cluster;
        private final JedisClientConfig dataNode;
        private volatile boolean closed;

        ClusterNodes(RedisCluster target, JedisClientConfig dataNode) {
            this.dataNode = dataNode;
            ConnectionPoolConfig perNode = new ConnectionPoolConfig();
            perNode.setMaxTotal(RedisConnection.MAX_CONNECTIONS);
            perNode.setMaxIdle(RedisConnection.MAX_CONNECTIONS);
            perNode.setMinIdle(0);
            perNode.setMaxWait(RedisConnection.BORROW_WAIT);
            perNode.setTestWhileIdle(true);
            perNode.setJmxEnabled(false);
            try {
                this.provider = new ClusterConnectionProvider(new LinkedHashSet<>(target.seeds()), dataNode, perNode);
            } catch (JedisException e) {
                // Jedis' message names the seed nodes, never a password
                throw new StoreUnavailable("no seed node of the Redis Cluster answered with the slot map: " + e.getMessage(), e);
            }
            // Jedis' cluster client over the same slot map and pools, for whole-cluster commands
            this.cluster = new JedisCluster(provider, 3, Duration.ofMillis(3L * TIMEOUT_MILLIS));
        }

        @Override
        public Jedis borrow(String key) {
            if (key == null) {
                return new Jedis(anyPrimary().getValue().getResource());
            }
            Connection connection = provider.getConnectionFromSlot(slot(key));
            return new Jedis(connection);
        }

        @Override
        public List<Jedis> primaries() {
            return connections(primaryPools());
        }

        @Override
        public List<Jedis> otherPrimaries(String key) {
            Map<String, ConnectionPool> others = primaryPools();
            others.remove(provider.getNode(slot(key)).toString());
            return connections(others);
        }

        private static List<Jedis> connections(Map<String, ConnectionPool> pools) {
            List<Jedis> out = new ArrayList<>();
            try {
                for (ConnectionPool pool : pools.values()) {
                    out.add(new Jedis(pool.getResource()));
                }
            } catch (JedisException e) {
                out.forEach(Jedis::close);
                throw e;
            }
            return out;
        }

        @Override
        public <T> List<T> perKey(List<String> keys, BiFunction<AbstractPipeline, String, Response<T>> command) {
            try (ClusterPipeline pipe = new ClusterPipeline(provider)) {
                return RedisNodes.collect(pipe, keys, command);
            }
        }

        /** The first primary by address; a cluster whose slot map names none cannot be reached now. */
        private Map.Entry<String, ConnectionPool> anyPrimary() {
            Map<String, ConnectionPool> primaries = primaryPools();
            if (primaries.isEmpty()) {
                throw new JedisConnectionException("the Redis Cluster's slot map names no primary now");
            }
            return primaries.entrySet().iterator().next();
        }

        /** The pools of the primaries serving slots in Jedis' slot map, by {@code host:port}, in address order. */
        private Map<String, ConnectionPool> primaryPools() {
            return new TreeMap<>(provider.getPrimaryNodes());
        }

        @Override
        public HostAndPort subscriberNode() {
            // classic PUBLISH reaches every node of a cluster, so a subscription on any primary hears them all
            return HostAndPort.from(anyPrimary().getKey());
        }

        @Override
        public RedisConnection.Topology topology() {
            return new RedisConnection.Topology(RedisConnection.Topology.CLUSTER, String.join(",", primaryPools().keySet()),
                    null);
        }

        @Override
        public void clear() {
            provider.getNodes().values().forEach(ConnectionPool::clear);
        }

        @Override
        public void renewSlots() {
            try {
                provider.renewSlotCache();
            } catch (JedisException e) {
                // no node answered: the map is learnt again on the next MOVED or broken connection
                LoggerFactory.getLogger(RedisNodes.class).debug("the Redis Cluster slot map could not be renewed: {}",
                        e.getClass().getSimpleName());
            }
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
            cluster.close();
        }
    }
}
