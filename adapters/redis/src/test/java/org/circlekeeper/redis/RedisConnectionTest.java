package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.ZoneId;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.circlekeeper.core.member.MemberSettings;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

@ExtendWith(RealRedis.class)
class RedisConnectionTest {

    @Test
    void pingsARunningServer(RedisConnection redis) {
        assertThat(redis.ping()).isTrue();
    }

    @Test
    void reportsANonAnsweringServerInsteadOfThrowing() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        try (RedisConnection nowhere = new RedisConnection(RedisUrl.local(closedPort))) {
            assertThat(nowhere.ping()).isFalse();
        }
    }

    @Test
    void anUnreachableRedisIsTheCoresStoreUnavailableAndAReturningOneIsUsedAgain(@TempDir Path dir) {
        MemberRef alice = new MemberRef(Platform.CONSOLE, "alice", "Alice");
        EmbeddedRedis server = EmbeddedRedis.start(0, dir);
        int port = server.port();
        String password = server.url().password();
        try (RedisConnection connection = new RedisConnection(server.url())) {
            RedisMemberSettingsStore members = new RedisMemberSettingsStore(connection);
            members.save(alice, MemberSettings.NONE.withZone(ZoneId.of("Europe/Berlin")));

            server.close();
            assertThatThrownBy(() -> members.get(alice)).isInstanceOf(StoreUnavailable.class)
                    .hasMessageNotContaining("alice").hasCauseInstanceOf(JedisException.class);
            assertThatThrownBy(() -> connection.run(jedis -> jedis.set("ck:probe", "x"))).isInstanceOf(StoreUnavailable.class);
            assertThat(connection.ping()).isFalse();

            server = EmbeddedRedis.start(port, dir, password);
            assertThat(members.get(alice).zoneSetting()).contains(ZoneId.of("Europe/Berlin"));
        } finally {
            server.close();
        }
    }

    @Test
    void aDefectIsNoOutage(RedisConnection redis) {
        redis.run(jedis -> jedis.set("ck:probe", "text"));
        assertThatThrownBy(() -> redis.run(jedis -> jedis.hget("ck:probe", "field"))).as("WRONGTYPE is a bug, not an outage")
                .isInstanceOf(JedisDataException.class);
    }

    @Test
    void usesTheDatabaseOfItsUrl(EmbeddedRedis server, RedisConnection db0) {
        RedisUrl third = new RedisUrl(EmbeddedRedis.HOST, server.port(), null, server.url().password(), 3, false);
        try (RedisConnection db3 = new RedisConnection(third)) {
            db3.run(jedis -> jedis.flushDB());
            db3.run(jedis -> jedis.set("ck:probe", "three"));
            String inThree = db3.call(jedis -> jedis.get("ck:probe"));
            boolean inZero = db0.call(jedis -> jedis.exists("ck:probe"));
            assertThat(inThree).isEqualTo("three");
            assertThat(inZero).isFalse();
            db3.run(jedis -> jedis.flushDB());
        }
    }

    @Test
    void logsInWithThePasswordOfItsUrl(EmbeddedRedis server, RedisConnection admin) {
        admin.run(jedis -> jedis.aclSetUser("circlekeeper-test", "on", ">s3cret:pass", "~ck:*", "+@all"));
        try {
            RedisUrl url = RedisUrl.parse("redis://circlekeeper-test:s3cret%3Apass@127.0.0.1:" + server.port());
            try (RedisConnection asUser = new RedisConnection(url)) {
                assertThat(asUser.ping()).isTrue();
                String whoAmI = asUser.call(jedis -> jedis.aclWhoAmI());
                assertThat(whoAmI).isEqualTo("circlekeeper-test");
            }
            RedisUrl wrong = RedisUrl.parse("redis://circlekeeper-test:wrong@127.0.0.1:" + server.port());
            try (RedisConnection refused = new RedisConnection(wrong)) {
                assertThat(refused.ping()).isFalse();
            }
        } finally {
            admin.run(jedis -> jedis.aclDelUser("circlekeeper-test"));
        }
    }
}
