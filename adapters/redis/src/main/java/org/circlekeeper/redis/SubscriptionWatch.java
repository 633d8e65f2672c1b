package org.circlekeeper.redis;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Keeps one long-lived subscription ({@link SettingsCache}, {@link JobWakeups}) on the node it should be on: pings it
 * every {@link #PING}, and ends it by closing its socket when nothing (no PONG, no message) came back within
 * {@link RedisConnection#SUBSCRIBER_TIMEOUT_MILLIS}, or when the node it listens on is no longer the one the connection
 * names for subscriptions (Sentinel promoted a replica; a cluster dropped the node from its primaries). Jedis waits for
 * a subscription's messages without a socket timeout, so without this a primary lost without a closed socket (a
 * network partition, a demotion to replica) would hold the listener forever; ended, the listener subscribes again on
 * the node named now. Its daemon thread runs until {@link #close()}.
 */
final class SubscriptionWatch implements AutoCloseable {

    /** Well inside the silence taken for a dead subscription, so that a quiet channel is not taken for one. */
    static final Duration PING = Duration.ofMillis(RedisConnection.SUBSCRIBER_TIMEOUT_MILLIS / 4);
    private static final long SILENCE_NANOS = Duration.ofMillis(RedisConnection.SUBSCRIBER_TIMEOUT_MILLIS).toNanos();
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionWatch.class);

    private record Held(Jedis jedis, HostAndPort node, JedisPubSub subscription) {
    }

    private final RedisSubscriptions subscriptions;
    private final String name;
    private final Thread thread;
    private volatile Held held;
    private volatile long lastHeard = System.nanoTime();
    private volatile boolean closed;

    SubscriptionWatch(RedisSubscriptions subscriptions, String name) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.name = Objects.requireNonNull(name, "name");
        this.thread = new Thread(this::run, name + "-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code subscription} is about to listen on {@code jedis}, connected to {@code node}. */
    void holding(Jedis jedis, HostAndPort node, JedisPubSub subscription) {
        heard();
        held = new Held(jedis, node, subscription);
    }

    /** The subscription ended (its {@code subscribe} returned or threw). */
    void released() {
        held = null;
    }

    /** Something came back on the subscription (a PONG, a message, the subscription's confirmation). */
    void heard() {
        lastHeard = System.nanoTime();
    }

    /** Looks at the subscription once: ended when it went silent or its node is not the one to listen on now. */
    void check() {
        Held current = held;
        if (current == null || !current.subscription().isSubscribed()) {
            return;
        }
        if (!subscriptions.listensOn(current.node())) {
            LOG.info("{}: {} is no longer the node to listen on, subscribing again", name, current.node());
            end(current);
        } else if (System.nanoTime() - lastHeard > SILENCE_NANOS) {
            LOG.warn("{}: no answer from {} for {} ms, subscribing again", name, current.node(),
                    RedisConnection.SUBSCRIBER_TIMEOUT_MILLIS);
            end(current);
        } else {
            try {
                current.subscription().ping();
            } catch (RuntimeException e) {
                LOG.debug("{}: pinging the subscription: {}", name, e.getClass().getName());
            }
        }
    }

    private void end(Held current) {
        // closing the socket makes the listener's blocked read fail, and its loop subscribe again
        try {
            current.jedis().disconnect();
        } catch (RuntimeException e) {
            LOG.debug("{}: closing the subscription's socket: {}", name, e.getClass().getName());
        }
    }

    private void run() {
        while (!closed) {
            try {
                Thread.sleep(PING.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            try {
                check();
            } catch (RuntimeException e) {
                // a Redis that cannot be asked now: the next round asks again
                LOG.debug("{}: checking the subscription: {}", name, e.getClass().getName());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
