package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisKeys;
import org.circlekeeper.redis.RedisUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConverters;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app boots with no Redis URL: it starts an embedded Redis with data in a folder, opens no web
 * port, and the engine keeps and erases a member's data in Redis.
 */
@SpringBootTest(properties = {"circlekeeper.console.enabled=false", "circlekeeper.redis.embedded.port=0"})
class AppWithRedisTest {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("circlekeeper.redis.embedded.data-dir", () -> data.resolve("redis").toString());
    }

    @Autowired
    Engine engine;
    @Autowired
    RedisConnection redis;
    @Autowired
    ApplicationContext context;

    private final MemberRef alice = new MemberRef(Platform.CONSOLE, "alice", "Alice");
    private final Context inDirect = new Context(alice, new ChannelRef(Platform.CONSOLE, "dm:alice", ChannelRef.Kind.DIRECT),
            new CommunityRef(Platform.CONSOLE, "local"), Role.MEMBER, null);

    @Test
    void noWebServerRunsWithoutAWebPort() {
        assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
    }

    /** What only a web port serves is not built at all (#15: a faster start); the meters still count, in memory. */
    @Test
    void withoutAWebPortNothingThatOnlyAWebPortServesIsBuilt() {
        assertThat(context.getBeanNamesForType(HttpMessageConverters.class)).isEmpty();
        assertThat(context.getBeanNamesForType(BodilessRequestFilter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(CalendarFeedController.class)).isEmpty();
        assertThat(context.getBeanNamesForType(PrometheusMeterRegistry.class)).isEmpty();
        assertThat(context.getBeanNamesForType(JsonMapper.class)).as("the core keeps its own JSON mappers").isEmpty();
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        double before = helpCount(registry);
        engine.handle(Inbound.CommandInvoked.typed(inDirect, "help", ""));
        assertThat(helpCount(registry)).isEqualTo(before + 1);
    }

    private static double helpCount(MeterRegistry registry) {
        Counter counter = registry.find("circlekeeper.commands").tag("command", "help").tag("outcome", "done").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theEmbeddedRedisIsPrivateToItsUserAndAsksForTheGeneratedPassword() throws Exception {
        Path passwordFile = data.resolve(StorageConfiguration.REDIS_PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("redis")))).isEqualTo("rwx------");
        RedisUrl url = (RedisUrl) redis.target();
        assertThat(url.password()).isEqualTo(Files.readString(passwordFile).strip());
        try (RedisConnection withoutPassword = new RedisConnection(RedisUrl.local(url.port()))) {
            assertThat(withoutPassword.ping()).isFalse();
        }
        assertThat(redis.ping()).isTrue();
    }

    @Test
    void settingsLiveInRedisAndForgetmeErasesThem() throws Exception {
        engine.handle(Inbound.CommandInvoked.typed(inDirect, "timezone", "Europe/Berlin"));
        String key = "ck:m:{console:alice}:settings";
        Map<String, String> stored = redis.call(jedis -> jedis.hgetAll(key));
        assertThat(stored).containsEntry("zone", "Europe/Berlin");
        assertThat(data.resolve("redis")).isDirectory();

        List<Reply> ask = engine.handle(Inbound.CommandInvoked.typed(inDirect, "forgetme", ""));
        String erase = ask.get(0).message().buttons().get(0).actionId();
        List<Reply> done = engine.handle(new Inbound.ButtonPressed(inDirect, erase, null));
        assertThat(done.get(0).message().markup()).contains("I erased everything");
        Boolean exists = redis.call(jedis -> jedis.exists(key));
        assertThat(exists).isFalse();
        // the app's erasure flush starts a rewrite of the append-only file at once (the first in its interval)
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!redis.<Boolean>call(jedis -> jedis.exists(RedisKeys.persistenceWindow())) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(redis.<Boolean>call(jedis -> jedis.exists(RedisKeys.persistenceWindow()))).as("a rewrite was started").isTrue();
        List<Reply> again = engine.handle(new Inbound.ButtonPressed(inDirect, erase, null));
        assertThat(again.get(0).message().markup()).contains("already used");
    }
}
