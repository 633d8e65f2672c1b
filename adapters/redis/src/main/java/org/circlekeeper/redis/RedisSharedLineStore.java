package org.circlekeeper.redis;

import java.time.Duration;
import java.util.Optional;
import org.circlekeeper.core.checkin.PendingShare;
import org.circlekeeper.core.checkin.SharedLineStore;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.SetParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A line waiting for its member's confirmation in Redis: one string per member and community that expires. */
final class RedisSharedLineStore implements SharedLineStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSharedLineStore.class);

    private final CheckinRedis shared;
    private final RedisConnection redis;

    RedisSharedLineStore(CheckinRedis shared) {
        this.shared = shared;
        this.redis = shared.redis;
    }

    @Override
    public void holdShare(CommunityRef community, MemberRef member, PendingShare share, Duration ttl) {
        long millis = Math.max(1, ttl.toMillis());
        ObjectNode value = shared.json.createObjectNode();
        value.put("channel", CheckinRedis.channel(share.channel()));
        value.put("line", share.line());
        shared.index(member, community, millis);
        redis.run(RedisKeys.checkinShare(member, community),
                jedis -> jedis.set(RedisKeys.checkinShare(member, community), shared.json.writeValueAsString(value),
                SetParams.setParams().px(millis)));
    }

    @Override
    public Optional<PendingShare> takeShare(CommunityRef community, MemberRef member) {
        return readShare(redis.call(RedisKeys.checkinShare(member, community),
                jedis -> jedis.getDel(RedisKeys.checkinShare(member, community))));
    }

    @Override
    public Optional<PendingShare> heldShare(CommunityRef community, MemberRef member) {
        return readShare(redis.call(RedisKeys.checkinShare(member, community),
                jedis -> jedis.get(RedisKeys.checkinShare(member, community))));
    }

    private Optional<PendingShare> readShare(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = shared.json.readTree(value);
            if (!node.has("line")) {
                // kept by an earlier version as the rendered post, name included: let it lapse rather than post it twice over
                return Optional.empty();
            }
            return CheckinRedis.channel(node.path("channel").asString("")).map(c -> new PendingShare(c, node.path("line").asString("")));
        } catch (RuntimeException e) {
            LOG.warn("a waiting check-in line could not be read and was dropped");
            return Optional.empty();
        }
    }
}
