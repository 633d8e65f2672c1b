package org.circlekeeper.redis;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.circlekeeper.core.checkin.Buddy;
import org.circlekeeper.core.checkin.Checkin;
import org.circlekeeper.core.checkin.CheckinProfile;
import org.circlekeeper.core.checkin.Mood;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the check-in stores share in Redis (6.2 commands only). A member's keys in one community share the
 * member's hash tag and are bounded: check-ins and journey marks are sorted sets scored by day (at most one entry a
 * day), each entry carrying its own expiry; every write drops expired entries and sets the key's TTL to its last
 * entry's expiry, so a member's history vanishes by itself after the retention period. A per-member set of
 * communities (whose TTL is stretched to the longest key it names, and which is written before them) makes export
 * and erasure possible without a scan. Also the codecs: a profile hash, a channel, a buddy-of entry. Notes arrive
 * sealed; no check-in store sees plain text.
 */
final class CheckinRedis {

    static final String PROMPTS = "prompts";
    static final String TIME = "time";
    static final String AWAY = "away";
    static final String BUDDY = "buddy";
    static final String SINCE = "since";
    static final String PLANNED = "planned";
    private static final Logger LOG = LoggerFactory.getLogger(CheckinRedis.class);

    /**
     * Replaces the entry of day ARGV[1] in KEYS[1] with ARGV[2] (expiring at ARGV[3], epoch ms), drops every
     * expired or unreadable entry (now: ARGV[4]), sets the key's TTL to its last entry's expiry, and adds
     * community ARGV[5] to the member's index KEYS[2], stretching its TTL to at least as long.
     */
    private static final RedisScript PUT_DAY = new RedisScript("""
            redis.call('ZREMRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1])
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
            local now = tonumber(ARGV[4])
            local last = 0
            for _, entry in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
              local ok, value = pcall(cjson.decode, entry)
              local exp = ok and type(value) == 'table' and tonumber(value['exp']) or nil
              if exp == nil or exp <= now then
                redis.call('ZREM', KEYS[1], entry)
              elseif exp > last then
                last = exp
              end
            end
            if last <= now then
              redis.call('DEL', KEYS[1])
              return 0
            end
            redis.call('PEXPIRE', KEYS[1], last - now)
            redis.call('SADD', KEYS[2], ARGV[5])
            if redis.call('PTTL', KEYS[2]) < last - now then
              redis.call('PEXPIRE', KEYS[2], last - now)
            end
            return 1
            """);

    /**
     * Puts a day's entry (see {@link #PUT_DAY}) that expires after {@code now}, and in the same round trip sends what
     * {@code alongside} adds to the pipeline (writes of the same check-in elsewhere): the script keeps such an entry, so
     * there is nothing to wait for. Should the server not know the script yet, it is sent in full after the pipeline.
     */
    void putDayWith(String key, MemberRef member, CommunityRef community, LocalDate day, ObjectNode entry, long now,
                    Consumer<Pipeline> alongside) {
        long expires = entry.path("exp").asLong();
        if (expires <= now) {
            throw new IllegalArgumentException("an entry that has expired already is put with putDay, which says so");
        }
        List<String> keys = List.of(key, RedisKeys.checkinCommunities(member));
        List<String> args = List.of(Long.toString(day.toEpochDay()), json.writeValueAsString(entry), Long.toString(expires),
                Long.toString(now), community.key());
        redis.run(key, jedis -> {
            Pipeline pipe = jedis.pipelined();
            Response<Object> kept = pipe.evalsha(PUT_DAY.sha1(), keys, args);
            alongside.accept(pipe);
            pipe.sync();
            try {
                kept.get();
            } catch (JedisDataException e) {
                if (!(e instanceof JedisNoScriptException) && !String.valueOf(e.getMessage()).startsWith("NOSCRIPT")) {
                    throw e;
                }
                PUT_DAY.runInFull(jedis, keys, args);
            }
        });
    }

    /** Adds community ARGV[1] to the member's index KEYS[1] and makes the index live at least ARGV[2] ms. */
    static final RedisScript INDEX = new RedisScript("""
            redis.call('SADD', KEYS[1], ARGV[1])
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 1
            """);

    final RedisConnection redis;
    final Clock clock;
    final JsonMapper json = JsonMapper.builder().build();

