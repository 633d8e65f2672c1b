package org.circlekeeper.redis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Work on the nodes a {@link RedisConnection}'s stores never write to directly, for what concerns each node's own
 * files (a rewrite after an erasure): the replicas each primary lists, and a cluster's other primaries.
 */
final class OtherNodes {

    private static final Logger LOG = LoggerFactory.getLogger(OtherNodes.class);

    private final RedisConnection redis;
    private final RedisNodes nodes;
    private final JedisClientConfig dataNode;

    OtherNodes(RedisConnection redis, RedisNodes nodes, JedisClientConfig dataNode) {
        this.redis = redis;
        this.nodes = nodes;
        this.dataNode = dataNode;
    }

    /**
     * Runs {@code work} once on each replica the primaries list now ({@code INFO replication}), each on a connection of
     * its own with the data nodes' login; for commands that concern a node's own files, such as a rewrite after an
     * erasure. A replica that cannot be reached or refuses is logged (its address, the error's type) and skipped.
     *
     * @return how many replicas {@code work} ran on
     * @throws StoreUnavailable when the primary cannot be asked
     */
    int onReplicas(Consumer<Jedis> work) {
        List<HostAndPort> replicas = new ArrayList<>();
        redis.onPrimaries(jedis -> replicas.addAll(replicasIn(jedis.info("replication"))));
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

    /**
     * Runs {@code work} once on each primary of a cluster but the one serving {@code key}'s slot, each on a pooled
     * connection; nowhere outside a cluster. For what concerns each node's own files. A primary that cannot be reached or
     * refuses is logged (its type of error) and skipped.
     *
     * @return how many other primaries {@code work} ran on
     */
    int onOtherPrimaries(String key, Consumer<Jedis> work) {
        List<Jedis> others;
        try {
            others = nodes.otherPrimaries(key);
        } catch (JedisException e) {
            LOG.warn("the other Redis Cluster primaries could not be reached: {}", e.getClass().getSimpleName());
            return 0;
        }
        int done = 0;
        try {
            for (Jedis jedis : others) {
                try {
                    work.accept(jedis);
                    done++;
                } catch (JedisException e) {
                    LOG.warn("a Redis Cluster primary could not be reached or refused: {}", e.getClass().getSimpleName());
                }
            }
        } finally {
            others.forEach(Jedis::close);
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

}
