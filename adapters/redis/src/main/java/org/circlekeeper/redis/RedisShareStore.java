package org.circlekeeper.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.share.ChairRotation;
import org.circlekeeper.core.share.SessionSummary;
import org.circlekeeper.core.share.ShareCodec;
import org.circlekeeper.core.share.ShareRoom;
import org.circlekeeper.core.share.ShareSession;
import org.circlekeeper.core.share.ShareSettings;
import org.circlekeeper.core.share.ShareStore;
import org.circlekeeper.core.share.Volunteer;

/**
 * The share circle's state in Redis. A session ({@link RedisKeys#shareLive}) and a channel's chair rotation
 * ({@link RedisKeys#shareRotation}) are hashes of a version {@code v} and the state {@code s} as JSON; every change
 * is one Lua script that writes only while {@code v} is still the version the change was computed from, so two
 * presses on two replicas never both change the same version. Ending a session removes it and keeps its counts in
 * one script. Nothing a member shares is ever written here.
 */
public final class RedisShareStore implements ShareStore {

    static final String VERSION = "v";
    static final String STATE = "s";
    static final String ANONYMOUS = "anonymous";
    static final String FORMAT = "format:";
    static final String PLACE_REFUSAL = "place-refusal";

    /** Creates the hash at ARGV[1] (version), ARGV[2] (state), TTL ARGV[3] ms, unless it exists: 1 when created. */
    private static final RedisScript START = new RedisScript("""
            if redis.call('EXISTS', KEYS[1]) == 1 then
              return 0
            end
            redis.call('HSET', KEYS[1], 'v', ARGV[1], 's', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """);

    /**
     * Compare-and-set: when the stored version (0 for none) is ARGV[1], stores version ARGV[2] and state ARGV[3] with
     * TTL ARGV[4] ms and returns 1; else changes nothing and returns 0.
     */
    private static final RedisScript SWAP = new RedisScript("""
            local stored = redis.call('HGET', KEYS[1], 'v') or '0'
            if stored ~= ARGV[1] then
              return 0
            end
            redis.call('HSET', KEYS[1], 'v', ARGV[2], 's', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1
            """);

    /**
     * When the session KEYS[1] is at version ARGV[1]: removes it and pushes its summary ARGV[2] on the history KEYS[2],
     * keeping ARGV[3] entries, and returns 1; else changes nothing and returns 0.
     */
    private static final RedisScript FINISH = new RedisScript("""
            if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then
              return 0
            end
            redis.call('DEL', KEYS[1])
            redis.call('LPUSH', KEYS[2], ARGV[2])
            redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[3]) - 1)
            return 1
            """);

    /** Counts one more in the window: the counter starts its TTL ARGV[1] ms with its first count. */
    private static final RedisScript COUNT = new RedisScript("""
            local count = redis.call('INCR', KEYS[1])
            if redis.call('PTTL', KEYS[1]) < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return count
            """);

    /** Replaces the whole hash KEYS[1] with the field, value pairs in ARGV. */
    private static final RedisScript REPLACE = new RedisScript("""
            redis.call('DEL', KEYS[1])
            if #ARGV > 0 then
              redis.call('HSET', KEYS[1], unpack(ARGV))
            end
            return 1
            """);

    private final RedisConnection redis;

