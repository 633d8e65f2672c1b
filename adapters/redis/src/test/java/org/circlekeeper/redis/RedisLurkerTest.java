package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * People who never used the bot leave nothing in Redis: a lurker's group messages, and a member's messages and
 * privacy commands after /forgetme, write no key; every record the bot makes without a member's choice expires
 * by itself, while the member's own choices stay.
 */
class RedisLurkerTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final MemberRef ALICE = new MemberRef(Platform.CONSOLE, "alice", null);

    private final VirtualClock clock = new VirtualClock(BotTester.START);
    private final BotTester bot = new BotTester(clock, RedisStores.create(REDIS.connection(), clock));

    @Test
    void aLurkersGroupMessagesWriteNoKey() {
        bot.asOrganiser("olivia").inGroup().send("/safety on");
        Set<String> before = REDIS.keys();
        Talk lurker = bot.as("lurker").inGroup();
        lurker.send("hello everyone, just reading along");
        lurker.send("thanks, that helped a lot");
        assertThat(REDIS.keys()).isEqualTo(before);

        lurker.send("I want to die");
        Set<String> added = new HashSet<>(REDIS.keys());
        added.removeAll(before);
        assertThat(added).as("the safety check's reply leaves only its cooldown").allSatisfy(key -> assertThat(REDIS.ttlMillis(key))
                .as(key).isPositive());
    }

    @Test
    void afterForgetmeMessagesAndPrivacyCommandsInTheGroupWriteNoKey() {
        Talk alice = bot.as("alice").inGroup();
        alice.send("/timezone Europe/Berlin");
        bot.as("alice").inDirect().send("/forgetme").press("Yes, erase everything");
        assertThat(REDIS.keys()).noneMatch(key -> key.contains("alice"));

        alice.send("I'm back, just chatting");
        alice.send("/mydata");
        alice.send("/forgetme").press("No, keep it");
        assertThat(REDIS.keys()).as("only the spent confirmation tokens' traces, none of hers")
                .noneMatch(key -> key.contains("alice"));
        assertThat(bot.as("alice").inDirect().send("/mydata").text()).contains("I keep nothing about you");
    }

    @Test
    void theGroupAMemberLastUsedExpiresAndTheirChoicesStay() {
        bot.as("alice").inGroup().send("/resource");
        String home = RedisKeys.memberHome(ALICE);
        String settings = RedisKeys.memberSettings(ALICE);
        assertThat(REDIS.exists(settings)).as("nothing she chose").isFalse();
        assertThat(REDIS.ttlMillis(home)).isPositive().isLessThanOrEqualTo(MemberSettingsStore.HOME_KEPT.toMillis());

        bot.as("alice").inDirect().send("/timezone Europe/Berlin");
        assertThat(REDIS.hash(settings)).isEqualTo(Map.of("zone", "Europe/Berlin"));
        assertThat(REDIS.ttlMillis(settings)).as("her own choice stays").isEqualTo(-1);
        assertThat(REDIS.ttlMillis(home)).isPositive();
        assertThat(bot.stores().memberSettings().get(ALICE).community()).isEqualTo(BotTester.COMMUNITY.communityId());

        for (String key : REDIS.keys()) {
            if (!key.equals(settings) && key.contains("alice")) {
                assertThat(REDIS.ttlMillis(key)).as(key + " was not her choice, so it expires").isPositive();
            }
        }
    }

    @Test
    void settingsWrittenBeforeTheGroupHadItsOwnKeyAreMovedAndALurkersRecordGoes() {
        String lurker = RedisKeys.memberSettings(new MemberRef(Platform.TELEGRAM, "4711", null));
        REDIS.connection().run(lurker, jedis -> jedis.hset(lurker, Map.of("community", "-100123")));
        REDIS.connection().run(RedisKeys.memberSettings(ALICE),
                jedis -> jedis.hset(RedisKeys.memberSettings(ALICE), Map.of("zone", "Europe/Berlin",
                "community", "circle")));

        assertThat(RedisMemberSettingsStore.moveLegacyHomes(REDIS.connection())).isEqualTo(2);

        assertThat(REDIS.exists(lurker)).isFalse();
        String lurkerHome = RedisKeys.memberHome(new MemberRef(Platform.TELEGRAM, "4711", null));
        assertThat(REDIS.ttlMillis(lurkerHome)).isPositive().isLessThanOrEqualTo(Duration.ofDays(90).toMillis());
        assertThat(REDIS.hash(RedisKeys.memberSettings(ALICE))).isEqualTo(Map.of("zone", "Europe/Berlin"));
        assertThat(bot.stores().memberSettings().get(ALICE).community()).isEqualTo("circle");
        assertThat(RedisMemberSettingsStore.moveLegacyHomes(REDIS.connection())).as("nothing left to move").isZero();
    }
}
