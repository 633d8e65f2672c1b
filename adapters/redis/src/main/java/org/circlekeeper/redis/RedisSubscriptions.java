package org.circlekeeper.redis;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;

/**
 * The long-lived subscriptions of one {@link RedisConnection} (the settings cache's invalidations, the job queue's
 * wake-ups): where they connect (the primary of the moment with Sentinel, any primary of a cluster, where a classic
 * {@code PUBLISH} reaches every node), whether the node they hold is still that one, and how each is doing, for
 * readiness ({@link #states()}). Thread-safe.
 */
public final class RedisSubscriptions {

    /** How a subscription is doing. */
    public enum State {
        /** Not started yet, or stopped after nobody used it for a while: nothing depends on it now. */
        IDLE,
        /** Subscribed: what is published now is heard. */
        SUBSCRIBED,
        /** Started, but not subscribed now (Redis away, a failover, subscribing again): what is published is missed. */
        RECONNECTING
    }

    private record Named(String name, Supplier<State> state) {
    }

    private final RedisNodes nodes;
    private final JedisClientConfig config;
    private final List<Named> registered = new CopyOnWriteArrayList<>();

    RedisSubscriptions(RedisNodes nodes, JedisClientConfig config) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The node a new subscription connects to now; on a cluster, another primary than {@code failed} (where the last
     * subscription broke, or null) while there is one, since the slot map may name a lost primary until a replica
     * replaces it, and a subscription on any primary hears every {@code PUBLISH}.
     */
    HostAndPort node(HostAndPort failed) {
        if (failed != null && nodes instanceof RedisNodes.ClusterNodes) {
            for (String primary : nodes.topology().primary().split(",")) {
                if (!primary.equals(failed.toString())) {
                    return HostAndPort.from(primary);
                }
            }
        }
        return nodes.subscriberNode();
    }

    /** A connection of its own to {@code node}, outside the pool, for a subscription that holds it as long as it lives. */
    Jedis open(HostAndPort node) {
        return new Jedis(node, config);
    }

    /**
     * True while a subscription on {@code node} hears what is published: on one node always; with Sentinel while
     * {@code node} is the primary the sentinels named last (a demoted or lost primary is not); on a cluster while
     * {@code node} is among the primaries of the slot map.
     */
    boolean listensOn(HostAndPort node) {
        if (nodes instanceof RedisNodes.ClusterNodes) {
            return List.of(nodes.topology().primary().split(",")).contains(node.toString());
        }
        return node.equals(nodes.subscriberNode());
    }

    /** Reports {@code state} under {@code name} in {@link #states()}. */
    void register(String name, Supplier<State> state) {
        registered.add(new Named(Objects.requireNonNull(name, "name"), Objects.requireNonNull(state, "state")));
    }

    /**
     * How each subscription is doing, by name ({@code settingsCache}, {@code jobWakeups}); of several under one name
     * (two job queues on one connection), the worst: {@link State#RECONNECTING} before {@link State#SUBSCRIBED} before
     * {@link State#IDLE}.
     */
    public Map<String, State> states() {
        Map<String, State> states = new TreeMap<>();
        for (Named named : registered) {
            State state = named.state().get();
            states.merge(named.name(), state, RedisSubscriptions::worse);
        }
        return states;
    }

    /** True when no started subscription is missing what is published now. */
    public boolean allListening() {
        return !states().containsValue(State.RECONNECTING);
    }

    private static State worse(State a, State b) {
        if (a == State.RECONNECTING || b == State.RECONNECTING) {
            return State.RECONNECTING;
        }
        return a == State.SUBSCRIBED || b == State.SUBSCRIBED ? State.SUBSCRIBED : State.IDLE;
    }
}
