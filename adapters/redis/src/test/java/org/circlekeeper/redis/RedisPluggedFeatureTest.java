package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.engine.Plugin;
import org.circlekeeper.core.gratitude.GratitudeFeature;
import org.circlekeeper.core.gratitude.GratitudeStore;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.ref.StoreKey;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A feature added the documented way runs on Redis with its own store class, which names its own keys; /forgetme
 * leaves none of the member's keys behind. And RedisStores puts in every store a shipped feature declares.
 */
class RedisPluggedFeatureTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final MemberRef ALICE = new MemberRef(Platform.CONSOLE, "alice", null);

    private final VirtualClock clock = new VirtualClock(BotTester.START);

    @Test
    void theGratitudeFeatureKeepsItsLinesInItsOwnKeyAndForgetmeErasesThem() {
        // no line puts the store in: RedisGratitudeStore is found by its name, as a shipped feature's Redis class is
        Stores stores = RedisStores.builder(REDIS.connection(), clock).build();
        BotTester bot = new BotTester(clock, stores, List.of(GratitudeFeature.PLUGIN));
        assertThat(stores.get(GratitudeStore.KEY)).isInstanceOf(RedisGratitudeStore.class);
        Talk alice = bot.as("alice").inDirect();

        alice.send("/grateful the walk by the river");
        assertThat(alice.send("/grateful a call from my sister").text()).contains("That makes 2 things");
        assertThat(REDIS.keys()).contains("ck:m:{console:alice}:gratitude:lines");
        assertThat(alice.send("/grateful").text()).contains("• the walk by the river").contains("• a call from my sister");
        assertThat(alice.send("/mydata").text()).contains("What you are grateful for");

        alice.send("/forgetme").press("Yes, erase everything");

        assertThat(REDIS.keys()).noneMatch(key -> key.contains("alice"));
        assertThat(new RedisGratitudeStore(REDIS.connection()).lines(ALICE)).isEmpty();
    }

    @Test
    void redisStoresHoldsEveryStoreEveryShippedFeatureDeclares() {
        Stores stores = RedisStores.create(REDIS.connection(), clock);
        Set<String> missing = new TreeSet<>();
        for (Plugin plugin : Bot.FEATURES) {
            plugin.stores().stream().filter(k -> !stores.has(k)).map(StoreKey::name).forEach(missing::add);
        }
        assertThat(missing).isEmpty();
        assertThat(stores.keys()).containsAll(Stores.BASE);
    }

    @Test
    void aStoreNamesItsOwnKeysInTheMembersOrCommunitysHashTagAndCannotReachOutOfIt() {
        assertThat(RedisGratitudeStore.key(new MemberRef(Platform.TELEGRAM, "a:b}", null)))
                .isEqualTo("ck:m:{telegram:a%3Ab%7D}:gratitude:lines");
        assertThat(RedisKeys.communityKey(new CommunityRef(Platform.DISCORD, "42"), "gratitude:week"))
                .isEqualTo("ck:c:{discord:42}:gratitude:week");
        assertThatThrownBy(() -> RedisKeys.memberKey(ALICE, "x}:{other")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisKeys.communityKey(new CommunityRef(Platform.DISCORD, "42"), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
