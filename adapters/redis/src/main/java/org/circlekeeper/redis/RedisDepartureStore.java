package org.circlekeeper.redis;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.circlekeeper.core.community.DepartureStore;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.schedule.JobMove;
import org.circlekeeper.core.share.ShareRoom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * {@link DepartureStore} on Redis: the removal mark is {@code ck:c:{community}:departed} (epoch ms, set with
 * {@code NX}, so the first removal counts). Erasing a community first takes its members' index entries that point
 * to it out of their sets (answers, reminder choices, share rooms) and its calendar-feed token out of the token
 * index, then deletes every key with the community's hash tag: whatever a feature stores for a community lives
 * under it, so a new feature's community keys are erased without a change here. Members' own keys (their
 * check-ins, settings) are theirs and stay. A community whose id changed moves whole ({@link RedisCommunityMove}).
 */
public final class RedisDepartureStore implements DepartureStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisDepartureStore.class);
    private static final int PAGE = 500;

    private final RedisConnection redis;
    private final Clock clock;
    private final RedisCommunityMove moves;

    /** @param clock the bot's one clock: an unreadable removal mark counts as a removal at its "now" */
    public RedisDepartureStore(RedisConnection redis, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.moves = new RedisCommunityMove(redis);
    }

    @Override
    public Optional<Instant> departedAt(CommunityRef community) {
        String stored = redis.call(RedisKeys.departed(community), jedis -> jedis.get(RedisKeys.departed(community)));
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(stored)));
        } catch (NumberFormatException e) {
            LOG.warn("a community's removal mark cannot be read; it counts as removed now");
            return Optional.of(clock.instant());
        }
    }

    @Override
    public boolean markDeparted(CommunityRef community, Instant at) {
        Objects.requireNonNull(at, "at");
        return "OK".equals(redis.call(RedisKeys.departed(community),
                jedis -> jedis.set(RedisKeys.departed(community), Long.toString(at.toEpochMilli()),
                SetParams.setParams().nx())));
    }

    @Override
    public boolean clearDeparted(CommunityRef community) {
        return redis.call(RedisKeys.departed(community), jedis -> jedis.del(RedisKeys.departed(community))) == 1;
    }

    /**
     * Erases every key of the community and its entries in members' indexes. The community's own keys share its hash
     * tag and so one node, where they are scanned; each member's index and the feed token are written on their own
     * slot's node, and members' share rooms are scanned on every primary.
     */
    @Override
    public void eraseCommunity(CommunityRef community) {
        String id = RedisIds.communityId(community);
        String choices = RedisKeys.reminderChoices(community);
        for (String member : redis.call(choices, jedis -> jedis.hkeys(choices))) {
            memberOf(member).ifPresent(m -> redis.run(RedisKeys.memberReminderChoices(m),
                    jedis -> jedis.srem(RedisKeys.memberReminderChoices(m), id)));
        }
        for (String key : communityKeys(community)) {
            if (key.startsWith(RedisKeys.rsvpsPrefix(community))) {
                for (String member : redis.call(key, jedis -> jedis.hkeys(key))) {
                    memberOf(member).ifPresent(m -> redis.run(RedisKeys.memberRsvps(m), jedis -> dropEntries(jedis, m, id)));
                }
            }
        }
        String token = redis.call(choices, jedis -> jedis.get(RedisKeys.feedToken(community)));
        if (token != null && RedisIds.isToken(token)) {
            String feed = RedisKeys.feed(token);
            redis.run(feed, jedis -> {
                if (id.equals(jedis.get(feed))) {
                    jedis.del(feed);
                }
            });
        }
        redis.scan(RedisKeys.PREFIX + "m:*:share:rooms", PAGE, key -> redis.run(key, jedis -> {
            List<String> here = jedis.smembers(key).stream()
                    .filter(t -> ShareRoom.parse(t).map(room -> room.community().equals(community)).orElse(false)).toList();
            if (!here.isEmpty()) {
                jedis.srem(key, here.toArray(String[]::new));
            }
        }));
        List<String> keys = communityKeys(community);
        redis.run(choices, jedis -> {
            for (int from = 0; from < keys.size(); from += PAGE) {
                jedis.del(keys.subList(from, Math.min(keys.size(), from + PAGE)).toArray(String[]::new));
            }
        });
        LOG.info("a {} community's {} key(s) were erased", community.platform().id(), keys.size());
    }

    /** Every key of the community: they share its hash tag, so the node that serves its slot holds them all. */
    private List<String> communityKeys(CommunityRef community) {
        List<String> keys = new ArrayList<>();
        redis.run(RedisKeys.reminderChoices(community), jedis -> scan(jedis, RedisKeys.communityKeys(community), keys::add));
        return keys;
    }

    /** See {@link RedisCommunityMove}: one transaction, once, after any job of the community being run. */
    @Override
    public boolean moveCommunity(CommunityRef from, CommunityRef to, JobMove jobs, Map<ChannelRef, ChannelRef> channels) {
        return moves.move(from, to, jobs, channels);
    }

    /** Takes the member's answer-index entries of the community ({@code <communityId>/...}) out. */
    private static void dropEntries(Jedis jedis, MemberRef member, String communityId) {
        String index = RedisKeys.memberRsvps(member);
        List<String> here = jedis.zrange(index, 0, -1).stream().filter(e -> e.startsWith(communityId + "/")).toList();
        if (!here.isEmpty()) {
            jedis.zrem(index, here.toArray(String[]::new));
        }
    }

    /** The member an id in a community's keys names; empty (logged without the id's owner) when it cannot be read. */
    static Optional<MemberRef> memberOf(String memberId) {
        try {
            return Optional.of(RedisIds.parseMemberId(memberId));
        } catch (IllegalArgumentException e) {
            LOG.warn("a member id in a community's keys cannot be read and is skipped: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Every key on {@code jedis}'s node matching {@code pattern}, a page at a time (also the community move's). */
    static void scan(Jedis jedis, String pattern, Consumer<String> each) {
        ScanParams match = new ScanParams().match(pattern).count(PAGE);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, match);
            page.getResult().forEach(each);
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
}
