package org.circlekeeper.app;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.circlekeeper.telegram.TelegramBot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Telegram's webhook endpoint ({@code circlekeeper.telegram.webhook.path}, {@code /telegram/webhook} by
 * default), only in webhook mode. The secret header is checked (in constant time) before a byte of the body
 * is read: without the right {@code X-Telegram-Bot-Api-Secret-Token} the answer is 401. A body over {@link
 * #MAX_BODY} gets 413, unread when its Content-Length says so, cut at the cap when it comes chunked. An update
 * is handed to the same consumer long polling feeds, and answered at once (it is handled in the background,
 * so Telegram does not time out and send it again).
 */
@RestController
@Conditional(TelegramConfiguration.WebhookWanted.class)
class TelegramWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhookController.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** The largest update body read: Telegram's updates are a few kilobytes, a long message with entities some tens. */
    static final int MAX_BODY = 1024 * 1024;
    private static final int CHUNK = 8192;

    private final TelegramBot bot;

    TelegramWebhookController(TelegramBot bot) {
        this.bot = bot;
    }

    @PostMapping(path = "${circlekeeper.telegram.webhook.path:/telegram/webhook}", consumes = "application/json")
    ResponseEntity<Void> update(@RequestHeader(name = SECRET_HEADER, required = false) String secret, HttpServletRequest request)
            throws IOException {
        TelegramBot.WebhookAnswer admitted = bot.admit(secret);
        if (admitted != TelegramBot.WebhookAnswer.ACCEPTED) {
            return refuse(status(admitted));
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            LOG.warn("Telegram webhook: a body of more than {} bytes was refused unread", MAX_BODY);
            return refuse(HttpStatus.CONTENT_TOO_LARGE);
        }
        byte[] body = readAtMost(request.getInputStream(), MAX_BODY);
        if (body == null) {
            LOG.warn("Telegram webhook: a streamed body was cut at {} bytes and refused", MAX_BODY);
            return refuse(HttpStatus.CONTENT_TOO_LARGE);
        }
        return ResponseEntity.status(status(bot.receiveWebhook(secret, body))).build();
    }

    /**
     * The stream's bytes, or null as soon as it holds more than {@code cap}: nothing beyond the cap (and one
     * chunk) is ever read or kept.
     */
    static byte[] readAtMost(InputStream in, int cap) throws IOException {
        byte[] buffer = new byte[Math.min(cap + 1, CHUNK)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (length > cap) {
                    return null;
                }
                buffer = Arrays.copyOf(buffer, Math.min(cap + 1, buffer.length * 2));
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                return Arrays.copyOf(buffer, length);
            }
            length += read;
            if (length > cap) {
                return null;
            }
        }
    }

    /** A refusal that closes the connection, so the server does not go on reading what the client still sends. */
    private static ResponseEntity<Void> refuse(HttpStatus status) {
        return ResponseEntity.status(status).header(HttpHeaders.CONNECTION, "close").build();
    }

    private static HttpStatus status(TelegramBot.WebhookAnswer answer) {
        return switch (answer) {
            case ACCEPTED -> HttpStatus.OK;
            case WRONG_SECRET -> HttpStatus.UNAUTHORIZED;
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case NOT_A_WEBHOOK -> HttpStatus.NOT_FOUND;
        };
    }
}
