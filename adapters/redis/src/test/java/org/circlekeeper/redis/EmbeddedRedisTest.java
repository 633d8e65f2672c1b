package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.embedded.core.ExecutableProvider;

/** Each test here starts its own server: these are about starting and stopping one. */
class EmbeddedRedisTest {

    @TempDir
    Path dir;

    @Test
    void startsOnAFreePortAnswersAndStops() {
        EmbeddedRedis redis = EmbeddedRedis.start(0, dir);
        try (RedisConnection connection = new RedisConnection(redis.url())) {
            assertThat(redis.port()).isPositive();
            assertThat(redis.isRunning()).isTrue();
            assertThat(redis.url()).isEqualTo(RedisUrl.local(redis.port(), redis.url().password()));
            assertThat(redis.url().password()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(connection.ping()).isTrue();
        } finally {
            redis.close();
        }
        assertThat(redis.isRunning()).isFalse();
        try (RedisConnection afterwards = new RedisConnection(redis.url())) {
            assertThat(afterwards.ping()).isFalse();
        }
    }

    @Test
    void listensOnLoopbackOnlyAndKeepsAnAppendOnlyFileInItsDirectory() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(0, dir);
             RedisConnection connection = new RedisConnection(redis.url())) {
            // Redis 6.2 takes one parameter per CONFIG GET
            Map<String, String> config = new HashMap<>();
            for (String name : List.of("bind", "appendonly", "dir", "save", "protected-mode")) {
                config.putAll(connection.call(jedis -> jedis.configGet(name)));
            }
            assertThat(config).containsEntry("bind", "127.0.0.1")
                    .containsEntry("appendonly", "yes")
                    .containsEntry("save", "")
                    .containsEntry("protected-mode", "yes")
                    .containsEntry("dir", dir.toAbsolutePath().toString());
            connection.run(jedis -> jedis.set("ck:probe", "1"));
        }
        assertThat(dir.resolve("appendonly.aof")).exists().isNotEmptyFile();
    }

    @Test
    void refusesEveryoneWithoutItsPassword() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(0, dir);
             RedisConnection withPassword = new RedisConnection(redis.url());
             RedisConnection without = new RedisConnection(RedisUrl.local(redis.port()));
             RedisConnection wrong = new RedisConnection(RedisUrl.local(redis.port(), "not-the-password-at-all"))) {
            assertThat(withPassword.ping()).isTrue();
            assertThat(without.ping()).as("no password").isFalse();
            assertThat(wrong.ping()).as("a wrong password").isFalse();
            try (Jedis raw = new Jedis(EmbeddedRedis.HOST, redis.port())) {
                assertThatThrownBy(() -> raw.get("ck:anything")).isInstanceOf(JedisDataException.class).hasMessageContaining("NOAUTH");
            }
        }
    }

    @Test
    void itsFolderAndFilesAreTheOwnersAloneAfterStartWritesAndARewrite() throws Exception {
        Path data = dir.resolve("redis");
        try (EmbeddedRedis redis = EmbeddedRedis.start(0, data);
             RedisConnection connection = new RedisConnection(redis.url())) {
            assertThat(modes(data)).as("after start").isNotEmpty().allSatisfy(EmbeddedRedisTest::ownerOnly);
            connection.run(jedis -> jedis.hset("ck:probe:hash", Map.of("zone", "Europe/Berlin")));
            connection.run(jedis -> jedis.bgrewriteaof());
            awaitNoRewrite(connection);
            connection.run(jedis -> jedis.set("ck:probe:after", "1"));
            connection.run(jedis -> jedis.save());
            assertThat(data.resolve("appendonly.aof")).isNotEmptyFile();
            assertThat(data.resolve("dump.rdb")).exists();
            assertThat(modes(data)).as("after writes, a rewrite and a snapshot").allSatisfy(EmbeddedRedisTest::ownerOnly);
        }
    }

    @Test
    void narrowsAFolderAndFilesAnEarlierVersionLeftOpen() throws Exception {
        Path data = dir.resolve("redis");
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(data.resolve("appendonly.aof"), "");
        Files.setPosixFilePermissions(data.resolve("appendonly.aof"), PosixFilePermissions.fromString("rw-r--r--"));
        try (EmbeddedRedis redis = EmbeddedRedis.start(0, data)) {
            assertThat(modes(data)).allSatisfy(EmbeddedRedisTest::ownerOnly);
        }
    }

    @Test
    void thePasswordFileIsMadeOnceOwnerOnlyAndKept() throws Exception {
        Path file = dir.resolve("keys").resolve("redis.password");
        String made = RedisPasswordFile.loadOrCreate(file);
        assertThat(made).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(RedisPasswordFile.loadOrCreate(file)).isEqualTo(made);
        assertThat(Files.getPosixFilePermissions(file)).as("narrowed again").isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (EmbeddedRedis redis = EmbeddedRedis.start(0, dir.resolve("redis"), made);
             RedisConnection connection = new RedisConnection(RedisUrl.local(redis.port(), made))) {
            assertThat(connection.ping()).isTrue();
        }
        Files.writeString(file, "short\n");
        assertThatThrownBy(() -> RedisPasswordFile.loadOrCreate(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not hold a usable password");
    }

    /** The data folder and everything in it, each with its permissions as {@code ls -l} shows them. */
    private static Map<Path, String> modes(Path data) throws IOException {
        Map<Path, String> modes = new HashMap<>();
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path path : paths.toList()) {
                modes.put(path, PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
            }
        }
        return modes;
    }

    private static void ownerOnly(Path path, String mode) {
        assertThat(mode).as(path.toString()).isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
    }

    private static void awaitNoRewrite(RedisConnection connection) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            String info = connection.call(jedis -> jedis.info("persistence"));
            if (info.contains("aof_rewrite_in_progress:0") && info.contains("aof_rewrite_scheduled:0")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the append-only file rewrite did not finish");
    }

    @Test
    void dataSurvivesARestartOnTheSameDirectory() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(0, dir);
             RedisConnection connection = new RedisConnection(redis.url())) {
            connection.run(jedis -> jedis.hset("ck:probe:hash", Map.of("zone", "Europe/Berlin", "country", "DE")));
            connection.run(jedis -> jedis.set("ck:probe:string", "kept"));
        }
        try (EmbeddedRedis again = EmbeddedRedis.start(0, dir);
             RedisConnection connection = new RedisConnection(again.url())) {
            Map<String, String> hash = connection.call(jedis -> jedis.hgetAll("ck:probe:hash"));
            String text = connection.call(jedis -> jedis.get("ck:probe:string"));
            assertThat(hash).isEqualTo(Map.of("zone", "Europe/Berlin", "country", "DE"));
            assertThat(text).isEqualTo("kept");
        }
    }

    @Test
    void aTakenPortIsReportedClearly() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName(EmbeddedRedis.HOST))) {
            assertThatThrownBy(() -> EmbeddedRedis.start(squatter.getLocalPort(), dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + squatter.getLocalPort())
                    .hasMessageContaining("already in use");
        }
        // the failed start left the directory free for the next one
        try (EmbeddedRedis redis = EmbeddedRedis.start(0, dir)) {
            assertThat(redis.isRunning()).isTrue();
        }
    }

    @Test
    void oneDataDirectoryServesOneServerAtATime() {
        try (EmbeddedRedis first = EmbeddedRedis.start(0, dir)) {
            assertThatThrownBy(() -> EmbeddedRedis.start(0, dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another embedded Redis");
            assertThat(first.isRunning()).isTrue();
        }
    }

    @Test
    void makesAMissingDataDirectory() {
        Path nested = dir.resolve("deeper").resolve("redis data");
        try (EmbeddedRedis redis = EmbeddedRedis.start(0, nested)) {
            assertThat(redis.dataDir()).isEqualTo(nested.toAbsolutePath());
        }
        assertThat(nested.resolve("appendonly.aof")).exists();
    }

    @Test
    void runsAGivenExecutable() throws IOException {
        Path binary = ExecutableProvider.newJarResourceProvider().get().toPath();
        try (EmbeddedRedis redis = EmbeddedRedis.start(0, dir, binary);
             RedisConnection connection = new RedisConnection(redis.url())) {
            assertThat(connection.ping()).isTrue();
        }
    }

    @Test
    void refusesAnExecutableThatIsNotThere() {
        assertThatThrownBy(() -> EmbeddedRedis.start(0, dir, dir.resolve("no-such-redis-server")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no executable redis-server");
    }

    @Test
    void explainsWhyTheServerDidNotStart() throws IOException {
        Path failing = dir.resolve("broken-redis-server");
        Files.writeString(failing, "#!/bin/sh\necho 'FATAL CONFIG FILE ERROR' \nexit 1\n");
        assertThat(failing.toFile().setExecutable(true)).isTrue();
        assertThatThrownBy(() -> EmbeddedRedis.start(0, dir.resolve("data"), failing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not start")
                .hasMessageContaining("FATAL CONFIG FILE ERROR");
    }

    @Test
    void refusesABadPort() {
        for (int port : List.of(-1, 65_536)) {
            assertThatThrownBy(() -> EmbeddedRedis.start(port, dir)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
