package org.circlekeeper.redis;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.circlekeeper.core.member.ErasureFlush;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.SetParams;

/**
 * Makes an erasure reach Redis's files on disk. Deleting keys removes them from memory, but the append-only file
 * still holds the commands that wrote them (and a snapshot their values) until Redis rewrites it. So every
 * erasure raises a counter in Redis ({@link RedisKeys#persistenceErased}, durable across restarts of the bot),
 * and {@link #runDue()} (a timer, every minute in the app, and right after an erasure on this replica) starts
 * {@code BGREWRITEAOF}, and {@code BGSAVE} when snapshots are on, then clears the counter once the rewrite has
 * finished well. It starts the same on every replica the primary lists, whose files hold the erased data too.
 *
 * <p>Rewrites are batched: at most one per {@code interval} (an hour by default) across all replicas, claimed
 * with a key whose TTL is the interval; the first erasure after a quiet interval is written out at once. An
 * erasure therefore leaves the files on disk within the interval plus one timer tick and the rewrite's own time.
 * A Redis that forbids these commands (some managed services do) is logged and tried again every interval.
 */
public final class RedisErasureFlush implements ErasureFlush, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisErasureFlush.class);
    /** The batching interval unless told otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    /** How often the timer looks, so a pending erasure waits at most this long past its interval. */
    public static final Duration TICK = Duration.ofMinutes(1);

    /** What one {@link #runDue()} found or did. */
    public enum Outcome {
        /** No erasure waits to reach the disk. */
        NOTHING_PENDING,
        /** An erasure waits, but a rewrite ran less than an interval ago (on some replica). */
        WAITING_FOR_INTERVAL,
        /** A rewrite (and a snapshot, where they are on) was started for the waiting erasures. */
        STARTED,
        /** The rewrite started earlier is still running. */
        IN_PROGRESS,
        /** The rewrite finished well: the erasures so far are out of the files on disk. */
        FLUSHED,
        /** This Redis keeps nothing on disk (no AOF, no snapshots): nothing to rewrite. */
        NOTHING_ON_DISK,
        /** The rewrite could not start or failed; it is tried again in the next interval. */
        FAILED
    }

    /** KEYS: erased counter, started marker; ARGV: the count the finished rewrite covers. */
    private static final String CLEAR_IF_UNCHANGED = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
            redis.call('DEL', KEYS[2])
            return 1
            """;

    private final RedisConnection redis;
    private final Duration interval;
    private ScheduledExecutorService timer;

    /**
     * @param interval the least time between two rewrites (batching); positive
     */
    public RedisErasureFlush(RedisConnection redis, Duration interval) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the erasure flush interval must be positive, not " + interval);
        }
    }

    /** The batching interval. */
    public Duration interval() {
        return interval;
    }

    /**
     * Raises the erasure count and starts a rewrite when one is due. With an acknowledgement configured (Sentinel),
     * returns once the replicas have the raise, and so every deletion of the erasure before it: replication keeps the
     * primary's order, so a failover after {@code /forgetme} answered cannot bring the erased data back.
     */
    @Override
    public void erased() {
        redis.acknowledged(() -> redis.call(RedisKeys.persistenceErased(), jedis -> jedis.incr(RedisKeys.persistenceErased())));
        ScheduledExecutorService running;
        synchronized (this) {
            running = timer;
        }
        if (running != null) {
            running.execute(this::tick);
        }
    }

    /** Starts the timer that calls {@link #runDue()} every {@code tick} (and right after each erasure here). */
    public synchronized RedisErasureFlush start(Duration tick) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "circlekeeper-erasure-flush");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private void tick() {
        try {
            runDue();
        } catch (Throwable e) {
            // one failed look (Redis unreachable, say) must not end the timer; the counter keeps the request
            LOG.warn("the erasure flush could not run this time: {}", e.getClass().getName());
        }
    }

    /** Looks once: finishes a running rewrite's bookkeeping, or starts one when an erasure waits and the interval allows. */
    public Outcome runDue() {
        return redis.call(RedisKeys.persistenceErased(), this::runDue);
    }

    private Outcome runDue(Jedis jedis) {
        String started = jedis.get(RedisKeys.persistenceStarted());
        if (started != null) {
            return finish(jedis, started);
        }
        String erased = jedis.get(RedisKeys.persistenceErased());
        if (erased == null) {
            return Outcome.NOTHING_PENDING;
        }
        if (!"OK".equals(jedis.set(RedisKeys.persistenceWindow(), "1", SetParams.setParams().nx().px(interval.toMillis())))) {
            return Outcome.WAITING_FOR_INTERVAL;
        }
        Map<String, String> info = persistence(jedis);
        boolean aof = "1".equals(info.get("aof_enabled"));
        boolean snapshots = snapshotsOn(jedis);
        if (!aof && !snapshots) {
            jedis.eval(CLEAR_IF_UNCHANGED, List.of(RedisKeys.persistenceErased(), RedisKeys.persistenceStarted()), List.of(erased));
            return Outcome.NOTHING_ON_DISK;
        }
        try {
            if (aof) {
                jedis.bgrewriteaof();
            }
            if (snapshots) {
                jedis.sendCommand(Protocol.Command.BGSAVE, "SCHEDULE");
            }
        } catch (JedisDataException e) {
            // "already in progress": that rewrite may have begun before the erasure, so try again at the next tick
            jedis.del(RedisKeys.persistenceWindow());
            LOG.warn("Redis did not start a rewrite after an erasure ({}); trying again", e.getMessage());
            return Outcome.FAILED;
        }
        // the count this rewrite covers, and the last snapshot's time: a scheduled BGSAVE shows in INFO only once it runs
        jedis.set(RedisKeys.persistenceStarted(), erased + " " + info.getOrDefault("rdb_last_save_time", "0"));
        LOG.info("erasures reach the disk: Redis is rewriting its {}", aof && snapshots ? "append-only file and snapshot"
                : aof ? "append-only file" : "snapshot");
        rewriteOtherNodes();
        return Outcome.STARTED;
    }

    /**
     * The replicas have the erasure too (replication), and their own files hold the erased data until they rewrite
     * them: start the same rewrite on each the primaries list. On a cluster the erased keys lay on every primary, so
     * each other primary rewrites too. Started, not followed (only the primary holding this flush's own keys is): a
     * node that cannot be reached or fails is logged and rewritten with the next batch.
     */
    private void rewriteOtherNodes() {
        try {
            int primaries = redis.onOtherPrimaries(RedisKeys.persistenceErased(), node -> startRewrite(node, "primary"));
            if (primaries > 0) {
                LOG.info("erasures reach the disk: {} other cluster primaries rewriting their files too", primaries);
            }
            int replicas = redis.onReplicas(replica -> startRewrite(replica, "replica"));
            if (replicas > 0) {
                LOG.info("erasures reach the disk: {} replica(s) rewriting their files too", replicas);
            }
        } catch (RuntimeException e) {
            LOG.warn("the replicas could not be asked to rewrite their files after an erasure: {}", e.getClass().getName());
        }
    }

    private static void startRewrite(Jedis node, String role) {
        Map<String, String> info = persistence(node);
        try {
            if ("1".equals(info.get("aof_enabled"))) {
                node.bgrewriteaof();
            }
            if (snapshotsOn(node)) {
                node.sendCommand(Protocol.Command.BGSAVE, "SCHEDULE");
            }
        } catch (JedisDataException e) {
            LOG.warn("a Redis {} did not start its rewrite after an erasure ({}); it is rewritten with the next batch", role,
                    e.getMessage());
        }
    }

    private Outcome finish(Jedis jedis, String started) {
        int space = started.indexOf(' ');
        String covered = space < 0 ? started : started.substring(0, space);
        String snapshotBefore = space < 0 ? "" : started.substring(space + 1);
        Map<String, String> info = persistence(jedis);
        boolean snapshots = snapshotsOn(jedis);
        if (snapshots && snapshotBefore.equals(info.get("rdb_last_save_time")) && "ok".equals(info.get("rdb_last_bgsave_status"))) {
            return Outcome.IN_PROGRESS;
        }
        if ("1".equals(info.get("aof_rewrite_in_progress")) || "1".equals(info.get("aof_rewrite_scheduled"))
                || "1".equals(info.get("rdb_bgsave_in_progress"))) {
            return Outcome.IN_PROGRESS;
        }
        boolean aofOk = !"1".equals(info.get("aof_enabled")) || "ok".equals(info.get("aof_last_bgrewrite_status"));
        boolean rdbOk = !snapshots || "ok".equals(info.get("rdb_last_bgsave_status"));
        if (!aofOk || !rdbOk) {
            jedis.del(RedisKeys.persistenceStarted());
            LOG.error("Redis's rewrite after an erasure failed (append-only file {}, snapshot {}); trying again in the next "
                    + "interval", info.get("aof_last_bgrewrite_status"), info.get("rdb_last_bgsave_status"));
            return Outcome.FAILED;
        }
        jedis.eval(CLEAR_IF_UNCHANGED, List.of(RedisKeys.persistenceErased(), RedisKeys.persistenceStarted()), List.of(covered));
        LOG.info("erasures reached the disk: Redis's rewrite finished");
        return Outcome.FLUSHED;
    }

    private static boolean snapshotsOn(Jedis jedis) {
        try {
            Map<String, String> save = jedis.configGet("save");
            String value = save.get("save");
            return value != null && !value.isBlank();
        } catch (JedisDataException e) {
            // CONFIG is renamed or forbidden (a managed Redis): snapshots are the provider's; the AOF is still rewritten
            return false;
        }
    }

    private static Map<String, String> persistence(Jedis jedis) {
        Map<String, String> values = new HashMap<>();
        for (String line : jedis.info("persistence").split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return values;
    }
}
