package org.circlekeeper.redis;

import java.util.List;
import java.util.Objects;
import redis.clients.jedis.HostAndPort;

/**
 * A primary that Redis Sentinel monitors: its master name, the sentinels to ask where it is, and how to log in to
 * each (the sentinels may have their own user and password, or none). Its {@link #toString()} never shows a
 * password, so it can be logged.
 *
 * @param masterName       the name the sentinels monitor the primary under ({@code sentinel monitor <name> ...})
 * @param sentinels        the sentinels' addresses; one answering is enough to find the primary
 * @param user             the data nodes' ACL user, or null for the default user
 * @param password         the data nodes' password, or null when they ask for none
 * @param sentinelUser     the sentinels' ACL user, or null for the default user
 * @param sentinelPassword the sentinels' password, or null when they ask for none
 * @param database         the logical database on the primary
 * @param tls              true to speak TLS to the sentinels and the data nodes, certificate and host name checked
 */
public record RedisSentinel(String masterName, List<HostAndPort> sentinels, String user, String password,
        String sentinelUser, String sentinelPassword, int database, boolean tls) implements RedisTarget {

    /** The port a sentinel listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 26_379;

    public RedisSentinel {
        if (masterName == null || masterName.isBlank()) {
            throw new IllegalArgumentException("a Sentinel setup needs the master name the sentinels monitor");
        }
        if (sentinels == null || sentinels.isEmpty()) {
            throw new IllegalArgumentException("a Sentinel setup needs at least one sentinel address (host:port)");
        }
        sentinels = List.copyOf(sentinels);
        if (database < 0) {
            throw new IllegalArgumentException("a Redis database number is 0 or more, not " + database);
        }
        user = blankToNull(user);
        password = blankToNull(password);
        sentinelUser = blankToNull(sentinelUser);
        sentinelPassword = blankToNull(sentinelPassword);
        if (user != null && password == null) {
            throw new IllegalArgumentException("a Redis user needs the user's password too");
        }
        if (sentinelUser != null && sentinelPassword == null) {
            throw new IllegalArgumentException("a sentinel user needs the user's password too");
        }
    }

    /**
     * Parses sentinel addresses written {@code host:port,host:port} (a port left out is {@value #DEFAULT_PORT};
     * an IPv6 host in brackets, {@code [::1]:26379}); duplicates are dropped, the order kept.
     */
    public static List<HostAndPort> parseNodes(String nodes) {
        return NodeList.parse(nodes, DEFAULT_PORT, "sentinel");
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The setup again with the passwords hidden: safe for logs and health output. */
    @Override
    public String toString() {
        return "sentinel master " + masterName + " via " + String.join(",", sentinels.stream().map(Objects::toString).toList())
                + (user == null && password == null ? "" : " as " + (user == null ? "default" : user) + ":***")
                + (sentinelPassword == null ? "" : " (sentinels: " + (sentinelUser == null ? "default" : sentinelUser) + ":***)")
                + " db " + database + (tls ? " over TLS" : "");
    }
}
