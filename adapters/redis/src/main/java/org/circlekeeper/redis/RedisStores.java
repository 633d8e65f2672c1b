package org.circlekeeper.redis;

import java.time.Clock;
import org.circlekeeper.core.StoreClasses;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.checkin.CheckinStores;
import org.circlekeeper.core.circle.CircleStores;
import org.circlekeeper.core.community.CommunitySettingsStore;
import org.circlekeeper.core.community.DepartureStore;
import org.circlekeeper.core.dashboard.DashboardStores;
import org.circlekeeper.core.engine.ActionTokens;
import org.circlekeeper.core.engine.PendingForms;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.message.DeliveryLog;
import org.circlekeeper.core.resource.ResourceStore;
import org.circlekeeper.core.schedule.JobQueue;
import org.circlekeeper.core.share.ShareStore;
import org.circlekeeper.core.template.WordingStore;

/**
 * Every store port of the core on one Redis connection, by name: the one place that builds them, so the app and the
 * adapters' end-to-end tests build the same thing. The shipped stores are put in here (some are made of several
 * classes); any other store a feature declares is found by its class's name, {@code Redis<Port>} in this package
 * ({@link StoreClasses}), so a new feature's Redis class needs no line here (a test checks that every store a shipped
 * feature declares is there).
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
        return builder(redis, clock).erasure(flush).build();
    }

    /**
     * Every store on {@code redis}, by name, for a test (or a deployment) that adds its own before building; erasures
     * reach no files until an {@link Stores.Builder#erasure} is set.
     */
    public static Stores.Builder builder(RedisConnection redis, Clock clock) {
        return Stores.builder()
                // a store no line here puts in is found by its name: org.circlekeeper.redis.Redis<Port>
                .maker(StoreClasses.named(key -> RedisStores.class.getPackageName() + ".Redis" + key.type().getSimpleName(),
                        redis, clock))
                .put(MemberSettingsStore.KEY, new RedisMemberSettingsStore(redis))
                .put(CommunitySettingsStore.KEY, new RedisCommunitySettingsStore(redis))
                .put(WordingStore.KEY, new RedisWordingStore(redis))
                .put(ActionTokens.KEY, new RedisActionTokens(redis))
                .put(PendingForms.KEY, new RedisPendingForms(redis))
                .put(JobQueue.KEY, new RedisJobQueue(redis))
                .put(DeliveryLog.KEY, new RedisDeliveryLog(redis))
                .put(ResourceStore.KEY, new RedisResourceStore(redis))
                .put(CircleStores.KEY, new CircleStores(new RedisCircleStore(redis), new RedisRsvpStore(redis, clock),
                        new RedisReminderChoiceStore(redis), new RedisFeedTokenStore(redis), new RedisEventLinkStore(redis)))
                .put(ShareStore.KEY, new RedisShareStore(redis))
                .put(CheckinStores.KEY, AcknowledgedCheckins.wrap(RedisCheckinStores.create(redis, clock), redis))
                .put(DashboardStores.KEY, new RedisDashboardStores(redis).stores())
                .put(DepartureStore.KEY, new RedisDepartureStore(redis, clock));
    }
}
