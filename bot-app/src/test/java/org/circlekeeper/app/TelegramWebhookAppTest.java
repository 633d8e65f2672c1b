package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.circlekeeper.console.ConsoleMessenger;
import org.circlekeeper.telegram.FakeBotApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app in Telegram webhook mode against a fake Bot API on 127.0.0.1: it registers its webhook with
 * the secret at start-up, its endpoint refuses requests without the secret (401) and hands the others
 * to the bot, whose reply reaches the fake; health reports Telegram; the console stays off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "circlekeeper.redis.embedded.port=0", "circlekeeper.web.port=0",
        "circlekeeper.telegram.token=" + TelegramWebhookAppTest.TOKEN,
        "circlekeeper.telegram.mode=webhook",
        "circlekeeper.telegram.webhook.url=https://bot.example.org/telegram/webhook",
        "circlekeeper.telegram.webhook.secret=" + TelegramWebhookAppTest.SECRET})
class TelegramWebhookAppTest {

    static final String TOKEN = "4242:APP-test-token_only";
    static final String SECRET = "the-webhook-secret_42";
    static final FakeBotApi FAKE = startFake();

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("circlekeeper.redis.embedded.data-dir", () -> data.resolve("redis").toString());
        registry.add("circlekeeper.telegram.api-url", () -> "http://127.0.0.1:" + FAKE.url().getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    private static FakeBotApi startFake() {
        try {
            return new FakeBotApi(TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    private HttpResponse<String> post(String path, String secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theWebhookTakesOnlyTelegramsRequests() throws Exception {
        FakeBotApi.Call registered = FAKE.await(c -> c.method().equals("setWebhook"), Duration.ofSeconds(10), "setWebhook");
        assertThat(registered.params().path("secret_token").asText()).isEqualTo(SECRET);
        assertThat(FAKE.calls("setMyCommands")).hasSize(9);

        ObjectNode message = JsonNodeFactory.instance.objectNode().put("message_id", 1).put("date", (int) (System.currentTimeMillis() / 1000))
                .put("text", "/timezone Europe/Rome");
        message.set("from", FakeBotApi.user(303, "Rita", null, false).put("language_code", "en"));
        message.set("chat", FakeBotApi.chat(303));
        ObjectNode update = JsonNodeFactory.instance.objectNode().put("update_id", 9001);
        update.set("message", message);
        String body = update.toString();

        assertThat(post("/telegram/webhook", null, body).statusCode()).isEqualTo(401);
        assertThat(post("/telegram/webhook", "not-the-secret", body).statusCode()).isEqualTo(401);
        Thread.sleep(200);
        assertThat(FAKE.sentTo(303)).isEmpty();

        assertThat(post("/telegram/webhook", SECRET, body).statusCode()).isEqualTo(200);
        FakeBotApi.Call reply = FAKE.await(c -> c.method().equals("sendMessage") && c.chatId() == 303, Duration.ofSeconds(10), "the reply");
        assertThat(reply.text()).contains("Europe/Rome");

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        // details stay hidden (the app shows components only); the component reports Telegram answering
        assertThat(health.body()).contains("\"telegram\":{\"status\":\"UP\"}").doesNotContain(TOKEN).doesNotContain(SECRET);
        assertThat(context.getBeansOfType(ConsoleMessenger.class)).isEmpty();
    }
}
