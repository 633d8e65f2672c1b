package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
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
 * to the bot, whose reply reaches the fake; health reports Telegram; the console stays off. Huge bodies,
 * streamed from a generator over a raw socket, are refused without being read: the sender's stream is cut
 * long before its end.
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

    private static final long HUGE = 300L * 1024 * 1024;

    @Test
    void aHugeBodyWithoutTheSecretIsRefusedBeforeItIsRead() throws Exception {
        Exchange sized = stream("POST", "/telegram/webhook", null, HUGE, false);
        assertThat(sized.status()).isEqualTo(401);
        assertThat(sized.sent()).as("bytes the server let the sender push").isLessThan(HUGE / 10);

        Exchange chunked = stream("POST", "/telegram/webhook", "not-the-secret", HUGE, true);
        assertThat(chunked.status()).isEqualTo(401);
        assertThat(chunked.sent()).isLessThan(HUGE / 10);
    }

    @Test
    void aBodyOverTheCapIsRefusedEvenWithTheSecret() throws Exception {
        Exchange sized = stream("POST", "/telegram/webhook", SECRET, TelegramWebhookController.MAX_BODY + 1L, false);
        assertThat(sized.status()).as("Content-Length over the cap: refused unread").isEqualTo(413);

        Exchange chunked = stream("POST", "/telegram/webhook", SECRET, HUGE, true);
        assertThat(chunked.status()).as("a chunked body is cut at the cap").isEqualTo(413);
        assertThat(chunked.sent()).isLessThan(HUGE / 10);
    }

    @Test
    void theCalendarFeedAndHealthTakeNoBodyAndNoHugeHeader() throws Exception {
        Exchange sized = stream("GET", "/calendar/AAAAAAAAAAAAAAAAAAAAAA.ics", null, HUGE, false);
        assertThat(sized.status()).isEqualTo(413);
        assertThat(sized.sent()).isLessThan(HUGE / 10);
        Exchange chunked = stream("GET", "/actuator/health", null, HUGE, true);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.sent()).isLessThan(HUGE / 10);

        HttpResponse<String> bigHeader = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/calendar/AAAAAAAAAAAAAAAAAAAAAA.ics")).header("X-Padding", "x".repeat(32 * 1024)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bigHeader.statusCode()).as("a header over the server's limit").isBetween(400, 431);
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/calendar/AAAAAAAAAAAAAAAAAAAAAA.ics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).as("an ordinary GET still works: an unknown feed").isEqualTo(404);
    }

    /** What a raw sender saw: the response's status, and how many body bytes it managed to push before the server cut it off. */
    record Exchange(int status, long sent) {
    }

    /**
     * Sends a request with a body of {@code length} bytes produced while sending (never held in memory), either with
     * a Content-Length or chunked, and reads the status line while the body is still going out.
     */
    private Exchange stream(String method, String path, String secret, long length, boolean chunked) throws Exception {
        AtomicLong sent = new AtomicLong();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\n");
            if (secret != null) {
                head.append("X-Telegram-Bot-Api-Secret-Token: ").append(secret).append("\r\n");
            }
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n").append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread sender = new Thread(() -> {
                byte[] block = new byte[64 * 1024];
                Arrays.fill(block, (byte) ' ');
                byte[] chunkHead = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
                try {
                    while (sent.get() < length) {
                        int n = (int) Math.min(block.length, length - sent.get());
                        if (chunked) {
                            out.write(n == block.length ? chunkHead : (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(block, 0, n);
                            out.write(crlf);
                        } else {
                            out.write(block, 0, n);
                        }
                        sent.addAndGet(n);
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server closed the connection: exactly what a refused body should meet
                }
            }, "huge-body-sender");
            sender.setDaemon(true);
            sender.start();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            socket.close();
            sender.join(30_000);
            assertThat(status).as("a status line").isNotNull().startsWith("HTTP/1.1 ");
            return new Exchange(Integer.parseInt(status.substring(9, 12)), sent.get());
        }
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
