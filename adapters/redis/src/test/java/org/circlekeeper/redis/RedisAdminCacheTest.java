package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisAdminCacheTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private final RedisAdminCache cache = new RedisAdminCache(REDIS.connection());
    private final CommunityRef group = new CommunityRef(Platform.TELEGRAM, "-1001");

    @Test
    void keepsTheListForItsTimeToLiveAndForgetsOnRequest() {
        assertThat(cache.admins(group)).isEmpty();
        cache.put(group, List.of("11", "12"), Duration.ofMinutes(10));
        assertThat(cache.admins(group)).contains(Set.of("11", "12"));
        assertThat(REDIS.ttlMillis("ck:c:{telegram:-1001}:admins")).isBetween(1L, Duration.ofMinutes(10).toMillis());
        cache.forget(group);
        assertThat(cache.admins(group)).isEmpty();
    }

    @Test
    void aGroupWithNoVisibleAdministratorIsCachedToo() {
        cache.put(group, List.of(), Duration.ofMinutes(1));
        assertThat(cache.admins(group)).contains(Set.of());
    }
}
