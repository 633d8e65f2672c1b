package org.circlekeeper.redis;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.circlekeeper.core.member.MemberSettings;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.ref.MemberRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.params.SetParams;

/**
 * Member settings in Redis: one hash per member ({@link RedisKeys#memberSettings}) holding only the
 * fields the member set, so that the store keeps no more than they chose; empty settings remove the hash.
 * The group the member last used the bot in is not their choice: it lives in its own key ({@link
 * RedisKeys#memberHome}) that expires {@link MemberSettingsStore#HOME_KEPT} after it was set. Reads are served from
 * the connection's {@link SettingsCache}, which every write here invalidates on every replica.
 */
public final class RedisMemberSettingsStore implements MemberSettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisMemberSettingsStore.class);
    static final String ZONE = "zone";
    static final String LANGUAGE = "language";
    static final String COUNTRY = "country";
    static final String COMMUNITY = "community";

    private final RedisConnection redis;

    public RedisMemberSettingsStore(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public MemberSettings get(MemberRef member) {
        return redis.cache().get(RedisKeys.memberSettings(member), () -> read(member));
    }

    private MemberSettings read(MemberRef member) {
        List<Object> read = redis.call(RedisKeys.memberSettings(member), jedis -> RedisConnection.atomically(jedis, both -> {
            both.hgetAll(RedisKeys.memberSettings(member));
            both.get(RedisKeys.memberHome(member));
        }));
        Map<String, String> hash = BuilderFactory.STRING_MAP.build(read.get(0));
        String home = BuilderFactory.STRING.build(read.get(1));
        // a hash written before the group had a key of its own may still hold it as a field
        String community = home != null ? home : hash.get(COMMUNITY);
        if (hash.isEmpty() && community == null) {
            return MemberSettings.NONE;
        }
        return new MemberSettings(zone(hash.get(ZONE)), language(hash.get(LANGUAGE)), hash.get(COUNTRY), community);
    }

    @Override
    public void save(MemberRef member, MemberSettings settings) {
        Objects.requireNonNull(settings, "settings");
        String key = RedisKeys.memberSettings(member);
        String home = RedisKeys.memberHome(member);
        Map<String, String> fields = new LinkedHashMap<>();
        settings.zoneSetting().ifPresent(zone -> fields.put(ZONE, zone.getId()));
        settings.languageSetting().ifPresent(language -> fields.put(LANGUAGE, language.toLanguageTag()));
        settings.countrySetting().ifPresent(country -> fields.put(COUNTRY, country));
        // replace the whole hash at once, so a setting cleared by the member does not linger
        redis.run(key, jedis -> RedisConnection.atomically(jedis, replace -> {
            replace.del(key);
            if (!fields.isEmpty()) {
                replace.hset(key, fields);
            }
            if (settings.communitySetting().isPresent()) {
                replace.set(home, settings.community(), SetParams.setParams().px(HOME_KEPT.toMillis()));
            } else {
                replace.del(home);
            }
            SettingsCache.announce(replace, key);
        }));
        redis.cache().dropped(key);
    }

    @Override
    public void delete(MemberRef member) {
        String key = RedisKeys.memberSettings(member);
        redis.run(key, jedis -> RedisConnection.atomically(jedis, delete -> {
            delete.del(key, RedisKeys.memberHome(member));
            SettingsCache.announce(delete, key);
        }));
        redis.cache().dropped(key);
    }

    /**
     * Moves the group of settings written before it had a key of its own (a {@code community} field in the
     * settings hash, kept forever) to the expiring key, and so drops the hashes that held nothing else: those
     * of people who only ever wrote in a group. Safe to run on every start and on several replicas at once.
     *
     * @return how many hashes held the old field
     */
    public static int moveLegacyHomes(RedisConnection redis) {
        AtomicInteger moved = new AtomicInteger();
        redis.scan(RedisKeys.PREFIX + "m:*:settings", 500, key -> {
            if (redis.call(key, jedis -> jedis.eval(MOVE_HOME, List.of(key, key.substring(0, key.length() - "settings".length())
                    + "home"), List.of(COMMUNITY, Long.toString(HOME_KEPT.toMillis())))) instanceof Long count && count > 0) {
                moved.incrementAndGet();
            }
        });
        if (moved.get() > 0) {
            redis.forgetCached();
            LOG.info("member settings: moved the last-used group of {} members to its expiring key", moved.get());
        }
        return moved.get();
    }

    /** KEYS: settings hash, home key; ARGV: the field, the TTL in ms. A newer home key wins; HDEL drops an emptied hash. */
    private static final String MOVE_HOME = """
            local community = redis.call('HGET', KEYS[1], ARGV[1])
            if not community then return 0 end
            redis.call('SET', KEYS[2], community, 'PX', ARGV[2], 'NX')
            redis.call('HDEL', KEYS[1], ARGV[1])
            return 1
            """;

    static ZoneId zone(String id) {
        if (id == null) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            // a zone this Java's time-zone data no longer knows: treat it as unset rather than fail the member
            LOG.warn("a stored time zone is not known to this runtime and is ignored: {}", e.getMessage());
            return null;
        }
    }

    static Locale language(String tag) {
        return tag == null ? null : Locale.forLanguageTag(tag);
    }
}
