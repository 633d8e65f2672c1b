package org.circlekeeper.redis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.template.WordingStore;

/**
 * A community's own message texts in Redis: one hash per community and language ({@link RedisKeys#wording}),
 * message key to text. Each hash is bounded ({@link #MAX_OVERRIDES} texts of at most
 * {@link #MAX_TEXT_LENGTH} characters), checked inside Redis so that replicas cannot overrun it together. Reads are
 * served from the connection's {@link SettingsCache}, which every change here invalidates on every replica.
 */
public final class RedisWordingStore implements WordingStore {

    /** Overridden texts one community may keep per language: far more than the bot has messages. */
    public static final int MAX_OVERRIDES = 500;
    /** The longest text kept: twice Telegram's message limit, room for the template's markup. */
    public static final int MAX_TEXT_LENGTH = 8_192;
    /** The longest message key accepted. */
    public static final int MAX_KEY_LENGTH = 200;

    /** Sets a field only when it exists already or the hash has room (and announces the change): 1 when set, 0 when full. */
    private static final RedisScript PUT_BOUNDED = new RedisScript("""
            if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 or redis.call('HLEN', KEYS[1]) < tonumber(ARGV[3]) then
              redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
              redis.call('PUBLISH', ARGV[4], KEYS[1])
              return 1
            end
            return 0
            """);

    private final RedisConnection redis;

    public RedisWordingStore(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public Map<String, String> overrides(CommunityRef community, Locale locale) {
        String hash = RedisKeys.wording(community, locale);
        return redis.cache().get(hash, () -> Map.copyOf(redis.call(hash, jedis -> jedis.hgetAll(hash))));
    }

    /**
     * Keeps the community's text for {@code key}.
     *
     * @throws IllegalArgumentException when the key or text is empty or too long
     * @throws IllegalStateException    when the community already keeps {@link #MAX_OVERRIDES} texts in this locale
     */
    @Override
    public void put(CommunityRef community, Locale locale, String key, String text) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a message key is 1 to " + MAX_KEY_LENGTH + " characters");
        }
        if (text == null || text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("a message text is at most " + MAX_TEXT_LENGTH + " characters");
        }
        String hash = RedisKeys.wording(community, locale);
        Object stored = redis.call(hash, jedis -> PUT_BOUNDED.run(jedis, List.of(hash),
                List.of(key, text, Integer.toString(MAX_OVERRIDES), SettingsCache.CHANNEL)));
        redis.cache().dropped(hash);
        if (!Long.valueOf(1).equals(stored)) {
            throw new IllegalStateException("a community keeps at most " + MAX_OVERRIDES
                    + " own message texts per language; reset one first");
        }
    }

    @Override
    public boolean remove(CommunityRef community, Locale locale, String key) {
        if (key == null) {
            return false;
        }
        String hash = RedisKeys.wording(community, locale);
        boolean removed = redis.call(hash, jedis -> (Long) RedisConnection.atomically(jedis, remove -> {
            remove.hdel(hash, key);
            SettingsCache.announce(remove, hash);
        }).get(0)) > 0;
        redis.cache().dropped(hash);
        return removed;
    }
}
