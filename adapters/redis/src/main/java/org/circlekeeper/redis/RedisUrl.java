package org.circlekeeper.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where a Redis is and how to log in: parsed from {@code redis://[user:password@]host[:port][/db]}, or
 * {@code rediss://...} for TLS. Its {@link #toString()} never shows the password, so it can be logged.
 *
 * @param user     the ACL user, or null for the default user
 * @param password the password, or null when the server asks for none
 * @param database the logical database, 0 to 15 on a default server
 * @param tls      true for {@code rediss://}: TLS with the server's certificate and host name checked
 */
public record RedisUrl(String host, int port, String user, String password, int database, boolean tls)
        implements RedisTarget {

    /** The port Redis listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 6379;

    public RedisUrl {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a Redis URL needs a host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("a Redis port is between 1 and 65535, not " + port);
        }
        if (database < 0) {
            throw new IllegalArgumentException("a Redis database number is 0 or more, not " + database);
        }
        if (user != null && password == null) {
            throw new IllegalArgumentException("a Redis URL with a user needs the user's password too");
        }
    }

    /** A Redis on this machine without a password. */
    public static RedisUrl local(int port) {
        return new RedisUrl("127.0.0.1", port, null, null, 0, false);
    }

    /** A Redis on this machine that asks for a password (the default user's), such as {@link EmbeddedRedis}. */
    public static RedisUrl local(int port, String password) {
        return new RedisUrl("127.0.0.1", port, null, password, 0, false);
    }

    /**
     * Parses {@code redis://[user:password@]host[:port][/db]} or {@code rediss://...}; user and password may
     * be percent-encoded, {@code redis://:password@host} gives a password without a user. The error message
     * never repeats the URL, which may hold a password.
     */
    public static RedisUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no Redis URL given; expected redis://[user:password@]host[:port][/db]");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the Redis URL is not a valid URL; expected redis://[user:password@]host[:port][/db]");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("a Redis URL starts with redis:// or rediss:// (TLS), not '" + scheme + "'");
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("the Redis URL has no host; expected redis://[user:password@]host[:port][/db]");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the Redis URL may not have a query or a fragment");
        }
        return new RedisUrl(host, uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort(),
                user(uri.getRawUserInfo()), password(uri.getRawUserInfo()), database(uri.getRawPath()),
                scheme.equals("rediss"));
    }

    private static String user(String userInfo) {
        if (userInfo == null) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? "" : decode(userInfo.substring(0, colon));
        return user.isEmpty() ? null : user;
    }

    private static String password(String userInfo) {
        if (userInfo == null) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        // redis://secret@host is the old form: a password without a user
        String password = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
        return password.isEmpty() ? null : password;
    }

    private static String decode(String raw) {
        // URLDecoder would turn '+' into a space; a '+' in a password is a '+'
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static int database(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        String db = path.substring(1);
        if (!db.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("the Redis URL's path must be a database number such as /0, not '" + db + "'");
        }
        return Integer.parseInt(db);
    }

    /** The URL again, with the password hidden: safe for logs and health output. */
    @Override
    public String toString() {
        String login = user == null && password == null ? ""
                : (user == null ? "" : user) + (password == null ? "" : ":***") + "@";
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "rediss://" : "redis://") + login + shownHost + ":" + port + "/" + database;
    }
}
