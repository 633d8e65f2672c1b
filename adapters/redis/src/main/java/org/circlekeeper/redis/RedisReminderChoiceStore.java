package org.circlekeeper.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.circle.ReminderChoice;
import org.circlekeeper.core.circle.ReminderChoiceStore;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members' private reminder choices in Redis: per community a hash ({@link RedisKeys#reminderChoices}),
 * member id to choice JSON, read whole to plan reminders; per member a set ({@link
 * RedisKeys#memberReminderChoices}) of the communities they chose in, so that their choices are exported and
 * erased without a scan. The index is written before the choice and cleared after it, so a stored choice is
 * always indexed. A choice that cannot be read is skipped with a warning.
 */
public final class RedisReminderChoiceStore implements ReminderChoiceStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisReminderChoiceStore.class);

    private final RedisConnection redis;

    public RedisReminderChoiceStore(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public ReminderChoice get(CommunityRef community, MemberRef member) {
        String value = redis.call(RedisKeys.reminderChoices(community),
                jedis -> jedis.hget(RedisKeys.reminderChoices(community), RedisIds.memberId(member)));
        return value == null ? ReminderChoice.NONE : read(value, community).orElse(ReminderChoice.NONE);
    }

    @Override
    public void save(CommunityRef community, MemberRef member, ReminderChoice choice) {
        Objects.requireNonNull(choice, "choice");
        String hash = RedisKeys.reminderChoices(community);
        String index = RedisKeys.memberReminderChoices(member);
        String field = RedisIds.memberId(member);
        String where = RedisIds.communityId(community);
        // the community's hash and the member's index are in two hash slots: each written on its own node, the index
        // entry first so that a choice is never kept where the member's erasure cannot find it
        if (choice.isEmpty()) {
            redis.run(hash, jedis -> jedis.hdel(hash, field));
            redis.run(index, jedis -> jedis.srem(index, where));
        } else {
            redis.run(index, jedis -> jedis.sadd(index, where));
            redis.run(hash, jedis -> jedis.hset(hash, field, CircleJson.write(choice)));
        }
    }

    @Override
    public Map<MemberRef, ReminderChoice> all(CommunityRef community) {
        Map<String, String> stored = redis.call(RedisKeys.reminderChoices(community),
                jedis -> jedis.hgetAll(RedisKeys.reminderChoices(community)));
        Map<MemberRef, ReminderChoice> choices = new LinkedHashMap<>();
        stored.forEach((field, value) -> {
            MemberRef member;
            try {
                member = RedisIds.parseMemberId(field);
            } catch (IllegalArgumentException e) {
                LOG.warn("a reminder choice in {} is kept under something that is not a member and is skipped", community.key());
                return;
            }
            read(value, community).ifPresent(choice -> choices.put(member, choice));
        });
        return choices;
    }

    @Override
    public Map<CommunityRef, ReminderChoice> ofMember(MemberRef member) {
        String field = RedisIds.memberId(member);
        String index = RedisKeys.memberReminderChoices(member);
        List<CommunityRef> communities = new ArrayList<>();
        for (String where : redis.call(index, jedis -> jedis.smembers(index))) {
            community(where).ifPresent(communities::add);
        }
        // each community's hash is in that community's hash slot
        List<String> values = redis.perKey(communities.stream().map(RedisKeys::reminderChoices).toList(),
                (pipeline, hash) -> pipeline.hget(hash, field));
        Map<CommunityRef, ReminderChoice> choices = new LinkedHashMap<>();
        for (int i = 0; i < communities.size(); i++) {
            String value = values.get(i);
            CommunityRef community = communities.get(i);
            if (value != null) {
                read(value, community).filter(choice -> !choice.isEmpty()).ifPresent(choice -> choices.put(community, choice));
            }
        }
        return choices;
    }

    /**
     * Erases the choice in every community the member's index names, then those index entries; a choice saved
     * meanwhile keeps its own entry.
     */
    @Override
    public void eraseMember(MemberRef member) {
        String index = RedisKeys.memberReminderChoices(member);
        String field = RedisIds.memberId(member);
        List<String> entries = List.copyOf(redis.call(index, jedis -> jedis.smembers(index)));
        if (entries.isEmpty()) {
            return;
        }
        List<String> hashes = new ArrayList<>();
        for (String where : entries) {
            community(where).ifPresent(community -> hashes.add(RedisKeys.reminderChoices(community)));
        }
        // each community's hash on its own slot's node, then the index entries on the member's
        redis.perKey(hashes, (pipeline, hash) -> pipeline.hdel(hash, field));
        redis.run(index, jedis -> jedis.srem(index, entries.toArray(String[]::new)));
    }

    private static Optional<CommunityRef> community(String where) {
        try {
            return Optional.of(RedisIds.parseCommunityId(where));
        } catch (IllegalArgumentException e) {
            LOG.warn("an entry of a member's reminder index cannot be read and is skipped: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<ReminderChoice> read(String value, CommunityRef community) {
        try {
            return Optional.of(CircleJson.readChoice(value));
        } catch (Unreadable e) {
            LOG.warn("a reminder choice in {} cannot be read and is skipped: {}", community.key(), e.getMessage());
            return Optional.empty();
        }
    }
}
