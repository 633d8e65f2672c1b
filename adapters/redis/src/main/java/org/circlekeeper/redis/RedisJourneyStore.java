package org.circlekeeper.redis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.circlekeeper.core.checkin.JourneyMark;
import org.circlekeeper.core.checkin.JourneyStage;
import org.circlekeeper.core.checkin.JourneyStore;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Journey marks in Redis: a sorted set per member and community, scored by day, each entry with its own expiry. */
final class RedisJourneyStore implements JourneyStore {

    private final CheckinRedis shared;

    RedisJourneyStore(CheckinRedis shared) {
        this.shared = shared;
    }

    @Override
    public void mark(CommunityRef community, MemberRef member, JourneyMark mark, Instant expires) {
        ObjectNode entry = shared.json.createObjectNode();
        entry.put("day", mark.day().toString());
        entry.put("stage", mark.stage().id());
        entry.put("exp", expires.toEpochMilli());
        shared.putDay(RedisKeys.checkinJourney(member, community), member, community, mark.day(), entry);
    }

    @Override
    public List<JourneyMark> journey(CommunityRef community, MemberRef member) {
        List<JourneyMark> out = new ArrayList<>();
        for (JsonNode entry : shared.entries(RedisKeys.checkinJourney(member, community), LocalDate.EPOCH, LocalDate.of(9999, 12, 31))) {
            Optional<JourneyStage> stage = JourneyStage.fromId(entry.path("stage").asString(""));
            Optional<LocalDate> day = CheckinRedis.day(entry);
            if (stage.isPresent() && day.isPresent()) {
                out.add(new JourneyMark(day.get(), stage.get()));
            }
        }
        return out;
    }

    @Override
    public void clearJourney(CommunityRef community, MemberRef member) {
        shared.redis.run(RedisKeys.checkinJourney(member, community),
                jedis -> jedis.del(RedisKeys.checkinJourney(member, community)));
    }
}
