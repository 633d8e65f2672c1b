package org.circlekeeper.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * The wake-ups of one {@link RedisJobQueue}: a daemon thread, started on first use, subscribed to {@link
 * RedisKeys#jobsWake()} on a connection of its own outside the pool ({@link RedisSubscriptions}: with Sentinel the
 * primary of the moment, which a {@link SubscriptionWatch} follows through a failover), counts every message; a
 * waiter sleeps on that count in the JVM, so it wakes to the millisecond (a Redis blocking command would time out only at the server's 100 ms
 * tick). A subscription that breaks is made again after {@link #RECONNECT}; each new subscription counts as a wake-up
 * too, since messages may have been missed meanwhile. A listener whose subscription failed and that nobody asked for
 * {@link #IDLE_STOP} ends its thread (the app that used it stopped); the next use starts another. Waiters never depend
 * on it: they wait at most their cap.
 */
final class JobWakeups implements AutoCloseable {

    /** How long the listener waits before subscribing again after its connection failed. */
    static final Duration RECONNECT = Duration.ofSeconds(1);
    /** How long a listener that cannot subscribe keeps trying without anyone waiting on it. */
    static final Duration IDLE_STOP = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(JobWakeups.class);

    private final RedisSubscriptions subscriptions;
    private final String channel;
    private final Object lock = new Object();
    private long heard;
    private long lastUsed = System.nanoTime();
    private boolean closed;
    private boolean failing;
    private Thread listener;
    private Subscription subscription;

    JobWakeups(RedisConnection redis, String channel) {
        this.subscriptions = Objects.requireNonNull(redis, "redis").subscriptions();
        this.channel = Objects.requireNonNull(channel, "channel");
        subscriptions.register("jobWakeups", () -> {
            synchronized (lock) {
                if (listener == null || closed) {
                    return RedisSubscriptions.State.IDLE;
                }
                return subscription != null && subscription.isSubscribed() ? RedisSubscriptions.State.SUBSCRIBED
                        : RedisSubscriptions.State.RECONNECTING;
            }
        });
    }

    /** How many wake-ups were heard so far; starts the listener on first use. */
    long heard() {
        synchronized (lock) {
            listen();
            return heard;
        }
    }

    /** Waits at most {@code max} for the count to move past {@code seen}. */
    void await(long seen, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (lock) {
            listen();
            while (heard == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    /** True once the listener is subscribed (for tests: a wake-up published now is heard). */
    boolean subscribed() {
        synchronized (lock) {
            return subscription != null && subscription.isSubscribed();
        }
    }

    /** Stops the listener; waiters fall back to their caps. */
    @Override
    public void close() {
        Thread thread;
        synchronized (lock) {
            closed = true;
            thread = listener;
            if (subscription != null && subscription.isSubscribed()) {
                subscription.unsubscribe();
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        lastUsed = System.nanoTime();
        if (listener == null && !closed) {
            listener = new Thread(this::run, "circlekeeper-job-wakeups");
            listener.setDaemon(true);
            listener.start();
        }
    }

    private void run() {
        try (SubscriptionWatch watch = new SubscriptionWatch(subscriptions, "circlekeeper-job-wakeups")) {
            listenUntilStopped(watch);
        }
    }

    private void listenUntilStopped(SubscriptionWatch watch) {
        // the node the last subscription was on: it ended, so on a cluster the next one tries another
        HostAndPort ended = null;
        while (true) {
            Subscription current = new Subscription(watch);
            synchronized (lock) {
                if (closed) {
                    return;
                }
                subscription = current;
            }
            try {
                // with Sentinel the primary of the moment: after a failover, the promoted replica
                HostAndPort node = subscriptions.node(ended);
                ended = node;
                try (Jedis jedis = subscriptions.open(node)) {
                    watch.holding(jedis, node, current);
                    jedis.subscribe(current, channel);
                }
            } catch (RuntimeException e) {
                synchronized (lock) {
                    if (!closed && !failing) {
                        failing = true;
                        LOG.warn("job wake-ups: subscription lost ({}); schedulers look at their interval until it is back",
                                e.getClass().getName());
                    }
                }
            } finally {
                watch.released();
            }
            try {
                Thread.sleep(RECONNECT.toMillis());
            } catch (InterruptedException e) {
                // closed, or not: the check below tells
            }
            synchronized (lock) {
                if (closed || System.nanoTime() - lastUsed > IDLE_STOP.toNanos()) {
                    listener = null;
                    subscription = null;
                    return;
                }
            }
        }
    }

    private void wake() {
        synchronized (lock) {
            heard++;
            lock.notifyAll();
        }
    }

    private final class Subscription extends JedisPubSub {
        private final SubscriptionWatch watch;

        Subscription(SubscriptionWatch watch) {
            this.watch = watch;
        }

        @Override
        public void onSubscribe(String subscribed, int count) {
            watch.heard();
            boolean close;
            synchronized (lock) {
                close = closed;
                if (failing && !closed) {
                    failing = false;
                    LOG.info("job wake-ups: subscribed again");
                }
            }
            if (close) {
                unsubscribe();
            }
            wake();
        }

        @Override
        public void onMessage(String from, String message) {
            watch.heard();
            wake();
        }

        @Override
        public void onPong(String pattern) {
            watch.heard();
        }
    }
}
