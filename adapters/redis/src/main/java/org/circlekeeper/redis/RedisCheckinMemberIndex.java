package org.circlekeeper.redis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.circlekeeper.core.checkin.CheckinMemberIndex;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * A member's check-in data in every community, found through the member's index of communities and their
 * buddy-of set (no scan), and erased: every key of theirs, their place in the community sets, and their being
 * someone's buddy.
 */
final class RedisCheckinMemberIndex implements CheckinMemberIndex {

    private final RedisConnection redis;

    RedisCheckinMemberIndex(CheckinRedis shared) {
        this.redis = shared.redis;
    }

    @Override
    public Set<CommunityRef> communities(MemberRef member) {
        List<String> ids = new ArrayList<>(redis.call(RedisKeys.checkinCommunities(member),
                jedis -> jedis.smembers(RedisKeys.checkinCommunities(member))));
        ids.sort(null);
        List<Boolean> present = redis.call(RedisKeys.checkinCommunities(member), jedis -> {
            Pipeline pipe = jedis.pipelined();
            List<Response<Long>> answers = new ArrayList<>();
            for (String id : ids) {
                CommunityRef community = CommunityRef.fromKey(id);
                answers.add(pipe.exists(RedisKeys.checkins(member, community), RedisKeys.checkinJourney(member, community),
                        RedisKeys.checkinProfile(member, community)));
            }
            pipe.sync();
            return answers.stream().map(r -> r.get() > 0).toList();
        });
        Set<CommunityRef> out = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (present.get(i)) {
                out.add(CommunityRef.fromKey(ids.get(i)));
            }
        }
        return out;
    }

    @Override
    public void eraseMember(MemberRef member) {
        String index = RedisKeys.checkinCommunities(member);
        for (String id : redis.call(index, jedis -> jedis.smembers(index))) {
            CommunityRef community = CommunityRef.fromKey(id);
            String buddy = redis.call(RedisKeys.checkinProfile(member, community),
                    jedis -> jedis.hget(RedisKeys.checkinProfile(member, community), CheckinRedis.BUDDY));
            if (buddy != null && !"organisers".equals(buddy)) {
                redis.run(RedisKeys.checkinBuddyOf(MemberRef.fromKey(buddy)),
                        jedis -> jedis.srem(RedisKeys.checkinBuddyOf(MemberRef.fromKey(buddy)),
                        CheckinRedis.buddyEntry(community, member)));
            }
            redis.run(RedisKeys.checkins(member, community), jedis -> {
                jedis.del(RedisKeys.checkins(member, community), RedisKeys.checkinJourney(member, community),
                        RedisKeys.checkinProfile(member, community), RedisKeys.checkinShare(member, community),
                        RedisKeys.checkinAlerted(member, community));
            });
            // the community's own sets are in the community's hash slot
            String prompted = RedisKeys.checkinPrompted(community);
            redis.run(prompted, jedis -> {
                jedis.srem(prompted, member.key());
                jedis.zrem(RedisKeys.checkinActive(community), member.key());
            });
        }
        String buddyOf = RedisKeys.checkinBuddyOf(member);
        for (String entry : redis.call(buddyOf, jedis -> jedis.smembers(buddyOf))) {
            CheckinRedis.parseBuddyEntry(entry).ifPresent(pair -> {
                String key = RedisKeys.checkinProfile(pair.getValue(), pair.getKey());
                redis.run(key, jedis -> {
                    if (member.key().equals(jedis.hget(key, CheckinRedis.BUDDY))) {
                        jedis.hdel(key, CheckinRedis.BUDDY);
                    }
                });
            });
        }
        redis.run(index, jedis -> jedis.del(index, buddyOf));
    }
}
