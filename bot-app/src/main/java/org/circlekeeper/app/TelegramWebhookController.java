package org.circlekeeper.app;

import org.circlekeeper.telegram.TelegramBot;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Telegram's webhook endpoint ({@code circlekeeper.telegram.webhook.path}, {@code /telegram/webhook} by
 * default), only in webhook mode. A request without the right {@code X-Telegram-Bot-Api-Secret-Token}
 * gets 401 and is not read; an update is handed to the same consumer long polling feeds, and answered at
 * once (it is handled in the background, so Telegram does not time out and send it again).
 */
@RestController
@Conditional(TelegramConfiguration.WebhookWanted.class)
class TelegramWebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final TelegramBot bot;

    TelegramWebhookController(TelegramBot bot) {
        this.bot = bot;
    }

    @PostMapping(path = "${circlekeeper.telegram.webhook.path:/telegram/webhook}", consumes = "application/json")
    ResponseEntity<Void> update(@RequestHeader(name = SECRET_HEADER, required = false) String secret, @RequestBody byte[] body) {
        HttpStatus status = switch (bot.receiveWebhook(secret, body)) {
            case ACCEPTED -> HttpStatus.OK;
            case WRONG_SECRET -> HttpStatus.UNAUTHORIZED;
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case NOT_A_WEBHOOK -> HttpStatus.NOT_FOUND;
        };
        return ResponseEntity.status(status).build();
    }
}
