package org.circlekeeper.redis;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.circlekeeper.core.circle.MemberRsvp;
import org.circlekeeper.core.circle.OccurrenceRef;
import org.circlekeeper.core.circle.Rsvp;
import org.circlekeeper.core.circle.RsvpStore;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members' answers in Redis: one hash per meeting ({@link RedisKeys#rsvps}), member id to the answer with
 * its expiry, which expires itself when its last answer does; and per member a sorted set ({@link
 * RedisKeys#memberRsvps}) of the meetings they answered, scored by expiry and pruned on every write, so that
 * a member's answers are found and erased without a scan.
 *
 * <p>A meeting's hash and a member's index live on different slots (one community's, one member's), so a put
 * is two scripts: the index entry first, then the answer, so that no answer is ever stored without the entry
 * that lets it be erased. Expiry counts on the store's clock: reads drop answers whose time has passed by that
 * clock, and the keys get a time to live of what remains, so Redis removes them by itself afterwards.
 */
public final class RedisRsvpStore implements RsvpStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRsvpStore.class);

    /**
     * Sets the member's answer (ARGV[1] → ARGV[2]) and makes the hash live at least ARGV[3] more milliseconds: the
     * time to live only grows, so that one answer never shortens another's.
     */
    private static final RedisScript PUT_ANSWER = new RedisScript("""
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < tonumber(ARGV[3]) then
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
            end
            return 1
            """);

    /**
     * Indexes meeting ARGV[1] with expiry score ARGV[2], drops entries expired at ARGV[3] (now), and makes the index
     * live until its last entry expires.
     */
    private static final RedisScript INDEX = new RedisScript("""
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
            local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
            if #last == 0 then
              return 0
            end
            redis.call('PEXPIRE', KEYS[1], string.format('%d', math.max(1, tonumber(last[2]) - tonumber(ARGV[3]))))
            return 1
            """);

    private final RedisConnection redis;
    private final Clock clock;

    /** @param clock decides when an answer has expired; the bot's clock, virtual in the console */
    public RedisRsvpStore(RedisConnection redis, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void put(CommunityRef community, OccurrenceRef occurrence, MemberRef member, Rsvp rsvp, Instant expires) {
        Objects.requireNonNull(rsvp, "rsvp");
        Objects.requireNonNull(expires, "expires");
        String meeting = RedisKeys.rsvps(community, occurrence);
        String index = RedisKeys.memberRsvps(member);
        String entry = RedisIds.rsvpEntry(community, occurrence);
        String field = RedisIds.memberId(member);
        long now = clock.millis();
        long remaining = expires.toEpochMilli() - now;
        // the meeting's hash and the member's index are in two hash slots: each written on its own node, the index
        // entry first so that an answer is never kept where the member's erasure cannot find it
        if (remaining <= 0) {
            // expired on arrival: it would never be read, but it replaces (so ends) an earlier answer
            redis.run(meeting, jedis -> jedis.hdel(meeting, field));
            redis.run(index, jedis -> jedis.zrem(index, entry));
            return;
        }
        redis.run(index, jedis -> INDEX.run(jedis, List.of(index), List.of(entry, Long.toString(expires.toEpochMilli()),
                Long.toString(now))));
        redis.run(meeting, jedis -> PUT_ANSWER.run(jedis, List.of(meeting), List.of(field, CircleJson.write(rsvp, expires),
                Long.toString(remaining))));
    }

    @Override
    public Optional<Rsvp> get(CommunityRef community, OccurrenceRef occurrence, MemberRef member) {
        String value = redis.call(RedisKeys.rsvps(community, occurrence),
                jedis -> jedis.hget(RedisKeys.rsvps(community, occurrence), RedisIds.memberId(member)));
        return value == null ? Optional.empty() : live(value, community, occurrence, clock.instant());
    }

    @Override
    public Map<MemberRef, Rsvp> answers(CommunityRef community, OccurrenceRef occurrence) {
        Map<String, String> stored = redis.call(RedisKeys.rsvps(community, occurrence),
                jedis -> jedis.hgetAll(RedisKeys.rsvps(community, occurrence)));
        Instant now = clock.instant();
        Map<MemberRef, Rsvp> answers = new LinkedHashMap<>();
        stored.forEach((field, value) -> {
            MemberRef member;
            try {
                member = RedisIds.parseMemberId(field);
            } catch (IllegalArgumentException e) {
                LOG.warn("an answer for {} in {} is kept under something that is not a member and is skipped",
                        occurrence.key(), community.key());
                return;
            }
            live(value, community, occurrence, now).ifPresent(rsvp -> answers.put(member, rsvp));
        });
        return answers;
    }

    @Override
    public List<MemberRsvp> ofMember(MemberRef member) {
        Instant now = clock.instant();
        String field = RedisIds.memberId(member);
        String index = RedisKeys.memberRsvps(member);
        List<String> entries = redis.call(index, jedis -> jedis.zrangeByScore(index, "(" + now.toEpochMilli(), "+inf"));
        List<Map.Entry<CommunityRef, OccurrenceRef>> meetings = new ArrayList<>();
        for (String entry : entries) {
            parse(entry).ifPresent(meetings::add);
        }
        // each meeting's hash is in its community's hash slot
        List<String> values = redis.perKey(meetings.stream().map(m -> RedisKeys.rsvps(m.getKey(), m.getValue())).toList(),
                (pipeline, meeting) -> pipeline.hget(meeting, field));
        List<MemberRsvp> answers = new ArrayList<>();
        for (int i = 0; i < meetings.size(); i++) {
            String value = values.get(i);
            CommunityRef community = meetings.get(i).getKey();
            OccurrenceRef occurrence = meetings.get(i).getValue();
            if (value != null) {
                live(value, community, occurrence, now).ifPresent(rsvp -> answers.add(new MemberRsvp(community, occurrence, rsvp)));
            }
        }
        return answers;
    }

    /**
     * Erases every answer the member's index names, expired ones included, then those index entries; an answer
     * given meanwhile keeps its own entry, so a later erasure still finds it.
     */
    @Override
    public void eraseMember(MemberRef member) {
        erase(member, entry -> true);
    }

    /** Like {@link #eraseMember(MemberRef)}, for the index entries that name this community only. */
    @Override
    public void eraseMember(MemberRef member, CommunityRef community) {
        erase(member, entry -> parse(entry).map(meeting -> meeting.getKey().equals(community)).orElse(false));
    }

    private void erase(MemberRef member, Predicate<String> which) {
        String index = RedisKeys.memberRsvps(member);
        String field = RedisIds.memberId(member);
        List<String> entries = redis.call(index, jedis -> jedis.zrange(index, 0, -1)).stream().filter(which).toList();
        if (entries.isEmpty()) {
            return;
        }
        List<String> meetings = new ArrayList<>();
        for (String entry : entries) {
            parse(entry).ifPresent(meeting -> meetings.add(RedisKeys.rsvps(meeting.getKey(), meeting.getValue())));
        }
        // each meeting's hash on its own slot's node, then the index entries on the member's
        redis.perKey(meetings, (pipeline, meeting) -> pipeline.hdel(meeting, field));
        redis.run(index, jedis -> jedis.zrem(index, entries.toArray(String[]::new)));
    }

    private static Optional<Map.Entry<CommunityRef, OccurrenceRef>> parse(String entry) {
        try {
            return Optional.of(RedisIds.parseRsvpEntry(entry));
        } catch (IllegalArgumentException e) {
            LOG.warn("an entry of a member's answer index cannot be read and is skipped: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Rsvp> live(String value, CommunityRef community, OccurrenceRef occurrence, Instant now) {
        try {
            CircleJson.StoredRsvp stored = CircleJson.readRsvp(value);
            return stored.expires().isAfter(now) ? Optional.of(stored.rsvp()) : Optional.empty();
        } catch (Unreadable e) {
            LOG.warn("an answer for {} in {} cannot be read and is skipped: {}", occurrence.key(), community.key(), e.getMessage());
            return Optional.empty();
        }
    }
}
