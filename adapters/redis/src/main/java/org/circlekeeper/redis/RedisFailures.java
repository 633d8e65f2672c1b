package org.circlekeeper.redis;

import java.util.function.Supplier;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisAskDataException;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisMovedDataException;

/**
 * Where a Jedis failure of one piece of {@link RedisConnection} work becomes what the core understands: a Redis that
 * cannot be reached or serve now becomes {@link StoreUnavailable} (after dropping broken connections, or learning a
 * cluster's slot map again), a key of another node's slot becomes {@link CrossSlot}, and any other
 * failure, a defect, passes unchanged.
 */
final class RedisFailures {

    private static final Logger LOG = LoggerFactory.getLogger(RedisFailures.class);

    private final RedisTarget target;
    private final RedisNodes nodes;

    RedisFailures(RedisTarget target, RedisNodes nodes) {
        this.target = target;
        this.nodes = nodes;
    }

    /** Runs {@code work}, routed by {@code key}'s slot (null: by none), turning its failures as the class says. */
    <T> T guarded(String key, Supplier<T> work) {
        try {
            return work.get();
        } catch (JedisMovedDataException e) {
            if (key != null && e.getSlot() == RedisNodes.slot(key)) {
                // the slot's primary changed (a failover or a resharding): learn the map again and let the caller retry
                nodes.renewSlots();
                throw unavailable("a Redis Cluster slot moved", e);
            }
            throw new CrossSlot(key == null ? -1 : RedisNodes.slot(key), e.getSlot(), e);
        } catch (JedisAskDataException e) {
            throw unavailable("a Redis Cluster slot is being migrated", e);
        } catch (JedisConnectionException e) {
            // the idle connections are most likely as broken as this one (Redis restarted or went away):
            // drop them, so that once Redis is back the next call connects afresh instead of failing again
            nodes.clear();
            nodes.renewSlots();
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

    /** Errors Redis answers while it cannot serve for a while; the same command later may well succeed. */
    private static boolean isTransient(JedisDataException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        // READONLY: a node that was the primary came back as a replica, and this connection still points at it
        return message.startsWith("LOADING") || message.startsWith("MASTERDOWN") || message.startsWith("TRYAGAIN")
                || message.startsWith("CLUSTERDOWN") || message.startsWith("READONLY");
    }

    StoreUnavailable unavailable(String what, JedisException cause) {
        // the driver's message may name a key (a member's id); only its type is logged, at debug
        LOG.debug("Redis at {} unavailable: {} ({})", target, what, cause.getClass().getSimpleName());
        return new StoreUnavailable(what, cause);
    }

}
