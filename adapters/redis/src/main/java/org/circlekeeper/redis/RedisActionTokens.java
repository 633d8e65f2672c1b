package org.circlekeeper.redis;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.circlekeeper.core.engine.ActionTokens;
import org.circlekeeper.core.ref.MemberRef;

/**
 * One-time button tokens in Redis: each is a hash {@link RedisKeys#token} holding its owner and purpose,
 * expiring after its TTL. Consuming runs as one Lua script, so of any number of presses on any number of
 * replicas exactly one by the owner gets {@link Outcome#CONSUMED}.
 *
 * <p>A token is 128 random bits in URL-safe base64: 22 characters, so {@code privacy.erase:<token>} fits
 * in a button's 64 bytes.
 */
public final class RedisActionTokens implements ActionTokens {

    /** The length of every issued token. */
    public static final int TOKEN_LENGTH = 22;

    static final String OWNER = "owner";
    static final String PURPOSE = "purpose";

    /**
     * Returns 0 when the token is gone (used, expired, never issued or issued for another purpose),
     * 1 when it belongs to someone else (it stays), 2 when it was the presser's and is now used up.
     */
    private static final RedisScript CONSUME = new RedisScript("""
            local token = redis.call('HMGET', KEYS[1], 'owner', 'purpose')
            if not token[1] or token[2] ~= ARGV[2] then
              return 0
            end
            if token[1] ~= ARGV[1] then
              return 1
            end
            redis.call('DEL', KEYS[1])
            return 2
            """);

    private final RedisConnection redis;
    private final SecureRandom random = new SecureRandom();

    public RedisActionTokens(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public String issue(MemberRef owner, String purpose, Duration ttl) {
        Objects.requireNonNull(owner, "owner");
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a token needs a purpose");
        }
        if (ttl == null || ttl.toMillis() < 1) {
            throw new IllegalArgumentException("a token needs a time to live of at least a millisecond");
        }
        String token = newToken();
        String key = RedisKeys.token(token);
        Map<String, String> fields = Map.of(OWNER, RedisIds.memberId(owner), PURPOSE, purpose);
        // created and given its TTL together (one round trip): a token without an expiry never exists
        redis.run(key, jedis -> RedisConnection.atomically(jedis, create -> {
            create.hset(key, fields);
            create.pexpire(key, ttl.toMillis());
        }));
        return token;
    }

    /**
     * Consumes the token when {@code presser} owns it and it was issued for {@code purpose}. A token issued for
     * another purpose counts as {@link Outcome#GONE} for this one and stays usable for its own; a text that
     * cannot be a token is {@link Outcome#GONE} without asking Redis.
     */
    @Override
    public Outcome consume(String token, MemberRef presser, String purpose) {
        Objects.requireNonNull(presser, "presser");
        if (!RedisIds.isToken(token) || purpose == null) {
            return Outcome.GONE;
        }
        Object result = redis.call(RedisKeys.token(token), jedis -> CONSUME.run(jedis, List.of(RedisKeys.token(token)),
                List.of(RedisIds.memberId(presser), purpose)));
        if (!(result instanceof Long code)) {
            throw new IllegalStateException("the token script answered " + result + " instead of a number");
        }
        return switch (code.intValue()) {
            case 2 -> Outcome.CONSUMED;
            case 1 -> Outcome.NOT_YOURS;
            case 0 -> Outcome.GONE;
            default -> throw new IllegalStateException("the token script answered " + code);
        };
    }

    private String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
