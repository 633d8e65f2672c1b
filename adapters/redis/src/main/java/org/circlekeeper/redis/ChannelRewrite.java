package org.circlekeeper.redis;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.circlekeeper.core.circle.Circle;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * The part of a community's move ({@link RedisCommunityMove}) that rewrites the places it keeps whose id changed with
 * it (a Telegram group's own chat becomes the supergroup's): each circle's channel, the check-in settings' channel and the
 * safety alert channel that name an old channel name its new one. Read under the move's {@code WATCH} from the old
 * community's keys, written into the new community's keys in its transaction, after they were renamed or merged.
 */
final class ChannelRewrite {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelRewrite.class);

    private final Map<ChannelRef, ChannelRef> channels;
    private final Map<String, Map<String, String>> fields = new LinkedHashMap<>();

    private ChannelRewrite(Map<ChannelRef, ChannelRef> channels) {
        this.channels = Map.copyOf(channels);
    }

    /**
     * Reads the old community's places and notes the fields to rewrite in the new community's keys; {@code present} tells
     * which old keys exist and move.
     */
    static ChannelRewrite read(Jedis jedis, CommunityRef from, CommunityRef to, Map<ChannelRef, ChannelRef> channels) {
        ChannelRewrite rewrite = new ChannelRewrite(channels);
        if (channels.isEmpty()) {
            return rewrite;
        }
        jedis.hgetAll(RedisKeys.circles(from)).forEach((id, stored) -> {
            Circle circle;
            try {
                circle = CircleJson.readCircle(stored);
            } catch (Unreadable e) {
                // an unreadable circle moves as it is; its own reader reports it
                LOG.warn("a stored circle could not be read for a community's move and keeps its place: {}", e.getMessage());
                return;
            }
            rewrite.moved(circle.channel()).ifPresent(channel ->
                    rewrite.put(RedisKeys.circles(to), id, CircleJson.write(circle.withChannel(channel))));
        });
        String checkin = jedis.hget(RedisKeys.checkinSettings(from), "channel");
        if (checkin != null) {
            CheckinRedis.channel(checkin).flatMap(rewrite::moved)
                    .ifPresent(channel -> rewrite.put(RedisKeys.checkinSettings(to), "channel", CheckinRedis.channel(channel)));
        }
        ChannelRef alerts = RedisResourceStore.channel(jedis.hgetAll(RedisKeys.safety(from)));
        if (alerts != null) {
            // the same platform and kind (MembershipEvent.CommunityMoved): only the id changes
            rewrite.moved(alerts).ifPresent(channel -> rewrite.put(RedisKeys.safety(to), RedisResourceStore.CHANNEL_ID, channel.channelId()));
        }
        return rewrite;
    }

    private Optional<ChannelRef> moved(ChannelRef channel) {
        return Optional.ofNullable(channels.get(channel));
    }

    private void put(String key, String field, String value) {
        fields.computeIfAbsent(key, k -> new HashMap<>()).put(field, value);
    }

    /** How many stored places are rewritten. */
    int size() {
        return fields.values().stream().mapToInt(Map::size).sum();
    }


    /** Writes the rewritten places into the transaction {@code tx}, after the keys moved. */
    void write(Pipeline tx) {
        fields.forEach(tx::hset);
    }
}
