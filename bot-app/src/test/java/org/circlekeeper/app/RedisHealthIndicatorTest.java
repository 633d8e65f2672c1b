package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.circlekeeper.redis.EmbeddedRedis;
import org.circlekeeper.redis.RealRedis;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisSentinel;
import org.circlekeeper.redis.RedisUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import redis.clients.jedis.HostAndPort;

/** The Redis health component's status and the topology it reports; the Sentinel failover itself is tested in adapters/redis. */
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
    void oneShapeAtATime() {
        CirclekeeperProperties.Sentinel sentinel = new CirclekeeperProperties.Sentinel("main", "s1", "", "", "", "", 0, false, 1,
                Duration.ofMillis(500));
        CirclekeeperProperties.Embedded embedded = new CirclekeeperProperties.Embedded(Path.of("data"), 0);

        assertThatThrownBy(() -> new CirclekeeperProperties.Redis("redis://h:6379", sentinel, embedded, Duration.ofHours(1)))
                .hasMessageContaining("not both");
        assertThat(new CirclekeeperProperties.Redis("", sentinel, embedded, Duration.ofHours(1)).embeddedWanted()).isFalse();
        assertThatThrownBy(() -> new CirclekeeperProperties.Sentinel("", "s1", "", "", "", "", 0, false, 1, Duration.ofMillis(500)))
                .hasMessageContaining("master");
        assertThatThrownBy(() -> new CirclekeeperProperties.Sentinel("main", "s1", "", "", "", "", 0, false, 1, Duration.ZERO))
                .hasMessageContaining("acknowledge-timeout");
    }
}
