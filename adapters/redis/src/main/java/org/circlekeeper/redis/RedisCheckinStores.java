package org.circlekeeper.redis;

import java.time.Clock;
import org.circlekeeper.core.checkin.CheckinStores;

/**
 * The check-in feature's store ports on one Redis connection. The key schema is in {@link RedisKeys}; what the
 * stores share (the day-entry script, the member's index of communities, the codecs) in {@link CheckinRedis}.
 */
public final class RedisCheckinStores {

    private RedisCheckinStores() {
    }

    /** @param clock decides what has expired: the bot's clock (virtual in the console and tests), never Redis TIME */
    public static CheckinStores create(RedisConnection redis, Clock clock) {
        CheckinRedis shared = new CheckinRedis(redis, clock);
        return new CheckinStores(new RedisCheckinStore(shared), new RedisJourneyStore(shared), new RedisCheckinProfileStore(shared),
                new RedisSharedLineStore(shared), new RedisAlertCooldownStore(shared), new RedisCheckinSettingsStore(shared),
                new RedisCheckinMemberIndex(shared));
    }
}
