package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * What the connection does on a real three-primary Redis Cluster ({@link ClusterSetup}, slots 0–5460, 5461–10921 and
 * 10922–16383): work runs on the node of its key's slot, and a key, transaction or script that strays to another slot
 * fails loudly instead of being served. Runs in the build's {@code redis-cluster} test execution only.
 */
class RedisClusterTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    /** A key of community {@code tag} whose slot is on the node that serves {@code third} (0, 1 or 2) of the slots. */
    private static String keyOnNode(int third, String suffix) {
        for (int i = 0; ; i++) {
            String key = "ck:c:{test:" + i + "}:" + suffix;
            int slot = JedisClusterCRC16.getSlot(key);
            if (Math.min(2, slot / 5461) == third) {
                return key;
            }
        }
    }

    /** Two keys of different slots that the node serving {@code third} of the slots both serves. */
    private static List<String> twoSlotsOnNode(int third) {
        String one = keyOnNode(third, "one");
        for (int i = 0; ; i++) {
            String two = "ck:c:{other:" + i + "}:two";
            int slot = JedisClusterCRC16.getSlot(two);
            if (Math.min(2, slot / 5461) == third && slot != JedisClusterCRC16.getSlot(one)) {
                return List.of(one, two);
            }
        }
    }

    @Test
    void aCommunityMoveIsRefusedWithItsReasonAndChangesNothing() {
        CommunityRef from = new CommunityRef(Platform.TELEGRAM, "-4001");
        CommunityRef to = new CommunityRef(Platform.TELEGRAM, "-1004001");
        String settings = RedisKeys.communitySettings(from);
        REDIS.connection().run(settings, jedis -> jedis.hset(settings, "zone", "Europe/Berlin"));
        RedisDepartureStore store = new RedisDepartureStore(REDIS.connection(), Clock.systemUTC());

        assertThatThrownBy(() -> store.moveCommunity(from, to, (job, a, b) -> Optional.empty()))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("Redis Cluster")
                .hasMessageContaining("different hash slots");
        assertThat(REDIS.hash(settings)).containsEntry("zone", "Europe/Berlin");
        assertThat(REDIS.exists(RedisKeys.communitySettings(to))).isFalse();
        assertThat(REDIS.exists(RedisCommunityMove.movedMarker(from))).isFalse();
    }

    @Test
    void healthSeesAClusterOfThreePrimaries() {
        RedisConnection.Topology topology = REDIS.connection().topology();

        assertThat(topology.shape()).isEqualTo(RedisConnection.Topology.CLUSTER);
        assertThat(topology.primary().split(",")).hasSize(3).allMatch(node -> node.startsWith("127.0.0.1:"));
        assertThat(REDIS.connection().ping()).isTrue();
    }

    @Test
    void workRoutedByOneKeyThatTouchesAKeyOfAnotherNodeFailsLoudly() {
        String here = keyOnNode(0, "here");
        String there = keyOnNode(2, "there");

        assertThatThrownBy(() -> REDIS.connection().call(here, jedis -> jedis.set(there, "1")))
                .isInstanceOf(CrossSlot.class).hasMessageContaining("slot " + JedisClusterCRC16.getSlot(there));
        assertThat(REDIS.exists(there)).isFalse();
    }

    @Test
    void aTransactionAcrossTwoSlotsOfOneNodeIsRefusedByRedisAndWritesNothing() {
        String one = twoSlotsOnNode(1).get(0);
        String two = twoSlotsOnNode(1).get(1);

        assertThatThrownBy(() -> REDIS.connection().call(one, jedis -> RedisConnection.atomically(jedis, tx -> {
            tx.set(one, "1");
            tx.set(two, "2");
        }))).isInstanceOf(JedisDataException.class).hasMessageContaining("CROSSSLOT");
        assertThat(REDIS.exists(one)).isFalse();
        assertThat(REDIS.exists(two)).isFalse();
    }

    @Test
    void aScriptOverKeysOfTwoSlotsIsRefused() {
        String one = twoSlotsOnNode(0).get(0);
        String two = twoSlotsOnNode(0).get(1);
        RedisScript both = new RedisScript("redis.call('SET', KEYS[1], '1'); redis.call('SET', KEYS[2], '2'); return 1");

        assertThatThrownBy(() -> REDIS.connection().call(one, jedis -> both.run(jedis, List.of(one, two), List.of())))
                .isInstanceOf(JedisDataException.class).hasMessageContaining("slot");
        assertThat(REDIS.exists(one)).isFalse();
        assertThat(REDIS.exists(two)).isFalse();
    }

    @Test
    void keysOfEveryNodeAreReadInOnePassInTheirOrderAndScannedOnEveryPrimary() {
        List<String> keys = List.of(keyOnNode(2, "a"), keyOnNode(0, "b"), keyOnNode(1, "c"), keyOnNode(0, "d"));
        for (String key : keys) {
            REDIS.connection().run(key, jedis -> jedis.set(key, "value of " + key));
        }

        List<String> read = REDIS.connection().perKey(keys, (pipe, key) -> pipe.get(key));

        assertThat(read).containsExactlyElementsOf(keys.stream().map(key -> "value of " + key).toList());
        Set<String> scanned = new TreeSet<>();
        REDIS.connection().scan("ck:c:{test:*", 10, scanned::add);
        assertThat(scanned).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void workThatNamesNoKeyIsRefusedOnACluster() {
        assertThatThrownBy(() -> REDIS.connection().call(jedis -> jedis.get("ck:anything")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("names the key");
        List<String> pongs = new ArrayList<>(REDIS.connection().onPrimaries(jedis -> jedis.ping()));
        assertThat(pongs).containsExactly("PONG", "PONG", "PONG");
    }
}
