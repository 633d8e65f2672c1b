package org.circlekeeper.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.circlekeeper.core.community.CommunitySettings;
import org.circlekeeper.core.community.CommunitySettingsStore;
import org.circlekeeper.core.ref.CommunityRef;

/**
 * Community defaults in Redis: one hash per community ({@link RedisKeys#communitySettings}) with the
 * fields its organisers set; settings with nothing set remove the hash. Reads are served from the connection's
 * {@link SettingsCache}, which every write here invalidates on every replica.
 */
public final class RedisCommunitySettingsStore implements CommunitySettingsStore {

    static final String ZONE = "zone";
    static final String LANGUAGE = "language";

    private final RedisConnection redis;

    public RedisCommunitySettingsStore(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public CommunitySettings get(CommunityRef community) {
        return redis.cache().get(RedisKeys.communitySettings(community), () -> read(community));
    }

    private CommunitySettings read(CommunityRef community) {
        Map<String, String> hash = redis.call(RedisKeys.communitySettings(community),
                jedis -> jedis.hgetAll(RedisKeys.communitySettings(community)));
        if (hash.isEmpty()) {
            return CommunitySettings.NONE;
        }
        return new CommunitySettings(RedisMemberSettingsStore.zone(hash.get(ZONE)),
                RedisMemberSettingsStore.language(hash.get(LANGUAGE)));
    }

    @Override
    public void save(CommunityRef community, CommunitySettings settings) {
        Objects.requireNonNull(settings, "settings");
        String key = RedisKeys.communitySettings(community);
        Map<String, String> fields = new LinkedHashMap<>();
        settings.zoneSetting().ifPresent(zone -> fields.put(ZONE, zone.getId()));
        settings.languageSetting().ifPresent(language -> fields.put(LANGUAGE, language.toLanguageTag()));
        redis.run(key, jedis -> RedisConnection.atomically(jedis, replace -> {
            replace.del(key);
            if (!fields.isEmpty()) {
                replace.hset(key, fields);
            }
            SettingsCache.announce(replace, key);
        }));
        redis.cache().dropped(key);
    }
}
