package org.circlekeeper.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.circle.Circle;
import org.circlekeeper.core.circle.CircleSettings;
import org.circlekeeper.core.circle.CircleStore;
import org.circlekeeper.core.ref.CommunityRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A community's circles in Redis: one hash per community ({@link RedisKeys#circles}), circle id to the
 * circle's JSON ({@link CircleJson}), and its settings in another ({@link RedisKeys#circleSettings}). Adding
 * checks the id and the {@link #MAX_CIRCLES} bound, and replacing checks the stored version, each inside one
 * Lua script, so that two organisers or two replicas cannot overrun the bound or overwrite each other's change.
 * A stored circle that cannot be read is skipped with a warning, never fatal. Parsed circles are kept by their stored
 * JSON ({@link #PARSED}), so that {@code /next} and every RSVP do not parse the same unchanged text again: a change
 * stores another text, which is parsed anew, so nothing stale can be read.
 */
public final class RedisCircleStore implements CircleStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisCircleStore.class);
    static final String LEADS = "leads";

    /** Sets the field when it is new and the hash has room: 1 when added, 0 when the id is taken, -1 when full. */
    private static final RedisScript ADD = new RedisScript("""
            if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
              return 0
            end
            if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then
              return -1
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return 1
            """);

    /**
     * Sets the field only when its stored circle is readable and at version ARGV[3] - 1: 1 then, else 0.
     * Optimistic: nothing is locked, a change made meanwhile simply makes this one fail.
     */
    private static final RedisScript REPLACE = new RedisScript("""
            local stored = redis.call('HGET', KEYS[1], ARGV[1])
            if not stored then
              return 0
            end
            local ok, circle = pcall(cjson.decode, stored)
            if not ok or type(circle) ~= 'table' or type(circle.version) ~= 'number' then
              return 0
            end
            if circle.version ~= tonumber(ARGV[3]) - 1 then
              return 0
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return 1
            """);

    /** Adds ARGV[1] to the set while it holds fewer than ARGV[2]: 1 when added now, 0 when there or full. */
    private static final RedisScript MARK_LOST = new RedisScript("""
            if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 or redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then
              return 0
            end
            return redis.call('SADD', KEYS[1], ARGV[1])
            """);

    /** Parsed circles kept at most; past it the map starts again empty (a circle is about 1 KiB of JSON). */
    static final int MAX_PARSED = 4_096;

    /**
     * Stored JSON → the circle it reads as. A {@link Circle} is immutable, and the key is the whole stored text (id
     * and version included), so an entry is right for as long as that exact text is what Redis holds. Shared by
     * every store of this process: the text alone decides the circle.
     */
    private static final Map<String, Circle> PARSED = new ConcurrentHashMap<>();

    private final RedisConnection redis;

    public RedisCircleStore(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public List<Circle> all(CommunityRef community) {
        Map<String, String> stored = redis.call(RedisKeys.circles(community),
                jedis -> jedis.hgetAll(RedisKeys.circles(community)));
        List<Circle> circles = new ArrayList<>(stored.size());
        stored.forEach((id, value) -> read(community, id, value).ifPresent(circles::add));
        return circles;
    }

    @Override
    public Optional<Circle> find(CommunityRef community, String circleId) {
        if (circleId == null) {
            return Optional.empty();
        }
        String value = redis.call(RedisKeys.circles(community), jedis -> jedis.hget(RedisKeys.circles(community), circleId));
        return value == null ? Optional.empty() : read(community, circleId, value);
    }

    /** Adds the circle; false when its id is taken or the community already keeps {@link #MAX_CIRCLES} circles. */
    @Override
    public boolean add(CommunityRef community, Circle circle) {
        Objects.requireNonNull(circle, "circle");
        String key = RedisKeys.circles(community);
        Object result = redis.call(key, jedis -> ADD.run(jedis, List.of(key),
                List.of(circle.id(), CircleJson.write(circle), Integer.toString(MAX_CIRCLES))));
        if (Long.valueOf(-1).equals(result)) {
            LOG.info("circle not added in {}: it already keeps {} circles", community.key(), MAX_CIRCLES);
        }
        return Long.valueOf(1).equals(result);
    }

    @Override
    public boolean replace(CommunityRef community, Circle updated) {
        Objects.requireNonNull(updated, "updated");
        String key = RedisKeys.circles(community);
        Object result = redis.call(key, jedis -> REPLACE.run(jedis, List.of(key),
                List.of(updated.id(), CircleJson.write(updated), Long.toString(updated.version()))));
        return Long.valueOf(1).equals(result);
    }

    @Override
    public boolean remove(CommunityRef community, String circleId) {
        if (circleId == null) {
            return false;
        }
        return redis.call(RedisKeys.circles(community), jedis -> jedis.hdel(RedisKeys.circles(community), circleId)) > 0;
    }

    /** {@code SADD} to a set of at most {@link #MAX_LOST_PLACES}, both in one script so the bound holds across replicas. */
    @Override
    public boolean markPlaceLost(CommunityRef community, String channelId) {
        Objects.requireNonNull(channelId, "channelId");
        Object added = redis.call(RedisKeys.circleLostPlaces(community),
                jedis -> MARK_LOST.run(jedis, List.of(RedisKeys.circleLostPlaces(community)),
                List.of(channelId, Integer.toString(MAX_LOST_PLACES))));
        return Long.valueOf(1).equals(added);
    }

    @Override
    public void clearPlaceLost(CommunityRef community, String channelId) {
        Objects.requireNonNull(channelId, "channelId");
        redis.run(RedisKeys.circleLostPlaces(community), jedis -> jedis.srem(RedisKeys.circleLostPlaces(community), channelId));
    }

    @Override
    public CircleSettings settings(CommunityRef community) {
        String leads = redis.call(RedisKeys.circleSettings(community),
                jedis -> jedis.hget(RedisKeys.circleSettings(community), LEADS));
        if (leads == null) {
            return CircleSettings.DEFAULT;
        }
        try {
            return new CircleSettings(CircleJson.readLeads(leads));
        } catch (Unreadable e) {
            LOG.warn("the circle settings of {} cannot be read ({}); the defaults apply", community.key(), e.getMessage());
            return CircleSettings.DEFAULT;
        }
    }

    @Override
    public void saveSettings(CommunityRef community, CircleSettings settings) {
        Objects.requireNonNull(settings, "settings");
        List<Duration> leads = settings.leadTimes();
        redis.run(RedisKeys.circleSettings(community),
                jedis -> jedis.hset(RedisKeys.circleSettings(community), LEADS, CircleJson.writeLeads(leads)));
    }

    private static Optional<Circle> read(CommunityRef community, String id, String value) {
        try {
            Circle circle = parsed(value);
            if (!circle.id().equals(id)) {
                throw new Unreadable("stored under another id");
            }
            return Optional.of(circle);
        } catch (Unreadable e) {
            LOG.warn("a stored circle in {} cannot be read and is skipped: {}", community.key(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The circle the stored text reads as, parsed once while the text stays the same; a text that cannot be read is not kept. */
    static Circle parsed(String value) throws Unreadable {
        Circle known = PARSED.get(value);
        if (known != null) {
            return known;
        }
        Circle circle = CircleJson.readCircle(value);
        if (PARSED.size() >= MAX_PARSED) {
            PARSED.clear();
        }
        PARSED.put(value, circle);
        return circle;
    }
}
