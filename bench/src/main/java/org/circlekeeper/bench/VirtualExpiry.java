package org.circlekeeper.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.circlekeeper.redis.RedisConnection;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Redis' own expiry on the simulation's virtual clock. The stores set a key's time to live from the bot's clock
 * ({@code PEXPIRE} of "expires − now"), but Redis counts it down in real time, and a simulated month passes in minutes:
 * without this, nothing with a time to live would ever expire in the simulation. Once a simulated day, it reads every
 * key's {@code PTTL}: a key first seen with one, or whose time to live was set again since the last sweep, expires at
 * "virtual now + PTTL"; keys whose virtual moment has come are deleted, as Redis would have. A key set during the day
 * is taken as set at the sweep, so keys live up to one sweep longer than they would: the memory figures err high.
 */
final class VirtualExpiry {

    /** A key's remaining real time to live at the last sweep, when that was, and its virtual moment of expiry. */
    private record Seen(long pttl, long realMillis, long virtualDeadline) {
    }

    /** Slack for the real time that passes between reading a key's PTTL and comparing it with the last one. */
    private static final long SLACK_MILLIS = 2_000;

    private final RedisConnection redis;
    private final Map<String, Seen> seen = new HashMap<>();
    private long expired;

    VirtualExpiry(RedisConnection redis) {
        this.redis = redis;
    }

    /** Deletes every key whose virtual time to live has run out at {@code now}; returns how many. */
    int sweep(Instant now) {
        List<String> keys = allKeys();
        long virtualNow = now.toEpochMilli();
        long realNow = System.currentTimeMillis();
        List<Long> ttls = new ArrayList<>(keys.size());
        redis.run(jedis -> {
            for (int from = 0; from < keys.size(); from += 10_000) {
                List<String> part = keys.subList(from, Math.min(keys.size(), from + 10_000));
                Pipeline pipe = jedis.pipelined();
                List<Response<Long>> answers = new ArrayList<>(part.size());
                part.forEach(key -> answers.add(pipe.pttl(key)));
                pipe.sync();
                answers.forEach(a -> ttls.add(a.get()));
            }
        });
        List<String> due = new ArrayList<>();
        Map<String, Seen> next = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            long pttl = ttls.get(i);
            if (pttl < 0) {
                continue;
            }
            Seen before = seen.get(key);
            long deadline;
            if (before == null || pttl > before.pttl() - (realNow - before.realMillis()) + SLACK_MILLIS) {
                deadline = virtualNow + pttl;
            } else {
                deadline = before.virtualDeadline();
            }
            if (deadline <= virtualNow) {
                due.add(key);
            } else {
                next.put(key, new Seen(pttl, realNow, deadline));
            }
        }
        seen.clear();
        seen.putAll(next);
        redis.run(jedis -> {
            for (int from = 0; from < due.size(); from += 1_000) {
                jedis.del(due.subList(from, Math.min(due.size(), from + 1_000)).toArray(String[]::new));
            }
        });
        expired += due.size();
        return due.size();
    }

    /** How many keys the sweeps have expired in all. */
    long expired() {
        return expired;
    }

    /** Every key in the database. */
    List<String> allKeys() {
        return redis.call(jedis -> {
            List<String> keys = new ArrayList<>();
            ScanParams params = new ScanParams().count(5_000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, params);
                keys.addAll(page.getResult());
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
            return keys;
        });
    }
}
