package org.circlekeeper.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.circlekeeper.redis.RedisConnection;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/** What the month simulation's Redis holds: its memory in use, and its keys by shape with their bytes. */
final class RedisFootprint {

    private RedisFootprint() {
    }

    /** Redis's {@code used_memory}: the bytes it holds. */
    static long usedMemory(RedisConnection redis) {
        String info = redis.call(jedis -> jedis.info("memory"));
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new IllegalStateException("INFO memory has no used_memory");
    }

    /**
     * How many keys of each shape and their bytes ({@code MEMORY USAGE}): ids, hashes and numbers replaced, so that a
     * namespace that grows shows.
     */
    static Map<String, long[]> shapes(RedisConnection redis, List<String> keys) {
        List<Long> bytes = new ArrayList<>(keys.size());
        redis.run(jedis -> {
            for (int from = 0; from < keys.size(); from += 10_000) {
                List<String> part = keys.subList(from, Math.min(keys.size(), from + 10_000));
                Pipeline pipe = jedis.pipelined();
                List<Response<Long>> answers = new ArrayList<>(part.size());
                part.forEach(key -> answers.add(pipe.memoryUsage(key)));
                pipe.sync();
                answers.forEach(a -> bytes.add(a.get() == null ? 0L : a.get()));
            }
        });
        Map<String, long[]> shapes = new TreeMap<>();
        for (int k = 0; k < keys.size(); k++) {
            String[] parts = keys.get(k).replaceAll("\\{[^}]*}", "{id}").split(":");
            StringBuilder shape = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                String normal;
                if (part.length() >= 16 && part.matches("[0-9a-f]+")) {
                    normal = "<hash>";
                } else {
                    normal = part.replaceAll("c\\d{5}[om]?\\d*", "<id>").replaceAll("\\d+", "#");
                }
                shape.append(i == 0 ? "" : ":").append(normal);
            }
            long[] sum = shapes.computeIfAbsent(shape.toString(), x -> new long[2]);
            sum[0]++;
            sum[1] += bytes.get(k);
        }
        return shapes;
    }
}
