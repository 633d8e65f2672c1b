package org.circlekeeper.redis;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.circlekeeper.core.checkin.CheckinSettings;
import org.circlekeeper.core.checkin.CheckinSettingsStore;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Transaction;

/** A community's check-in prompt settings in Redis: one hash, replaced whole in a transaction. */
final class RedisCheckinSettingsStore implements CheckinSettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisCheckinSettingsStore.class);

    private final RedisConnection redis;

    RedisCheckinSettingsStore(CheckinRedis shared) {
        this.redis = shared.redis;
    }

    @Override
    public CheckinSettings settings(CommunityRef community) {
        Map<String, String> hash = redis.call(RedisKeys.checkinSettings(community),
                jedis -> jedis.hgetAll(RedisKeys.checkinSettings(community)));
        if (hash.isEmpty()) {
            return CheckinSettings.OFF;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : hash.getOrDefault("days", "").split(",")) {
            if (!day.isBlank()) {
                try {
                    days.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    LOG.warn("a stored check-in prompt day is not a day and is ignored");
                }
            }
        }
        LocalTime time = CheckinRedis.parseTime(hash.get(CheckinRedis.TIME)).orElse(CheckinSettings.DEFAULT_TIME);
        String questions = hash.getOrDefault("questions", CheckinSettings.OFF.questions());
        ChannelRef channel = Optional.ofNullable(hash.get("channel")).flatMap(CheckinRedis::channel).orElse(null);
        return new CheckinSettings(days, time, questions, channel);
    }

    @Override
    public void saveSettings(CommunityRef community, CheckinSettings settings) {
        String key = RedisKeys.checkinSettings(community);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("days", settings.days().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")));
        fields.put(CheckinRedis.TIME, settings.time().toString());
        fields.put("questions", settings.questions());
        if (settings.channel() != null) {
            fields.put("channel", CheckinRedis.channel(settings.channel()));
        }
        redis.run(key, jedis -> {
            try (Transaction replace = jedis.multi()) {
                replace.del(key);
                replace.hset(key, fields);
                replace.exec();
            }
        });
    }
}
