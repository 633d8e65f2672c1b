package org.circlekeeper.redis;

import java.time.Clock;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.circle.CircleStores;

/**
 * Every store port of the core on one Redis connection: the one place that lists them, so the app
 * and the adapters' end-to-end tests build the same thing and a new feature's store is added once.
 */
public final class RedisStores {

    private RedisStores() {
    }

    /**
     * All stores on {@code redis}; {@code clock} is the bot's clock (answers and check-ins expire by it). Erasures
     * are marked for a rewrite of Redis's files, which a started {@link RedisErasureFlush} carries out.
     */
    public static Stores create(RedisConnection redis, Clock clock) {
        return create(redis, clock, new RedisErasureFlush(redis, RedisErasureFlush.DEFAULT_INTERVAL));
    }

    /** All stores on {@code redis}, erasures reaching its files on disk through {@code flush}. */
    public static Stores create(RedisConnection redis, Clock clock, RedisErasureFlush flush) {
        CircleStores circles = new CircleStores(new RedisCircleStore(redis), new RedisRsvpStore(redis, clock),
                new RedisReminderChoiceStore(redis), new RedisFeedTokenStore(redis), new RedisEventLinkStore(redis));
        return new Stores(new RedisMemberSettingsStore(redis), new RedisCommunitySettingsStore(redis),
                new RedisWordingStore(redis), new RedisActionTokens(redis), new RedisPendingForms(redis), new RedisJobQueue(redis),
                new RedisResourceStore(redis), circles, new RedisShareStore(redis),
                new AcknowledgedCheckinStore(new RedisCheckinStore(redis, clock), redis),
                new RedisDeliveryLog(redis), flush);
    }
}
