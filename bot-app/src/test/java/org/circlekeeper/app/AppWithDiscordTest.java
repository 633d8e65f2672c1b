package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.circlekeeper.console.ConsoleMessenger;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.message.EventMirror;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.share.Person;
import org.circlekeeper.core.share.ShareRoom;
import org.circlekeeper.discord.DiscordAdapter;
import org.circlekeeper.discord.DiscordEventMirror;
import org.circlekeeper.discord.DiscordMessenger;
import org.circlekeeper.discord.FakeDiscord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With a Discord token the app connects the Discord adapter (to a fake Discord on 127.0.0.1 here)
 * instead of the console: every command of the assembled bot is registered, the Discord messenger
 * is one of the bot's messengers, the Discord event list is the bot's, and the health endpoint
 * reports the shards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"circlekeeper.redis.embedded.port=0", "circlekeeper.web.port=0",
                "circlekeeper.discord.token=" + FakeDiscord.TOKEN})
class AppWithDiscordTest {

    private static final FakeDiscord DISCORD = start();

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("circlekeeper.redis.embedded.data-dir", () -> data.resolve("redis").toString());
        registry.add("circlekeeper.discord.rest-base-url", DISCORD::restBase);
    }

    @AfterAll
    static void stopDiscord() throws Exception {
        DISCORD.close();
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    Engine engine;
    @Autowired
    List<Messenger> messengers;
    @Autowired
    List<EventMirror> mirrors;
    @LocalServerPort
    int port;

    @Test
    void connectsToDiscordInsteadOfTheConsole() throws Exception {
        assertThat(context.getBeanNamesForType(ConsoleMessenger.class)).isEmpty();
        assertThat(messengers).anyMatch(m -> m instanceof DiscordMessenger);
        assertThat(mirrors).singleElement().isInstanceOf(DiscordEventMirror.class);
        JsonNode commands = DISCORD.await("PUT", "/applications/" + FakeDiscord.APP + "/commands", Duration.ofSeconds(20)).body();
        List<String> names = new ArrayList<>();
        commands.forEach(c -> names.add(c.path("name").asString()));
        assertThat(names).containsExactlyElementsOf(engine.registry().commands().stream().map(CommandSpec::name).toList());

        DiscordAdapter adapter = context.getBean(DiscordAdapter.class);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!adapter.connected() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode discord = JsonMapper.builder().build().readTree(health.body()).path("components").path("discord");
        assertThat(discord.path("status").asString()).isEqualTo("UP");
        assertThat(adapter.shardStatus()).containsExactly(Map.entry(0, "CONNECTED"));
    }

    @Test
    void aShareCircleStartedInAVoiceChannelBeginsWithWhoIsInIt() throws Exception {
        DiscordAdapter adapter = context.getBean(DiscordAdapter.class);
        ChannelRef voice = new ChannelRef(Platform.DISCORD, FakeDiscord.VOICE, ChannelRef.Kind.GROUP);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (adapter.presence().present(voice).map(List::isEmpty).orElse(true) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        CommunityRef server = new CommunityRef(Platform.DISCORD, FakeDiscord.GUILD);
        Context olivia = new Context(new MemberRef(Platform.DISCORD, "500000000000000002", "olivia"), voice, server,
                Role.ORGANISER, null);

        engine.handle(Inbound.CommandInvoked.typed(olivia, "share", "start basic"));

        assertThat(context.getBean(Stores.class).share().live(new ShareRoom(server, voice)).orElseThrow().present())
                .as("the app hands the adapter's voice presence to the share circle").extracting(Person::name)
                .containsExactly("olivia", "bea");
    }

    private static FakeDiscord start() {
        try {
            FakeDiscord discord = new FakeDiscord();
            discord.inVoiceAtStart("500000000000000007", "bea", FakeDiscord.VOICE);
            discord.inVoiceAtStart("500000000000000002", "olivia", FakeDiscord.VOICE);
            return discord;
        } catch (Exception e) {
            throw new IllegalStateException("the fake Discord did not start", e);
        }
    }
}
