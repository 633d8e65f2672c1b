package org.circlekeeper.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.circlekeeper.telegram.TelegramApi.Reason;
import org.junit.jupiter.api.Test;

/** Telegram's refusals as the Bot API server words them, read into the adapter's reasons. */
class TelegramRefusalTest {

    private static Reason reason(int code, String description, long chat) {
        return new TelegramApi.Refused("sendMessage", code, description).reason(chat);
    }

    @Test
    void eachRefusalHasItsReason() {
        assertThat(reason(403, "Forbidden: bot was blocked by the user", 101)).isEqualTo(Reason.BLOCKED);
        assertThat(reason(403, "Forbidden: bot can't initiate conversation with a user", 101)).isEqualTo(Reason.BLOCKED);
        assertThat(reason(403, "Forbidden: user is deactivated", 101)).isEqualTo(Reason.BLOCKED);
        assertThat(reason(403, "Forbidden: bot was kicked from the supergroup chat", -1001)).isEqualTo(Reason.REMOVED);
        assertThat(reason(403, "Forbidden: bot was kicked from the group chat", -1001)).isEqualTo(Reason.REMOVED);
        assertThat(reason(403, "Forbidden: bot is not a member of the supergroup chat", -1001)).isEqualTo(Reason.REMOVED);
        assertThat(reason(400, "Bad Request: chat not found", -1001)).isEqualTo(Reason.CHAT_NOT_FOUND);
        assertThat(reason(400, "Bad Request: not enough rights to send text messages to the chat", -1001)).isEqualTo(Reason.NO_RIGHTS);
        assertThat(reason(400, "Bad Request: CHAT_WRITE_FORBIDDEN", -1001)).isEqualTo(Reason.NO_RIGHTS);
        assertThat(reason(400, "Bad Request: message thread not found", -1001)).isEqualTo(Reason.TOPIC_GONE);
        assertThat(reason(400, "Bad Request: TOPIC_CLOSED", -1001)).isEqualTo(Reason.TOPIC_GONE);
        assertThat(reason(400, "Bad Request: message is too long", -1001)).isEqualTo(Reason.TOO_LONG);
        assertThat(reason(400, "Bad Request: BUTTON_DATA_INVALID", -1001)).isEqualTo(Reason.BUTTON_DATA);
        assertThat(reason(400, "Bad Request: can't parse entities: unsupported start tag \"x\"", -1001)).isEqualTo(Reason.BAD_MARKUP);
        assertThat(reason(400, "Bad Request: message to edit not found", -1001)).isEqualTo(Reason.OTHER);
        assertThat(reason(404, "Not Found", -1001)).isEqualTo(Reason.OTHER);
        assertThat(reason(400, null, -1001)).isEqualTo(Reason.OTHER);
    }

    @Test
    void everyReasonHasAShortFixedLabelForMetrics() {
        for (Reason reason : Reason.values()) {
            assertThat(reason.label()).matches("[a-z-]{2,20}");
        }
    }
}
