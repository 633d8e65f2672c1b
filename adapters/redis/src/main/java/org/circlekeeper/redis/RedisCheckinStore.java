package org.circlekeeper.redis;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.circlekeeper.core.checkin.Checkin;
import org.circlekeeper.core.checkin.CheckinStore;
import org.circlekeeper.core.checkin.DayMood;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.ZAddParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Check-ins in Redis: a sorted set per member and community, scored by day, each entry with its own expiry
 * ({@link CheckinRedis}); on the community side the members who checked in lately, for the pulse, cleaned
 * as it is written. Notes arrive sealed; this class never sees plain text.
 */
final class RedisCheckinStore implements CheckinStore {

    /**
     * How many days back the lately-active set remembers a member, covering what the pulse reads: the last closed
     * week and the week before it start at most 21 days back (on a Monday, before the last week closed everywhere),
     * with a day either side for the zones of the group, the member and UTC.
     */
    static final int ACTIVE_DAYS = 24;

    private final CheckinRedis shared;
    private final RedisConnection redis;

    RedisCheckinStore(CheckinRedis shared) {
        this.shared = shared;
        this.redis = shared.redis;
    }

    @Override
    public void put(CommunityRef community, MemberRef member, Checkin checkin, Instant expires) {
        ObjectNode entry = shared.json.createObjectNode();
        entry.put("day", checkin.day().toString());
        entry.put("mood", checkin.mood().level());
        if (checkin.hasNote()) {
            entry.put("note", checkin.note());
        }
        entry.put("at", checkin.at().toString());
        entry.put("exp", expires.toEpochMilli());
        long now = shared.clock.millis();
        if (expires.toEpochMilli() <= now) {
            // expired already: the script keeps nothing, and the member was not active
            shared.putDay(RedisKeys.checkins(member, community), member, community, checkin.day(), entry);
            return;
        }
        String active = RedisKeys.checkinActive(community);
        long day = checkin.day().toEpochDay();
        long cutoff = LocalDate.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC).toEpochDay() - ACTIVE_DAYS;
        Consumer<Pipeline> markActive = pipe -> {
            pipe.zadd(active, day, member.key(), ZAddParams.zAddParams().gt());
            pipe.zremrangeByScore(active, Double.NEGATIVE_INFINITY, cutoff);
            pipe.pexpire(active, Duration.ofDays(ACTIVE_DAYS + 1L).toMillis());
        };
        if (redis.oneNode()) {
            // the day's entry and the community's lately-active set in one round trip (the entry is kept: it expires later)
            shared.putDayWith(RedisKeys.checkins(member, community), member, community, checkin.day(), entry, now, markActive);
            return;
        }
        // on a cluster the member's entry and the community's set live in two slots: one call on each one's node
        shared.putDay(RedisKeys.checkins(member, community), member, community, checkin.day(), entry);
        redis.run(active, jedis -> {
            Pipeline pipe = jedis.pipelined();
            markActive.accept(pipe);
            pipe.sync();
        });
    }

    @Override
    public Optional<Checkin> find(CommunityRef community, MemberRef member, LocalDate day) {
        return between(community, member, day, day).stream().findFirst();
    }

    @Override
    public List<Checkin> between(CommunityRef community, MemberRef member, LocalDate from, LocalDate to) {
        List<Checkin> out = new ArrayList<>();
        for (JsonNode entry : shared.entries(RedisKeys.checkins(member, community), from, to)) {
            CheckinRedis.checkin(entry).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public boolean remove(CommunityRef community, MemberRef member, LocalDate day) {
        long removed = redis.call(RedisKeys.checkins(member, community),
                jedis -> jedis.zremrangeByScore(RedisKeys.checkins(member, community), day.toEpochDay(),
                day.toEpochDay()));
        return removed > 0;
    }

    @Override
    public List<List<DayMood>> moodsSince(CommunityRef community, LocalDate from) {
        String active = RedisKeys.checkinActive(community);
        List<String> members = redis.call(active,
                jedis -> jedis.zrangeByScore(active, from.toEpochDay(), Double.POSITIVE_INFINITY));
        long now = shared.clock.millis();
        // each member's check-ins are in the member's own hash slot
        List<List<String>> raw = redis.perKey(members.stream().map(id -> RedisKeys.checkins(MemberRef.fromKey(id), community))
                .toList(), (pipe, days) -> pipe.zrangeByScore(days, from.toEpochDay(), Double.POSITIVE_INFINITY));
        List<List<DayMood>> out = new ArrayList<>();
        for (List<String> entries : raw) {
            List<DayMood> moods = new ArrayList<>();
            for (String text : entries) {
                shared.read(text).filter(e -> e.path("exp").asLong(0) > now).flatMap(CheckinRedis::checkin)
                        .ifPresent(c -> moods.add(new DayMood(c.day(), c.mood())));
            }
            if (!moods.isEmpty()) {
                out.add(moods);
            }
        }
        return out;
    }
}
