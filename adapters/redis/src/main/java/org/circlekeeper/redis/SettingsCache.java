package org.circlekeeper.redis;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Pipeline;

/**
 * What every event reads (member settings, community settings, wording overrides) kept in this process, so that an
 * event does not pay a Redis round trip for each. Every replica keeps its own copy and subscribes to {@link #CHANNEL}:
 * a store that changes one of these keys publishes the key's name in the same {@code MULTI} as its write, and every
 * replica (this one included) drops it. While the subscription is not up (starting, Redis away, reconnecting) the
 * cache is bypassed and emptied, so a change missed then cannot stay behind; it subscribes again by itself, on the
 * node named now (after a Sentinel failover, the promoted primary), and a {@link SubscriptionWatch} ends a
 * subscription whose node went silent or stopped being the one to listen on. Entries also age out after {@link #KEPT}
 * (a member's home group expires in Redis on its own). One per {@link RedisConnection}; thread-safe.
 */
final class SettingsCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsCache.class);
    /** The channel on which a changed key's name is published; {@link #EVERYTHING} drops every entry. */
    static final String CHANNEL = RedisKeys.PREFIX + "{cache}:changed";
    static final String EVERYTHING = "*";
    static final Duration KEPT = Duration.ofMinutes(1);
    /** Entries kept at most; past it the cache starts again empty (members active in one minute, far fewer). */
    static final int MAX_ENTRIES = 50_000;
    private static final Duration RECONNECT = Duration.ofSeconds(1);

    private record Entry(Object value, long until) {
    }

    private final RedisConnection redis;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    /** Grows with every invalidation: a value read before one may be stale and is not kept. */
    private long changes;
    private volatile boolean live;
    private volatile boolean closed;
    private volatile Subscriber subscriber;
    private volatile Thread thread;

    SettingsCache(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
        redis.subscriptions().register("settingsCache", () -> thread == null || closed ? RedisSubscriptions.State.IDLE
                : live ? RedisSubscriptions.State.SUBSCRIBED : RedisSubscriptions.State.RECONNECTING);
    }

    /** The value of {@code key}: kept here while the subscription is live, else (and on a miss) {@code load}ed. */
    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> load) {
        start();
        if (!live) {
            return load.get();
        }
        Entry hit = entries.get(key);
        long now = System.nanoTime();
        if (hit != null && now - hit.until() < 0) {
            return (T) hit.value();
        }
        long before;
        synchronized (lock) {
            before = changes;
        }
        T value = load.get();
        synchronized (lock) {
            if (live && changes == before) {
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
                entries.put(key, new Entry(value, now + KEPT.toNanos()));
            }
        }
        return value;
    }

    /** True while the subscription is up, so that entries are kept. */
    boolean isLive() {
        return live;
    }

    /** Adds the announcement of {@code keys}' change to a transaction that changes them. */
    static void announce(Pipeline write, String... keys) {
        for (String key : keys) {
            write.publish(CHANNEL, key);
        }
    }

    /** Announces the change of {@code keys} on its own (for a write that is not a transaction). */
    static void announce(Jedis jedis, String... keys) {
        for (String key : keys) {
            jedis.publish(CHANNEL, key);
        }
    }

    /** Drops {@code key} here at once (after this replica changed it; the others hear it on the channel). */
    void dropped(String key) {
        synchronized (lock) {
            changes++;
            if (EVERYTHING.equals(key)) {
                entries.clear();
            } else {
                entries.remove(key);
            }
        }
    }

    private void start() {
        if (thread != null || closed) {
            return;
        }
        synchronized (lock) {
            if (thread != null || closed) {
                return;
            }
            thread = new Thread(this::listen, "redis-settings-cache");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void listen() {
        RedisSubscriptions subscriptions = redis.subscriptions();
        try (SubscriptionWatch watch = new SubscriptionWatch(subscriptions, "redis-settings-cache")) {
            // the node the last subscription was on: it ended, so on a cluster the next one tries another
            HostAndPort ended = null;
            while (!closed) {
                try {
                    // with Sentinel the primary of the moment: after a failover, the promoted replica
                    HostAndPort node = subscriptions.node(ended);
                    ended = node;
                    try (Jedis jedis = subscriptions.open(node)) {
                        Subscriber listener = new Subscriber(watch);
                        subscriber = listener;
                        watch.holding(jedis, node, listener);
                        jedis.subscribe(listener, CHANNEL);
                    }
                } catch (RuntimeException e) {
                    if (!closed) {
                        LOG.warn("the settings cache lost its subscription, reads go to Redis until it is back: {}", e.getClass().getName());
                    }
                } finally {
                    watch.released();
                    live = false;
                    // what changed until the next subscription is unknown: nothing read before it is kept
                    dropped(EVERYTHING);
                }
                if (!closed) {
                    try {
                        Thread.sleep(RECONNECT.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** Stops listening; reads go to Redis from now on. */
    @Override
    public void close() {
        closed = true;
        live = false;
        Subscriber current = subscriber;
        if (current != null && current.isSubscribed()) {
            try {
                current.unsubscribe();
            } catch (RuntimeException e) {
                LOG.debug("unsubscribing the settings cache: {}", e.getClass().getName());
            }
        }
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
        dropped(EVERYTHING);
    }

    private final class Subscriber extends JedisPubSub {
        private final SubscriptionWatch watch;

        Subscriber(SubscriptionWatch watch) {
            this.watch = watch;
        }

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            watch.heard();
            // whatever changed while no one listened is unknown: start empty
            dropped(EVERYTHING);
            live = true;
        }

        @Override
        public void onMessage(String channel, String key) {
            watch.heard();
            dropped(key);
        }

        @Override
        public void onPong(String pattern) {
            watch.heard();
        }
    }
}