    public RedisShareStore(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    private static String liveKey(ShareRoom room) {
        return RedisKeys.shareLive(room.community(), room.channel());
    }

    private static String rotationKey(ShareRoom room) {
        return RedisKeys.shareRotation(room.community(), room.channel());
    }

    @Override
    public Optional<ShareSession> live(ShareRoom room) {
        return Optional.ofNullable(redis.call(liveKey(room),
                jedis -> jedis.hget(liveKey(room), STATE))).map(ShareCodec::readLive);
    }

    @Override
    public boolean start(ShareRoom room, ShareSession session) {
        if (session.version() != 1) {
            throw new IllegalArgumentException("a new session starts at version 1, not " + session.version());
        }
        return ran(START, List.of(liveKey(room)), List.of("1", ShareCodec.write(session), millis(LIVE_TTL)));
    }

    @Override
    public boolean update(ShareRoom room, ShareSession next) {
        return ran(SWAP, List.of(liveKey(room)), List.of(Long.toString(next.version() - 1), Long.toString(next.version()),
                ShareCodec.write(next), millis(LIVE_TTL)));
    }

    @Override
    public boolean finish(ShareRoom room, long version, SessionSummary summary) {
        return ran(FINISH, List.of(liveKey(room), RedisKeys.shareHistory(room.community())),
                List.of(Long.toString(version), ShareCodec.write(summary), Integer.toString(HISTORY_KEPT)));
    }

    @Override
    public List<SessionSummary> history(CommunityRef community, int max) {
        if (max <= 0) {
            return List.of();
        }
        return redis.call(RedisKeys.shareHistory(community),
                jedis -> jedis.lrange(RedisKeys.shareHistory(community), 0, max - 1L)).stream()
                .map(ShareCodec::readSummary).toList();
    }

    @Override
    public ChairRotation rotation(ShareRoom room) {
        String stored = redis.call(rotationKey(room), jedis -> jedis.hget(rotationKey(room), STATE));
        return stored == null ? ChairRotation.NONE : ShareCodec.readRotation(stored);
    }

    @Override
    public boolean saveRotation(ShareRoom room, ChairRotation next) {
        return ran(SWAP, List.of(rotationKey(room)), List.of(Long.toString(next.version() - 1), Long.toString(next.version()),
                ShareCodec.write(next), millis(ROTATION_TTL)));
    }

    @Override
    public List<Volunteer> volunteers(CommunityRef community) {
        return redis.call(RedisKeys.shareVolunteers(community),
                jedis -> jedis.hvals(RedisKeys.shareVolunteers(community))).stream().map(ShareCodec::readVolunteer).toList();
    }

    @Override
    public void saveVolunteer(CommunityRef community, Volunteer volunteer) {
        redis.run(RedisKeys.shareVolunteers(community),
                jedis -> jedis.hset(RedisKeys.shareVolunteers(community), volunteer.person().key(), ShareCodec.write(volunteer)));
    }

    @Override
    public boolean removeVolunteer(CommunityRef community, String memberKey) {
        return redis.call(RedisKeys.shareVolunteers(community),
                jedis -> jedis.hdel(RedisKeys.shareVolunteers(community), memberKey)) > 0;
    }

    @Override
    public ShareSettings settings(CommunityRef community) {
        Map<String, String> fields = redis.call(RedisKeys.shareSettings(community),
                jedis -> jedis.hgetAll(RedisKeys.shareSettings(community)));
        Map<String, String> formats = new HashMap<>();
        fields.forEach((field, value) -> {
            if (field.startsWith(FORMAT)) {
                formats.put(field.substring(FORMAT.length()), value);
            }
        });
        return new ShareSettings("on".equals(fields.get(ANONYMOUS)), formats, "told".equals(fields.get(PLACE_REFUSAL)));
    }

    @Override
    public void saveSettings(CommunityRef community, ShareSettings settings) {
        List<String> fields = new ArrayList<>();
        if (settings.anonymous()) {
            fields.add(ANONYMOUS);
            fields.add("on");
        }
        if (settings.placeRefusalTold()) {
            fields.add(PLACE_REFUSAL);
            fields.add("told");
        }
        settings.formats().forEach((circle, format) -> {
            fields.add(FORMAT + circle);
            fields.add(format);
        });
        redis.call(RedisKeys.shareSettings(community),
                jedis -> REPLACE.run(jedis, List.of(RedisKeys.shareSettings(community)), fields));
    }

    @Override
    public long countAnonymous(MemberRef member, Duration window) {
        Object count = redis.call(RedisKeys.shareAnonymous(member),
                jedis -> COUNT.run(jedis, List.of(RedisKeys.shareAnonymous(member)), List.of(millis(window))));
        if (!(count instanceof Long n)) {
            throw new IllegalStateException("the count script answered " + count + " instead of a number");
        }
        return n;
    }

    @Override
    public void remember(MemberRef member, ShareRoom room) {
        String key = RedisKeys.shareRooms(member);
        redis.run(key, jedis -> {
            jedis.sadd(key, room.token());
            jedis.pexpire(key, ROTATION_TTL.toMillis());
        });
    }

    @Override
    public Set<ShareRoom> rooms(MemberRef member) {
        Set<ShareRoom> rooms = new LinkedHashSet<>();
        for (String token : redis.call(RedisKeys.shareRooms(member), jedis -> jedis.smembers(RedisKeys.shareRooms(member)))) {
            ShareRoom.parse(token).ifPresent(rooms::add);
        }
        return rooms;
    }

    @Override
    public void forget(MemberRef member) {
        redis.run(RedisKeys.shareRooms(member),
                jedis -> jedis.del(RedisKeys.shareRooms(member), RedisKeys.shareAnonymous(member)));
    }

    private boolean ran(RedisScript script, List<String> keys, List<String> args) {
        Object result = redis.call(keys.get(0), jedis -> script.run(jedis, keys, args));
        if (!(result instanceof Long n)) {
            throw new IllegalStateException("a share-circle script answered " + result + " instead of 0 or 1");
        }
        return n == 1;
    }

    private static String millis(Duration duration) {
        return Long.toString(Math.max(1, duration.toMillis()));
    }
}
