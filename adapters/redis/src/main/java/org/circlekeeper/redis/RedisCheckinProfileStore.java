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
import org.circlekeeper.core.checkin.CheckinProfile;
import org.circlekeeper.core.checkin.CheckinProfileStore;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * Check-in profiles in Redis: a hash per member and community that expires, the community's set of members who
 * want prompts and each buddy's buddy-of set, both cleaned as they are read.
 */
final class RedisCheckinProfileStore implements CheckinProfileStore {

    /**
     * KEYS: the profile hash, the member's index of communities; ARGV: the TTL in ms (0: remove the profile), the
     * community's entry in the index, then the profile's fields and values. Replaces the hash whole (a field cleared
     * does not linger), indexes the community as {@link CheckinRedis#INDEX} does, and returns the buddy it held.
     */
    private static final RedisScript SAVE = new RedisScript("""
            local old = redis.call('HGET', KEYS[1], 'BUDDY_FIELD')
            redis.call('DEL', KEYS[1])
            local ttl = tonumber(ARGV[1])
            if ttl > 0 and #ARGV > 2 then
              redis.call('SADD', KEYS[2], ARGV[2])
              if redis.call('PTTL', KEYS[2]) < ttl then
                redis.call('PEXPIRE', KEYS[2], ttl)
              end
              redis.call('HSET', KEYS[1], unpack(ARGV, 3))
              redis.call('PEXPIRE', KEYS[1], ttl)
            end
            return old
            """.replace("BUDDY_FIELD", CheckinRedis.BUDDY));

    private final CheckinRedis shared;
    private final RedisConnection redis;

    RedisCheckinProfileStore(CheckinRedis shared) {
        this.shared = shared;
        this.redis = shared.redis;
    }

    @Override
    public CheckinProfile profile(CommunityRef community, MemberRef member) {
        Map<String, String> hash = redis.call(RedisKeys.checkinProfile(member, community),
                jedis -> jedis.hgetAll(RedisKeys.checkinProfile(member, community)));
        return hash.isEmpty() ? CheckinProfile.NONE : CheckinRedis.profile(hash);
    }

    @Override
    public void saveProfile(CommunityRef community, MemberRef member, CheckinProfile profile, Instant expires) {
        String key = RedisKeys.checkinProfile(member, community);
        long remaining = expires.toEpochMilli() - shared.clock.millis();
        String newBuddy = profile.buddySetting().map(Buddy::storageId).orElse(null);
        boolean keep = !profile.isEmpty() && remaining > 0;
        // the member's side (profile and the index of their communities, one hash slot) in one round trip
        List<String> args = new ArrayList<>();
        args.add(keep ? Long.toString(remaining) : "0");
        args.add(community.key());
        if (keep) {
            CheckinRedis.fields(profile).forEach((field, value) -> {
                args.add(field);
                args.add(value);
            });
        }
        Object old = redis.call(key, jedis -> SAVE.run(jedis, List.of(key, RedisKeys.checkinCommunities(member)), args));
        String oldBuddy = old instanceof String text ? text : null;
        String prompted = RedisKeys.checkinPrompted(community);
        redis.run(prompted, jedis -> {
            if (keep && profile.prompts()) {
                jedis.sadd(prompted, member.key());
            } else {
                jedis.srem(prompted, member.key());
            }
        });
        String entry = CheckinRedis.buddyEntry(community, member);
        if (oldBuddy != null && !oldBuddy.equals(keep ? newBuddy : null) && !"organisers".equals(oldBuddy)) {
            redis.run(RedisKeys.checkinBuddyOf(MemberRef.fromKey(oldBuddy)),
                    jedis -> jedis.srem(RedisKeys.checkinBuddyOf(MemberRef.fromKey(oldBuddy)), entry));
        }
        if (keep && newBuddy != null && !profile.buddy().isOrganisers()) {
            String buddyOf = RedisKeys.checkinBuddyOf(profile.buddy().member());
            redis.run(buddyOf,
                    jedis -> CheckinRedis.INDEX.run(jedis, List.of(buddyOf), List.of(entry, Long.toString(remaining))));
        }
    }

    @Override
    public Set<MemberRef> prompted(CommunityRef community) {
        String key = RedisKeys.checkinPrompted(community);
        List<String> members = new ArrayList<>(redis.call(key, jedis -> jedis.smembers(key)));
        members.sort(null);
        // each member's profile is in the member's own hash slot
        List<String> wanted = redis.perKey(members.stream().map(id -> RedisKeys.checkinProfile(MemberRef.fromKey(id), community))
                .toList(), (pipe, profile) -> pipe.hget(profile, CheckinRedis.PROMPTS));
        Set<MemberRef> out = new LinkedHashSet<>();
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if ("1".equals(wanted.get(i))) {
                out.add(MemberRef.fromKey(members.get(i)));
            } else {
                stale.add(members.get(i));
            }
        }
        if (!stale.isEmpty()) {
            redis.run(key, jedis -> jedis.srem(key, stale.toArray(String[]::new)));
        }
        return out;
    }

    @Override
    public Map<CommunityRef, Set<MemberRef>> buddyOf(MemberRef buddy) {
        String key = RedisKeys.checkinBuddyOf(buddy);
        Map<CommunityRef, Set<MemberRef>> out = new LinkedHashMap<>();
        List<String> stale = new ArrayList<>();
        for (String entry : redis.call(key, jedis -> jedis.smembers(key))) {
            Optional<Map.Entry<CommunityRef, MemberRef>> pair = CheckinRedis.parseBuddyEntry(entry);
            String chosen = pair.map(p -> redis.call(RedisKeys.checkinProfile(p.getValue(), p.getKey()),
                    jedis -> jedis.hget(RedisKeys.checkinProfile(p.getValue(), p.getKey()),
                    CheckinRedis.BUDDY))).orElse(null);
            if (pair.isPresent() && buddy.key().equals(chosen)) {
                out.computeIfAbsent(pair.get().getKey(), k -> new LinkedHashSet<>()).add(pair.get().getValue());
            } else {
                stale.add(entry);
            }
        }
        if (!stale.isEmpty()) {
            redis.run(key, jedis -> jedis.srem(key, stale.toArray(String[]::new)));
        }
        return out;
    }
}