    /** @param clock decides what has expired: the bot's clock (virtual in the console and tests), never Redis TIME */
    CheckinRedis(RedisConnection redis, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Puts a day's entry (see {@link #PUT_DAY}); false when it had expired already and nothing is kept. */
    boolean putDay(String key, MemberRef member, CommunityRef community, LocalDate day, ObjectNode entry) {
        Object kept = redis.call(key, jedis -> PUT_DAY.run(jedis, List.of(key, RedisKeys.checkinCommunities(member)),
                List.of(Long.toString(day.toEpochDay()), json.writeValueAsString(entry), Long.toString(entry.path("exp").asLong()),
                        Long.toString(clock.millis()), community.key())));
        return Long.valueOf(1).equals(kept);
    }

    /** Adds the community to the member's index, which then lives at least {@code millis}. */
    void index(MemberRef member, CommunityRef community, long millis) {
        redis.run(RedisKeys.checkinCommunities(member), jedis -> INDEX.run(jedis, List.of(RedisKeys.checkinCommunities(member)),
                List.of(community.key(), Long.toString(Math.max(1, millis)))));
    }

    /** The unexpired entries of days {@code from} to {@code to}, oldest first. */
    List<JsonNode> entries(String key, LocalDate from, LocalDate to) {
        List<String> raw = redis.call(key, (Jedis jedis) -> jedis.zrangeByScore(key, from.toEpochDay(), to.toEpochDay()));
        long now = clock.millis();
        List<JsonNode> out = new ArrayList<>();
        for (String text : raw) {
            read(text).filter(e -> e.path("exp").asLong(0) > now).ifPresent(out::add);
        }
        return out;
    }

    Optional<JsonNode> read(String text) {
        try {
            return Optional.of(json.readTree(text));
        } catch (RuntimeException e) {
            LOG.warn("a stored check-in entry could not be read and is skipped");
            return Optional.empty();
        }
    }

    static Optional<Checkin> checkin(JsonNode entry) {
        Optional<LocalDate> day = day(entry);
        Optional<Mood> mood = Mood.of(entry.path("mood").asInt(0));
        if (day.isEmpty() || mood.isEmpty()) {
            return Optional.empty();
        }
        String note = entry.hasNonNull("note") ? entry.get("note").asString() : null;
        Instant at;
        try {
            at = Instant.parse(entry.path("at").asString(""));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(new Checkin(day.get(), mood.get(), note, at));
    }

    static Optional<LocalDate> day(JsonNode entry) {
        try {
            return Optional.of(LocalDate.parse(entry.path("day").asString("")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Map<String, String> fields(CheckinProfile profile) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (profile.prompts()) {
            fields.put(PROMPTS, "1");
        }
        profile.ownTime().ifPresent(t -> fields.put(TIME, t.toString()));
        profile.awayUntil().ifPresent(d -> fields.put(AWAY, d.toString()));
        profile.buddySetting().ifPresent(b -> fields.put(BUDDY, b.storageId()));
        profile.sinceDay().ifPresent(d -> fields.put(SINCE, d.toString()));
        profile.plannedJob().ifPresent(j -> fields.put(PLANNED, j));
        return fields;
    }

    static CheckinProfile profile(Map<String, String> hash) {
        return new CheckinProfile("1".equals(hash.get(PROMPTS)), parseTime(hash.get(TIME)).orElse(null),
                parseDate(hash.get(AWAY)).orElse(null), Optional.ofNullable(hash.get(BUDDY)).map(Buddy::fromStorageId).orElse(null),
                parseDate(hash.get(SINCE)).orElse(null), hash.get(PLANNED));
    }

    static Optional<LocalTime> parseTime(String text) {
        try {
            return Optional.ofNullable(text).map(LocalTime::parse);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.ofNullable(text).map(LocalDate::parse);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A channel as {@code platform kind id} (the id last, as it may hold anything). */
    static String channel(ChannelRef channel) {
        return channel.platform().id() + " " + channel.kind().name() + " " + channel.channelId();
    }

    static Optional<ChannelRef> channel(String text) {
        String[] parts = text.split(" ", 3);
        try {
            return parts.length == 3 ? Optional.of(new ChannelRef(Platform.fromId(parts[0]),
                    parts[2], ChannelRef.Kind.valueOf(parts[1]))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** One member's choice of buddy in one community, as kept in the buddy's set: {@code <community key> <member key>} escaped. */
    static String buddyEntry(CommunityRef community, MemberRef member) {
        return RedisIds.escape(community.key()) + " " + RedisIds.escape(member.key());
    }

    static Optional<Map.Entry<CommunityRef, MemberRef>> parseBuddyEntry(String entry) {
        String[] parts = entry.split(" ");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(Map.entry(CommunityRef.fromKey(RedisIds.unescape(parts[0])), MemberRef.fromKey(RedisIds.unescape(parts[1]))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
