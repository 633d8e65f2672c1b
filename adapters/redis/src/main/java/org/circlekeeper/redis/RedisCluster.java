package org.circlekeeper.redis;

import java.util.List;
import java.util.Objects;
import redis.clients.jedis.HostAndPort;

/**
 * A Redis Cluster: the seed nodes to ask for the cluster's slot map (any one answering is enough; the client learns
 * every other node from it) and how to log in to the nodes. Its {@link #toString()} never shows a password, so it can
 * be logged. A cluster has only database 0.
 *
 * @param seeds    some of the cluster's nodes, primaries or replicas
 * @param user     the nodes' ACL user, or null for the default user
 * @param password the nodes' password, or null when they ask for none
 * @param tls      true to speak TLS to every node, certificate and host name checked
 */
public record RedisCluster(List<HostAndPort> seeds, String user, String password, boolean tls) implements RedisTarget {

    public RedisCluster {
        if (seeds == null || seeds.isEmpty()) {
            throw new IllegalArgumentException("a Redis Cluster needs at least one seed node address (host:port)");
        }
        seeds = List.copyOf(seeds);
        user = user == null || user.isEmpty() ? null : user;
        password = password == null || password.isEmpty() ? null : password;
        if (user != null && password == null) {
            throw new IllegalArgumentException("a Redis user needs the user's password too");
        }
    }

    /**
     * Parses seed node addresses written {@code host:port,host:port} (a port left out is {@value RedisUrl#DEFAULT_PORT};
     * an IPv6 host in brackets); duplicates are dropped, the order kept.
     */
    public static List<HostAndPort> parseNodes(String nodes) {
        return NodeList.parse(nodes, RedisUrl.DEFAULT_PORT, "cluster node");
    }

    /** The cluster again with the password hidden: safe for logs and health output. */
    @Override
    public String toString() {
        return "cluster via " + String.join(",", seeds.stream().map(Objects::toString).toList())
                + (user == null && password == null ? "" : " as " + (user == null ? "default" : user) + ":***")
                + (tls ? " over TLS" : "");
    }
}
