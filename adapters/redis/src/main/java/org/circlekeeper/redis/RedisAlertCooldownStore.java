package org.circlekeeper.redis;

import java.time.Duration;
import org.circlekeeper.core.checkin.AlertCooldownStore;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import redis.clients.jedis.params.SetParams;

/** The buddy-alert cooldown in Redis: a key per member and community set only if absent (SET NX PX), so it is atomic. */
final class RedisAlertCooldownStore implements AlertCooldownStore {

    private final CheckinRedis shared;

    RedisAlertCooldownStore(CheckinRedis shared) {
        this.shared = shared;
    }

    @Override
    public boolean startAlertCooldown(CommunityRef community, MemberRef member, Duration length) {
        long millis = Math.max(1, length.toMillis());
        shared.index(member, community, millis);
        String set = shared.redis.call(RedisKeys.checkinAlerted(member, community),
                jedis -> jedis.set(RedisKeys.checkinAlerted(member, community), "1",
                SetParams.setParams().nx().px(millis)));
        return "OK".equals(set);
    }
}
