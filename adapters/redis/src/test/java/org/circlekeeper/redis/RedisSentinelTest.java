package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

class RedisSentinelTest {

    @Test
    void parsesSentinelAddressesWithDefaultPortsAndIpv6InBrackets() {
        assertThat(RedisSentinel.parseNodes(" s1:26380, s2 ,[::1]:26381,s1:26380"))
                .containsExactly(new HostAndPort("s1", 26_380), new HostAndPort("s2", 26_379), new HostAndPort("::1", 26_381));
    }

    @Test
    void refusesAddressesItCannotRead() {
        assertThatThrownBy(() -> RedisSentinel.parseNodes("")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> RedisSentinel.parseNodes(" , ")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> RedisSentinel.parseNodes("s1:0")).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> RedisSentinel.parseNodes("s1:port")).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> RedisSentinel.parseNodes("::1:26379")).hasMessageContaining("brackets");
        assertThatThrownBy(() -> RedisSentinel.parseNodes("[::1:26379")).hasMessageContaining("never closes");
        assertThatThrownBy(() -> RedisSentinel.parseNodes(":26379")).hasMessageContaining("needs a host");
    }

    @Test
    void showsNoPasswordAndTreatsEmptyLoginsAsNone() {
        RedisSentinel sentinel = new RedisSentinel("main", List.of(new HostAndPort("s1", 26_379)), "bot", "data-secret",
                "", "sentinel-secret", 2, true);

        assertThat(sentinel.toString()).doesNotContain("data-secret", "sentinel-secret")
                .isEqualTo("sentinel master main via s1:26379 as bot:*** (sentinels: default:***) db 2 over TLS");
        assertThat(sentinel.sentinelUser()).isNull();
        assertThat(new RedisSentinel("main", List.of(new HostAndPort("s1", 26_379)), "", "", "", "", 0, false).password())
                .isNull();
    }

    @Test
    void needsAMasterNameASentinelAndAPasswordForEachUser() {
        List<HostAndPort> one = List.of(new HostAndPort("s1", 26_379));
        assertThatThrownBy(() -> new RedisSentinel(" ", one, null, null, null, null, 0, false)).hasMessageContaining("master name");
        assertThatThrownBy(() -> new RedisSentinel("main", List.of(), null, null, null, null, 0, false))
                .hasMessageContaining("sentinel address");
        assertThatThrownBy(() -> new RedisSentinel("main", one, "bot", null, null, null, 0, false)).hasMessageContaining("password");
        assertThatThrownBy(() -> new RedisSentinel("main", one, null, null, "watcher", "", 0, false))
                .hasMessageContaining("password");
    }

    @Test
    void noSentinelAnsweringIsAClearStoreUnavailableAtStart() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        int port = closed;
        assertThatThrownBy(() -> new RedisConnection(new RedisSentinel("main", List.of(new HostAndPort("127.0.0.1", port)),
                null, "data-secret", null, "sentinel-secret", 0, false)))
                .isInstanceOf(StoreUnavailable.class).hasMessageContaining("main").hasMessageNotContaining("secret");
    }
}
