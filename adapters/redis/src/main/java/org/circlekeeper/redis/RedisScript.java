package org.circlekeeper.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script that Redis runs atomically: sent by its SHA-1 ({@code EVALSHA}) and, when the server
 * does not know it yet (first use, a restart, a failover, {@code SCRIPT FLUSH}), once in full ({@code EVAL}),
 * which also caches it there.
 */
final class RedisScript {

    private final String source;
    private final String sha1;

    RedisScript(String source) {
        this.source = source;
        this.sha1 = sha1(source);
    }

    /** Runs the script with its keys and arguments and returns what it returned (a Long, String, List or null). */
    Object run(Jedis jedis, List<String> keys, List<String> args) {
        try {
            return jedis.evalsha(sha1, keys, args);
        } catch (JedisNoScriptException e) {
            return jedis.eval(source, keys, args);
        }
    }

    /** Sends the script in full ({@code EVAL}, which also caches it): after an {@code EVALSHA} was answered NOSCRIPT. */
    Object runInFull(Jedis jedis, List<String> keys, List<String> args) {
        return jedis.eval(source, keys, args);
    }

    String sha1() {
        return sha1;
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
