package org.circlekeeper.redis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.schedule.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part of a community's move ({@link RedisCommunityMove}) that concerns members' check-in records there: each member
 * whose check-in index ({@link RedisKeys#checkinCommunities}) names the old community has their records of it (check-ins,
 * journey, profile with its prompt choice and planned prompt, a waiting line, the alert cooldown) renamed to the new
 * community, the index and their buddy's buddy-of entry rewritten, and a planned prompt that the move re-keys is named by
 * its new id, so that prompts and history carry on in the new group; a waiting line to be posted in a channel whose id
 * changed with the community is posted in the new one. Where the member has a record of the new community
 * already, the moved one wins: a profile, line or cooldown replaces it, and check-ins and journey marks are merged day by
 * day. Found in one read before the move's {@code WATCH}, read again under it, written in its transaction.
 */
final class CheckinMemberMove {

    private static final Logger LOG = LoggerFactory.getLogger(CheckinMemberMove.class);
    private static final int PAGE = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Records(MemberRef member, List<String> from, List<String> to) {
    }

    private final CommunityRef source;
    private final CommunityRef target;
    private final List<Records> members = new ArrayList<>();
    private final Map<String, List<Tuple>> merged = new HashMap<>();
    private final Map<String, Long> ttl = new HashMap<>();
    private final Set<String> present = new LinkedHashSet<>();
    private final Map<String, String> planned = new HashMap<>();
    private final Map<MemberRef, String> buddies = new HashMap<>();
    private final Map<String, String> lines = new HashMap<>();

    private CheckinMemberMove(CommunityRef from, CommunityRef to) {
        this.source = from;
        this.target = to;
    }

    /** The members whose check-in index names {@code from}; their keys are to be watched ({@link #watched}). */
    static CheckinMemberMove find(Jedis jedis, CommunityRef from, CommunityRef to) {
        CheckinMemberMove move = new CheckinMemberMove(from, to);
        ScanParams match = new ScanParams().match(RedisKeys.PREFIX + "m:*:checkin:communities").count(PAGE);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, match);
            for (String index : page.getResult()) {
                if (jedis.sismember(index, from.key())) {
                    memberOfIndex(index).ifPresent(member -> move.members.add(new Records(member, keys(member, from), keys(member, to))));
                }
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return move;
    }

    private static List<String> keys(MemberRef member, CommunityRef community) {
        return List.of(RedisKeys.checkins(member, community), RedisKeys.checkinJourney(member, community),
                RedisKeys.checkinProfile(member, community), RedisKeys.checkinShare(member, community),
                RedisKeys.checkinAlerted(member, community));
    }

    private static Optional<MemberRef> memberOfIndex(String index) {
        int open = index.indexOf('{');
        int close = index.indexOf('}');
        try {
            return Optional.of(RedisIds.parseMemberId(index.substring(open + 1, close)));
        } catch (RuntimeException e) {
            LOG.warn("a member's check-in index cannot be read for a community's move and is skipped");
            return Optional.empty();
        }
    }

    /** Every key this part reads or writes. */
    Set<String> watched() {
        Set<String> keys = new LinkedHashSet<>();
        for (Records records : members) {
            keys.add(RedisKeys.checkinCommunities(records.member()));
            keys.addAll(records.from());
            keys.addAll(records.to());
        }
        return keys;
    }

    /**
     * Reads, under {@code WATCH}, what the transaction writes; {@code rekeyed} are the due jobs the move re-keys, by old id,
     * and a waiting line to be posted in a channel that is a key of {@code channels} is to be posted in its value.
     */
    void read(Jedis jedis, Map<String, Job> rekeyed, Map<ChannelRef, ChannelRef> channels) {
        for (Records records : members) {
            for (int i = 0; i < records.from().size(); i++) {
                String from = records.from().get(i);
                String to = records.to().get(i);
                if (!jedis.exists(from)) {
                    continue;
                }
                present.add(from);
                boolean days = i < 2;
                if (days && jedis.exists(to)) {
                    merged.put(from, jedis.zrangeWithScores(from, 0, -1));
                    ttl.put(to, Math.max(jedis.pttl(from), jedis.pttl(to)));
                }
            }
            String line = RedisKeys.checkinShare(records.member(), source);
            if (present.contains(line) && !channels.isEmpty()) {
                movedLine(jedis.get(line), channels).ifPresent(value -> lines.put(RedisKeys.checkinShare(records.member(), target), value));
            }
            String profile = RedisKeys.checkinProfile(records.member(), source);
            if (present.contains(profile)) {
                String job = jedis.hget(profile, CheckinRedis.PLANNED);
                if (job != null && rekeyed.containsKey(job)) {
                    planned.put(profile, rekeyed.get(job).id());
                }
                String buddy = jedis.hget(profile, CheckinRedis.BUDDY);
                if (buddy != null && !"organisers".equals(buddy)) {
                    try {
                        buddies.put(records.member(), buddy);
                        jedis.watch(RedisKeys.checkinBuddyOf(MemberRef.fromKey(buddy)));
                    } catch (RuntimeException e) {
                        buddies.remove(records.member());
                    }
                }
            }
        }
    }

    /** A waiting line's stored value (RedisSharedLineStore) with its channel moved, if its channel moved. */
    private static Optional<String> movedLine(String stored, Map<ChannelRef, ChannelRef> channels) {
        if (stored == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(stored);
            Optional<ChannelRef> moved = CheckinRedis.channel(node.path("channel").asString("")).map(channels::get);
            if (moved.isEmpty() || !(node instanceof ObjectNode object)) {
                return Optional.empty();
            }
            object.put("channel", CheckinRedis.channel(moved.get()));
            return Optional.of(JSON.writeValueAsString(object));
        } catch (RuntimeException e) {
            // an unreadable line moves as it is; its reader drops it
            return Optional.empty();
        }
    }

    /** How many of members' check-in records move. */
    int size() {
        return present.size();
    }

    /** Writes the move into the transaction {@code tx}. */
    void write(Pipeline tx) {
        for (Records records : members) {
            MemberRef member = records.member();
            for (int i = 0; i < records.from().size(); i++) {
                String from = records.from().get(i);
                String to = records.to().get(i);
                if (!present.contains(from)) {
                    continue;
                }
                if (merged.containsKey(from)) {
                    // one entry a day: the moved day replaces the new community's entry of that day
                    for (Tuple entry : merged.get(from)) {
                        tx.zremrangeByScore(to, entry.getScore(), entry.getScore());
                        tx.zadd(to, entry.getScore(), entry.getElement());
                    }
                    tx.del(from);
                    long keep = ttl.get(to);
                    if (keep > 0) {
                        tx.pexpire(to, keep);
                    }
                } else {
                    tx.rename(from, to);
                }
            }
            String profile = RedisKeys.checkinProfile(member, target);
            String job = planned.get(RedisKeys.checkinProfile(member, source));
            if (job != null) {
                tx.hset(profile, CheckinRedis.PLANNED, job);
            }
            String buddy = buddies.get(member);
            if (buddy != null) {
                String buddyOf = RedisKeys.checkinBuddyOf(MemberRef.fromKey(buddy));
                tx.srem(buddyOf, CheckinRedis.buddyEntry(source, member));
                tx.sadd(buddyOf, CheckinRedis.buddyEntry(target, member));
            }
            String line = lines.get(RedisKeys.checkinShare(member, target));
            if (line != null) {
                // renamed with its expiry above; the channel it goes to is the new chat
                tx.set(RedisKeys.checkinShare(member, target), line, SetParams.setParams().keepTtl());
            }
            String index = RedisKeys.checkinCommunities(member);
            tx.srem(index, source.key());
            tx.sadd(index, target.key());
        }
    }
}
