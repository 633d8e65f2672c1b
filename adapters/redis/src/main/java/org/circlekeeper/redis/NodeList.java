package org.circlekeeper.redis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.HostAndPort;

/** Parses a list of Redis node addresses as an operator writes them: {@code host:port,host:port}. */
final class NodeList {

    private NodeList() {
    }

    /**
     * Parses {@code nodes} (a port left out is {@code defaultPort}; an IPv6 host in brackets, {@code [::1]:6379});
     * duplicates are dropped, the order kept. {@code what} names the nodes in error messages ("sentinel").
     */
    static List<HostAndPort> parse(String nodes, int defaultPort, String what) {
        if (nodes == null || nodes.isBlank()) {
            throw new IllegalArgumentException("no " + what + " addresses given; expected host:port,host:port");
        }
        Set<HostAndPort> parsed = new LinkedHashSet<>();
        for (String node : nodes.split(",")) {
            String trimmed = node.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            parsed.add(parseNode(trimmed, defaultPort, what));
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("no " + what + " addresses given; expected host:port,host:port");
        }
        return new ArrayList<>(parsed);
    }

    private static HostAndPort parseNode(String node, int defaultPort, String what) {
        String host;
        String port;
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("a " + what + " address '" + node + "' opens a [ it never closes");
            }
            host = node.substring(1, close);
            String rest = node.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException("a " + what + " address is host:port, not '" + node + "'");
            }
            port = rest.isEmpty() ? "" : rest.substring(1);
        } else {
            int colon = node.lastIndexOf(':');
            if (colon >= 0 && node.indexOf(':') != colon) {
                throw new IllegalArgumentException("write an IPv6 " + what + " address in brackets, [" + node + "]:"
                        + defaultPort);
            }
            host = colon < 0 ? node : node.substring(0, colon);
            port = colon < 0 ? "" : node.substring(colon + 1);
        }
        if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a " + what + " address needs a host, as in host:port; not '" + node + "'");
        }
        if (port.isEmpty()) {
            return new HostAndPort(host, defaultPort);
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
            throw new IllegalArgumentException("a " + what + " port is between 1 and 65535, not '" + port + "'");
        }
        return new HostAndPort(host, Integer.parseInt(port));
    }
}
