package org.circlekeeper.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.checkin.Buddy;
import org.circlekeeper.core.checkin.CheckinKeys;
import org.circlekeeper.core.checkin.CheckinProfile;
import org.circlekeeper.core.checkin.CheckinProfileStore;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * Check-in profiles in Redis: a hash per member and community that expires, the community's set of members who
 * want prompts and each buddy's buddy-of set, both cleaned as they are read.
 */
final class RedisCheckinProfileStore implements CheckinProfileStore {

    private final CheckinRedis shared;
    private final RedisConnection redis;

    RedisCheckinProfileStore(CheckinRedis shared) {
        this.shared = shared;
        this.redis = shared.redis;
    }

    @Override
    public CheckinProfile profile(CommunityRef community, MemberRef member) {
        Map<String, String> hash = redis.call(jedis -> jedis.hgetAll(RedisKeys.checkinProfile(member, community)));
        return hash.isEmpty() ? CheckinProfile.NONE : CheckinRedis.profile(hash);
    }

    @Override
    public void saveProfile(CommunityRef community, MemberRef member, CheckinProfile profile, Instant expires) {
        String key = RedisKeys.checkinProfile(member, community);
        long remaining = expires.toEpochMilli() - shared.clock.millis();
        String oldBuddy = redis.call(jedis -> jedis.hget(key, CheckinRedis.BUDDY));
        String newBuddy = profile.buddySetting().map(Buddy::storageId).orElse(null);
        boolean keep = !profile.isEmpty() && remaining > 0;
        if (keep) {
            shared.index(member, community, remaining);
            Map<String, String> fields = CheckinRedis.fields(profile);
            redis.run(jedis -> RedisConnection.atomically(jedis, replace -> {
                replace.del(key);
                replace.hset(key, fields);
                replace.pexpire(key, remaining);
            }));
        } else {
            redis.run(jedis -> jedis.del(key));
        }
        String prompted = RedisKeys.checkinPrompted(community);
        redis.run(jedis -> {
            if (keep && profile.prompts()) {
                jedis.sadd(prompted, member.key());
            } else {
                jedis.srem(prompted, member.key());
            }
        });
        String entry = CheckinRedis.buddyEntry(community, member);
        if (oldBuddy != null && !oldBuddy.equals(keep ? newBuddy : null) && !"organisers".equals(oldBuddy)) {
            redis.run(jedis -> jedis.srem(RedisKeys.checkinBuddyOf(CheckinKeys.member(oldBuddy)), entry));
        }
        if (keep && newBuddy != null && !profile.buddy().isOrganisers()) {
            String buddyOf = RedisKeys.checkinBuddyOf(profile.buddy().member());
            redis.run(jedis -> CheckinRedis.INDEX.run(jedis, List.of(buddyOf), List.of(entry, Long.toString(remaining))));
        }
    }

    @Override
    public Set<MemberRef> prompted(CommunityRef community) {
        String key = RedisKeys.checkinPrompted(community);
        List<String> members = new ArrayList<>(redis.call(jedis -> jedis.smembers(key)));
        members.sort(null);
        List<String> wanted = redis.call(jedis -> {
            Pipeline pipe = jedis.pipelined();
            List<Response<String>> answers = new ArrayList<>();
            for (String id : members) {
                answers.add(pipe.hget(RedisKeys.checkinProfile(CheckinKeys.member(id), community), CheckinRedis.PROMPTS));
            }
            pipe.sync();
            return answers.stream().map(Response::get).toList();
        });
        Set<MemberRef> out = new LinkedHashSet<>();
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if ("1".equals(wanted.get(i))) {
                out.add(CheckinKeys.member(members.get(i)));
            } else {
                stale.add(members.get(i));
            }
        }
        if (!stale.isEmpty()) {
            redis.run(jedis -> jedis.srem(key, stale.toArray(String[]::new)));
        }
        return out;
    }

    @Override
    public Map<CommunityRef, Set<MemberRef>> buddyOf(MemberRef buddy) {
        String key = RedisKeys.checkinBuddyOf(buddy);
        Map<CommunityRef, Set<MemberRef>> out = new LinkedHashMap<>();
        List<String> stale = new ArrayList<>();
        for (String entry : redis.call(jedis -> jedis.smembers(key))) {
            Optional<Map.Entry<CommunityRef, MemberRef>> pair = CheckinRedis.parseBuddyEntry(entry);
            String chosen = pair.map(p -> redis.call(jedis -> jedis.hget(RedisKeys.checkinProfile(p.getValue(), p.getKey()),
                    CheckinRedis.BUDDY))).orElse(null);
            if (pair.isPresent() && buddy.key().equals(chosen)) {
                out.computeIfAbsent(pair.get().getKey(), k -> new LinkedHashSet<>()).add(pair.get().getValue());
            } else {
                stale.add(entry);
            }
        }
        if (!stale.isEmpty()) {
            redis.run(jedis -> jedis.srem(key, stale.toArray(String[]::new)));
        }
        return out;
    }
}
