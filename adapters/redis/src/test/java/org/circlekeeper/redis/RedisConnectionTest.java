package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
