package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.circlekeeper.core.member.MemberSettings;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.HostAndPort;
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

    @Test
    void aSingleNodeReportsItselfAsTheTopologyWithoutItsPassword(EmbeddedRedis server, RedisConnection redis) {
        assertThat(redis.topology()).isEqualTo(new RedisConnection.Topology(RedisConnection.Topology.SINGLE,
                "127.0.0.1:" + server.port(), null));
        assertThat(redis.target().toString()).doesNotContain(server.url().password());
    }

    @Test
    void anAcknowledgedWriteThatNoReplicaConfirmsIsDoneAndCountedNotThrown(EmbeddedRedis server) {
        // a single node has no replica: WAIT 1 answers 0 after its timeout, here longer than the 2 s socket timeout (the
        // bench saw such a wait break the connection on a loaded machine)
        try (RedisConnection acknowledging = new RedisConnection(server.url(),
                new RedisConnection.Acknowledgement(1, Duration.ofMillis(2_500)))) {
            String answer = acknowledging.acknowledged(() -> acknowledging.<String>call(jedis -> jedis.set("ck:probe", "x")));

            assertThat(answer).isEqualTo("OK");
            assertThat(acknowledging.unacknowledged()).isEqualTo(1);
            assertThat(acknowledging.<String>call(jedis -> jedis.get("ck:probe"))).isEqualTo("x");
            acknowledging.run(jedis -> jedis.set("ck:probe", "y"));
            assertThat(acknowledging.unacknowledged()).as("outside acknowledged work nothing waits").isEqualTo(1);
        }
    }

    @Test
    void aWriteToAReplicaIsUnavailableNotADefect(@TempDir Path dir) throws IOException {
        // what a connection still pointing at a demoted primary gets on a write, until the sentinels name the new one;
        // its primary is a port where nothing listens: a replica refuses writes all the same
        int nowhere;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            nowhere = socket.getLocalPort();
        }
        try (EmbeddedRedis replica = EmbeddedRedis.start(0, dir);
             RedisConnection toReplica = new RedisConnection(replica.url())) {
            toReplica.run(jedis -> jedis.replicaof(EmbeddedRedis.HOST, nowhere));

            assertThatThrownBy(() -> toReplica.run(jedis -> jedis.set("ck:probe", "x"))).isInstanceOf(StoreUnavailable.class)
                    .hasMessageContaining("cannot serve now");
            toReplica.run(jedis -> jedis.replicaofNoOne());
        }
    }

    @Test
    void anAcknowledgementNeedsATimeoutWhenItWaitsForReplicas() {
        assertThatThrownBy(() -> new RedisConnection.Acknowledgement(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RedisConnection.Acknowledgement(-1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RedisConnection.Acknowledgement.NONE.replicas()).isZero();
    }

    @Test
    void readsTheReplicasAPrimaryListsAndNothingElse() {
        String info = "# Replication\r\nrole:master\r\nconnected_slaves:2\r\n"
                + "slave0:ip=10.0.0.5,port=6379,state=online,offset=42,lag=0\r\n"
                + "slave1:ip=::1,port=6380,state=wait_bgsave,offset=0,lag=1\r\n"
                + "slave2:ip=10.0.0.7,port=none\r\nmaster_repl_offset:42\r\n";

        assertThat(OtherNodes.replicasIn(info)).containsExactly(new HostAndPort("10.0.0.5", 6379),
                new HostAndPort("::1", 6380));
        assertThat(OtherNodes.replicasIn("# Replication\nrole:master\nconnected_slaves:0\n")).isEmpty();
    }
}
