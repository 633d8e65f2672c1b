package org.circlekeeper.redis;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.circlekeeper.core.engine.MemberRef;
import org.circlekeeper.core.member.MemberSettings;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Transaction;

/**
 * Member settings in Redis: one hash per member ({@link RedisKeys#memberSettings}) holding only the
 * fields the member set, so that the store keeps no more than they chose; empty settings remove the hash.
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
        Map<String, String> hash = redis.call(jedis -> jedis.hgetAll(RedisKeys.memberSettings(member)));
        if (hash.isEmpty()) {
            return MemberSettings.NONE;
        }
        return new MemberSettings(zone(hash.get(ZONE)), language(hash.get(LANGUAGE)), hash.get(COUNTRY), hash.get(COMMUNITY));
    }

    @Override
    public void save(MemberRef member, MemberSettings settings) {
        Objects.requireNonNull(settings, "settings");
        String key = RedisKeys.memberSettings(member);
        if (settings.isEmpty()) {
            redis.run(jedis -> jedis.del(key));
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        settings.zoneSetting().ifPresent(zone -> fields.put(ZONE, zone.getId()));
        settings.languageSetting().ifPresent(language -> fields.put(LANGUAGE, language.toLanguageTag()));
        settings.countrySetting().ifPresent(country -> fields.put(COUNTRY, country));
        settings.communitySetting().ifPresent(community -> fields.put(COMMUNITY, community));
        redis.run(jedis -> {
            // replace the whole hash at once, so a setting cleared by the member does not linger
            try (Transaction replace = jedis.multi()) {
                replace.del(key);
                replace.hset(key, fields);
                replace.exec();
            }
        });
    }

    @Override
    public void delete(MemberRef member) {
        redis.run(jedis -> jedis.del(RedisKeys.memberSettings(member)));
    }

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
