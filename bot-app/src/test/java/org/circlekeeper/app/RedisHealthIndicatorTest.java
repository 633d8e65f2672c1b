package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.redis.ClusterSetup;
import org.circlekeeper.redis.EmbeddedRedis;
import org.circlekeeper.redis.RealRedis;
import org.circlekeeper.redis.RedisCluster;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisJobQueue;
import org.circlekeeper.redis.RedisMemberSettingsStore;
import org.circlekeeper.redis.RedisSentinel;
import org.circlekeeper.redis.RedisUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import redis.clients.jedis.HostAndPort;

/**
 * The Redis health component's status and the topology it reports, on one node and on a real cluster; the Sentinel
 * failover itself is tested in adapters/redis.
 */
@ExtendWith(RealRedis.class)
class RedisHealthIndicatorTest {

    @Test
    void aSingleNodeIsUpWithItsAddressAndNoPassword(EmbeddedRedis server, RedisConnection redis) {
        Health health = new RedisHealthIndicator(redis).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("topology", "single")
                .containsEntry("primary", "127.0.0.1:" + server.port()).doesNotContainKey("master");
        assertThat(health.getDetails().toString()).doesNotContain(server.url().password());
    }

    @Test
    void theSubscriptionsAreListedOnceStarted(EmbeddedRedis server) throws InterruptedException {
        try (RedisConnection redis = new RedisConnection(server.url()); RedisJobQueue queue = new RedisJobQueue(redis)) {
            assertThat(new RedisHealthIndicator(redis).health().getDetails().get("subscriptions"))
                    .isEqualTo(Map.of("jobWakeups", "idle", "settingsCache", "idle"));
            queue.wakeups();
            new RedisMemberSettingsStore(redis).get(new MemberRef(Platform.CONSOLE, "health", "Health"));
            Map<String, String> subscribed = Map.of("jobWakeups", "subscribed", "settingsCache", "subscribed");
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!subscribed.equals(new RedisHealthIndicator(redis).health().getDetails().get("subscriptions"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Health health = new RedisHealthIndicator(redis).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("subscriptions", subscribed);
        }
    }

    @Test
    void aNodeThatDoesNotAnswerIsDownAndStillSaysWhereItWasLooked(EmbeddedRedis server) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        try (RedisConnection nowhere = new RedisConnection(RedisUrl.local(closed, server.url().password()))) {
            Health health = new RedisHealthIndicator(nowhere).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("topology", "single").containsEntry("primary", "127.0.0.1:" + closed);
        }
    }

    @Test
    void sentinelPropertiesBecomeTheAdaptersSentinelSetup() {
        CirclekeeperProperties.Sentinel properties = new CirclekeeperProperties.Sentinel(" main ", "s1:26380, s2", "", "data-pw",
                "", "sentinel-pw", 1, true, 1, Duration.ofMillis(500));

        RedisSentinel sentinel = StorageConfiguration.sentinel(properties);

        assertThat(sentinel).isEqualTo(new RedisSentinel("main", List.of(new HostAndPort("s1", 26_380), new HostAndPort("s2", 26_379)),
                null, "data-pw", null, "sentinel-pw", 1, true));
    }

    @Test
    void clusterPropertiesBecomeTheAdaptersCluster() {
        CirclekeeperProperties.Cluster properties = new CirclekeeperProperties.Cluster("n1:7000, n2", "bot", "pw", true);

        RedisCluster cluster = StorageConfiguration.cluster(properties);

        assertThat(cluster).isEqualTo(new RedisCluster(List.of(new HostAndPort("n1", 7_000), new HostAndPort("n2", 6_379)), "bot",
                "pw", true));
        assertThat(cluster.toString()).contains("n1:7000").doesNotContain("pw");
    }

    @Test
    void aClusterIsUpWithEveryPrimaryAndNoPassword(@TempDir Path dir) throws IOException {
        try (ClusterSetup cluster = ClusterSetup.start(dir, 3); RedisConnection redis = new RedisConnection(cluster.target())) {
            Health health = new RedisHealthIndicator(redis).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("topology", "cluster").doesNotContainKey("master");
            assertThat(String.valueOf(health.getDetails().get("primary")).split(","))
                    .containsExactlyInAnyOrderElementsOf(cluster.ports().stream().map(port -> "127.0.0.1:" + port).toList());
            assertThat(health.getDetails().toString()).doesNotContain(ClusterSetup.PASSWORD);
        }
    }

    @Test
    void oneShapeAtATime() {
        CirclekeeperProperties.Sentinel sentinel = new CirclekeeperProperties.Sentinel("main", "s1", "", "", "", "", 0, false, 1,
                Duration.ofMillis(500));
        CirclekeeperProperties.Cluster noCluster = new CirclekeeperProperties.Cluster("", "", "", false);
        CirclekeeperProperties.Cluster cluster = new CirclekeeperProperties.Cluster("n1:6379", "", "", false);
        CirclekeeperProperties.Sentinel noSentinel = new CirclekeeperProperties.Sentinel("", "", "", "", "", "", 0, false, 1,
                Duration.ofMillis(500));
        CirclekeeperProperties.Embedded embedded = new CirclekeeperProperties.Embedded(Path.of("data"), 0);

        assertThatThrownBy(() -> new CirclekeeperProperties.Redis("redis://h:6379", sentinel, noCluster, embedded, Duration.ofHours(1)))
                .hasMessageContaining("not several");
        assertThatThrownBy(() -> new CirclekeeperProperties.Redis("", sentinel, cluster, embedded, Duration.ofHours(1)))
                .hasMessageContaining("not several");
        assertThatThrownBy(() -> new CirclekeeperProperties.Redis("redis://h:6379", noSentinel, cluster, embedded, Duration.ofHours(1)))
                .hasMessageContaining("not several");
        assertThat(new CirclekeeperProperties.Redis("", sentinel, noCluster, embedded, Duration.ofHours(1)).embeddedWanted()).isFalse();
        assertThat(new CirclekeeperProperties.Redis("", noSentinel, cluster, embedded, Duration.ofHours(1)).embeddedWanted()).isFalse();
        assertThat(new CirclekeeperProperties.Redis("", noSentinel, noCluster, embedded, Duration.ofHours(1)).embeddedWanted()).isTrue();
        assertThatThrownBy(() -> new CirclekeeperProperties.Sentinel("", "s1", "", "", "", "", 0, false, 1, Duration.ofMillis(500)))
                .hasMessageContaining("master");
        assertThatThrownBy(() -> new CirclekeeperProperties.Sentinel("main", "s1", "", "", "", "", 0, false, 1, Duration.ZERO))
                .hasMessageContaining("acknowledge-timeout");
    }
}
