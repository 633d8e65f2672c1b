package org.circlekeeper.redis;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.engine.HeldCommands;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import redis.clients.jedis.params.SetParams;

/**
 * {@link HeldCommands} in Redis: one string {@link RedisKeys#heldCommand} per held command, written with its expiry
 * and taken with {@code GETDEL}, so that two presses on two replicas can never both run it. The value is the place
 * and the command, each part URL-encoded and separated by spaces.
 */
public final class RedisHeldCommands implements HeldCommands {

    private final RedisConnection redis;
    private final SecureRandom random = new SecureRandom();

    public RedisHeldCommands(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public String hold(Held command, Duration ttl) {
        Objects.requireNonNull(command, "command");
        if (ttl == null || ttl.toMillis() < 1) {
            throw new IllegalArgumentException("a held command needs a time to live of at least a millisecond");
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String value = String.join(" ", command.community().platform().id(), encode(command.community().communityId()),
                encode(command.channel().channelId()), command.channel().kind().name(), encode(command.command()),
                encode(command.rest()));
        redis.run(RedisKeys.heldCommand(token),
                jedis -> jedis.set(RedisKeys.heldCommand(token), value, SetParams.setParams().px(ttl.toMillis())));
        return token;
    }

    @Override
    public Optional<Held> take(String token) {
        if (!RedisIds.isToken(token)) {
            return Optional.empty();
        }
        String value = redis.call(RedisKeys.heldCommand(token), jedis -> jedis.getDel(RedisKeys.heldCommand(token)));
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(" ", -1);
        if (parts.length != 6) {
            throw new IllegalStateException("a held command in Redis has " + parts.length + " parts instead of 6");
        }
        Platform platform = Platform.fromId(parts[0]);
        return Optional.of(new Held(new CommunityRef(platform, decode(parts[1])),
                new ChannelRef(platform, decode(parts[2]), ChannelRef.Kind.valueOf(parts[3])), decode(parts[4]), decode(parts[5])));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
