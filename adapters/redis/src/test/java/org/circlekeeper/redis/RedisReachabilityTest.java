package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisReachabilityTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private final RedisReachability reachability = new RedisReachability(REDIS.connection());
    private final MemberRef member = new MemberRef(Platform.TELEGRAM, "4711", null);

    @Test
    void aMarkLastsUntilClearedOrExpired() {
        assertThat(reachability.isUnreachable(member)).isFalse();
        reachability.markUnreachable(member, Duration.ofDays(7));
        assertThat(reachability.isUnreachable(member)).isTrue();
        assertThat(REDIS.ttlMillis("ck:m:{telegram:4711}:unreachable")).isGreaterThan(Duration.ofDays(6).toMillis());
        reachability.markReachable(member);
        assertThat(reachability.isUnreachable(member)).isFalse();
    }
}
