package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.circlekeeper.core.platform.AdapterState;
import org.circlekeeper.core.platform.SendBudget;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A platform adapter's state through the core's ports, on a real Redis: each port keeps the keys the Telegram
 * adapter has always used (so nothing stored before has to move), and two platforms' update ids and send budgets
 * never meet.
 */
class RedisAdapterStateTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private final AdapterState telegram = RedisAdapterState.create(REDIS.connection(), Platform.TELEGRAM);
    private final AdapterState discord = RedisAdapterState.create(REDIS.connection(), Platform.DISCORD);

    @Test
    void eachPortKeepsTheKeysTheAdapterAlwaysUsed() {
        assertThat(telegram.updates().claim("42", Duration.ofMinutes(5))).isTrue();
        telegram.roles().put(new CommunityRef(Platform.TELEGRAM, "-1001"), List.of("11"), Duration.ofMinutes(10));
        telegram.reachability().markUnreachable(new MemberRef(Platform.TELEGRAM, "4711", null), Duration.ofDays(7));
        telegram.budget().reserve(List.of(SendBudget.Quota.perPeriod("global", 30, Duration.ofSeconds(1))));

        assertThat(REDIS.keys()).containsExactlyInAnyOrder("ck:update:telegram:42", "ck:c:{telegram:-1001}:admins",
                "ck:m:{telegram:4711}:unreachable", "ck:{rate:telegram}:global");
    }

    @Test
    void whatOnePortKeepsTheNextReadBackOnEveryReplica() {
        AdapterState otherReplica = RedisAdapterState.create(REDIS.connection(), Platform.TELEGRAM);
        CommunityRef group = new CommunityRef(Platform.TELEGRAM, "-1001");
        MemberRef mia = new MemberRef(Platform.TELEGRAM, "101", "Mia");

        assertThat(telegram.updates().claim("7", Duration.ofMinutes(5))).isTrue();
        telegram.updates().done("7");
        telegram.roles().put(group, List.of("11", "12"), Duration.ofMinutes(10));
        telegram.reachability().markUnreachable(mia, Duration.ofDays(7));

        assertThat(otherReplica.updates().claim("7", Duration.ofMinutes(5))).as("a repeat on another replica").isFalse();
        assertThat(otherReplica.roles().admins(group)).contains(Set.of("11", "12"));
        assertThat(otherReplica.reachability().isUnreachable(mia)).isTrue();
        otherReplica.roles().forget(group);
        otherReplica.reachability().markReachable(mia);
        assertThat(telegram.roles().admins(group)).isEmpty();
        assertThat(telegram.reachability().isUnreachable(mia)).isFalse();
    }

    @Test
    void twoPlatformsUpdateIdsAndBudgetsAreApart() {
        SendBudget.Quota oneASecond = SendBudget.Quota.perPeriod("global", 1, Duration.ofSeconds(1));

        assertThat(telegram.updates().claim("42", Duration.ofMinutes(5))).isTrue();
        assertThat(discord.updates().claim("42", Duration.ofMinutes(5))).as("Discord's update 42 is another update").isTrue();
        assertThat(telegram.budget().reserve(List.of(oneASecond))).isZero();
        assertThat(discord.budget().reserve(List.of(oneASecond))).as("Discord's budget is its own").isZero();
        assertThat(telegram.budget().reserve(List.of(oneASecond))).isPositive();
    }
}
