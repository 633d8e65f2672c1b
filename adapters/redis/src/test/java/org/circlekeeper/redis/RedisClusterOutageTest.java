package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * A three-primary cluster of its own (no replicas) loses a primary to SIGKILL: the work on that primary's slots, and
 * the health check, say Redis cannot be reached ({@link StoreUnavailable}, which the engine answers kindly) instead of
 * failing with a defect, and the surviving primaries' slots never answer wrongly.
 */
class RedisClusterOutageTest {

    @Test
    void aLostPrimaryMakesItsSlotsUnavailableAndHealthDownWithoutADefect(@TempDir Path dir) throws Exception {
        try (ClusterSetup cluster = ClusterSetup.start(dir, 3); RedisConnection redis = new RedisConnection(cluster.target())) {
            String lost = keyServedBy(cluster, 2);
            String kept = keyServedBy(cluster, 0);
            redis.run(lost, jedis -> jedis.set(lost, "before"));
            redis.run(kept, jedis -> jedis.set(kept, "before"));
            assertThat(redis.ping()).isTrue();

            cluster.kill(cluster.ports().get(2));

            assertThat(redis.ping()).as("health is down while a primary does not answer").isFalse();
            assertThat(redis.topology().shape()).isEqualTo(RedisConnection.Topology.CLUSTER);
            assertThatThrownBy(() -> redis.call(lost, jedis -> jedis.get(lost))).isInstanceOf(StoreUnavailable.class);
            // the survivors serve their slots until the cluster itself declares the failure (CLUSTERDOWN, also unavailable)
            try {
                String value = redis.call(kept, jedis -> jedis.get(kept));
                assertThat(value).isEqualTo("before");
            } catch (StoreUnavailable e) {
                assertThat(e).hasMessageContaining("cannot serve");
            }
        }
    }

    /**
     * The subscriptions (settings cache, job wake-ups) listen on one primary; when that one is lost they subscribe again
     * on a surviving primary (a classic PUBLISH reaches every node), not on the lost one the slot map still names.
     */
    @Test
    void subscriptionsOnALostPrimaryMoveToASurvivingOne(@TempDir Path dir) throws Exception {
        try (ClusterSetup cluster = ClusterSetup.start(dir, 3); RedisConnection redis = new RedisConnection(cluster.target());
             RedisJobQueue queue = new RedisJobQueue(redis)) {
            queue.wakeups();
            redis.cache().get("ck:c:{outage:cache}:settings", () -> "loaded");
            SentinelSetup.await("both subscriptions are up", () -> redis.cache().isLive() && queue.listening());
            HostAndPort listenedOn = redis.subscriptions().node(null);

            cluster.kill(listenedOn.getPort());

            SentinelSetup.await("the subscriptions see their node gone", () -> !redis.subscriptions().allListening());
            SentinelSetup.await("both subscribed again, on a surviving primary",
                    () -> redis.cache().isLive() && queue.listening() && redis.subscriptions().allListening());
            assertThat(redis.subscriptions().states()).containsEntry("settingsCache", RedisSubscriptions.State.SUBSCRIBED)
                    .containsEntry("jobWakeups", RedisSubscriptions.State.SUBSCRIBED);
        }
    }

    /** A key whose slot the {@code index}th node serves (slots were given in three equal ranges, in port order). */
    private static String keyServedBy(ClusterSetup cluster, int index) {
        int per = 16_384 / cluster.ports().size();
        for (int i = 0; ; i++) {
            String key = "ck:c:{outage:" + i + "}:x";
            if (Math.min(cluster.ports().size() - 1, JedisClusterCRC16.getSlot(key) / per) == index) {
                return key;
            }
        }
    }
}
