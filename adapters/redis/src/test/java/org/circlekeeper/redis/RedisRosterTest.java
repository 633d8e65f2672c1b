package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisRosterTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private final RedisRoster roster = new RedisRoster(REDIS.connection());

    @Test
    void keepsEachPlatformsCommunitiesOnceAndForgetsARemovedOne() {
        roster.present(new CommunityRef(Platform.DISCORD, "100000000000000001"));
        roster.present(new CommunityRef(Platform.DISCORD, "100000000000000001"));
        roster.present(new CommunityRef(Platform.DISCORD, "100000000000000101"));
        roster.present(new CommunityRef(Platform.TELEGRAM, "-1001"));

        assertThat(roster.communities(Platform.DISCORD)).containsExactlyInAnyOrder("100000000000000001", "100000000000000101");
        assertThat(roster.communities(Platform.TELEGRAM)).containsExactly("-1001");
        assertThat(REDIS.keys()).containsExactlyInAnyOrder("ck:roster:discord", "ck:roster:telegram");

        assertThat(roster.absent(new CommunityRef(Platform.DISCORD, "100000000000000101"))).isTrue();
        assertThat(roster.absent(new CommunityRef(Platform.DISCORD, "100000000000000101"))).as("once").isFalse();
        assertThat(roster.communities(Platform.DISCORD)).containsExactly("100000000000000001");
    }
}
