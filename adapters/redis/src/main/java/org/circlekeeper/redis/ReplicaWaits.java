package org.circlekeeper.redis;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.circlekeeper.redis.RedisConnection.Acknowledgement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;

/**
 * {@link RedisConnection#acknowledged} work for {@link RedisConnection}: while a thread runs it, each of its Redis calls
 * ends with {@code WAIT} for the configured replicas on the same connection; a wait that runs out is logged and counted,
 * never thrown (the primary has the write).
 */
final class ReplicaWaits {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaWaits.class);

    /** Set on a thread while it runs acknowledged work. */
    private static final ThreadLocal<Boolean> ACKNOWLEDGING = new ThreadLocal<>();

    private final RedisTarget target;
    private final Acknowledgement acknowledgement;
    private final int answerMillis;
    private final AtomicLong missed = new AtomicLong();

    /** @param answerMillis how long any answer may take, added to a wait's own timeout on the socket */
    ReplicaWaits(RedisTarget target, Acknowledgement acknowledgement, int answerMillis) {
        this.target = Objects.requireNonNull(target, "target");
        this.acknowledgement = Objects.requireNonNull(acknowledgement, "acknowledgement");
        this.answerMillis = answerMillis;
    }

    /** Runs {@code write} so that its calls wait for the replicas; just runs it when none is configured or already inside. */
    <T> T acknowledged(Supplier<T> write) {
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

    /** After a call on {@code jedis}: waits for the replicas when this thread runs acknowledged work. */
    void afterCall(Jedis jedis) {
        if (ACKNOWLEDGING.get() != null) {
            await(jedis);
        }
    }

    /** How many acknowledged calls ended without every replica they waited for. */
    long missed() {
        return missed.get();
    }

    private void await(Jedis jedis) {
        // WAIT answers only after its timeout when the replicas are slow: the socket must wait that long and then as
        // long as for any answer, or a wait that ran out would break the connection instead of being counted
        long waitMillis = acknowledgement.timeout().toMillis();
        jedis.getConnection().setSoTimeout((int) Math.min(Integer.MAX_VALUE, waitMillis + answerMillis));
        long got;
        try {
            got = jedis.waitReplicas(acknowledgement.replicas(), waitMillis);
        } finally {
            jedis.getConnection().rollbackTimeout();
        }
        if (got < acknowledgement.replicas()) {
            missed.incrementAndGet();
            LOG.warn("a write to Redis at {} reached {} of {} replicas within {} ms; the primary has it", target, got,
                    acknowledgement.replicas(), acknowledgement.timeout().toMillis());
        }
    }
}
