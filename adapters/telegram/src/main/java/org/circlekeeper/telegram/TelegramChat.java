package org.circlekeeper.telegram;

import java.util.Objects;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.Platform;

/**
 * Where in Telegram a message goes: a chat, and in a forum supergroup one of its topics. The core knows a topic as a
 * {@link ChannelRef} of its own whose id is {@code <chatId>/<threadId>} ({@code -1001234/42}), while its community
 * stays the chat: a circle or a share circle begun in a topic lives there, and every id stored before topics
 * ({@code <chatId>} alone) still means the chat itself. The "General" topic is the chat: Telegram refuses its thread
 * id 1 in a send ("message thread not found"), so a message there carries none.
 */
record TelegramChat(long chatId, Integer threadId) {

    /** The separator between chat and thread in a channel id. */
    static final char SEPARATOR = '/';

    TelegramChat {
        if (threadId != null && threadId < 2) {
            throw new IllegalArgumentException("a topic's thread id is 2 or more (General is the chat itself)");
        }
    }

    static TelegramChat of(long chatId) {
        return new TelegramChat(chatId, null);
    }

    /** The chat and, when given and not General, the topic. */
    static TelegramChat of(long chatId, Integer threadId) {
        return new TelegramChat(chatId, threadId == null || threadId < 2 ? null : threadId);
    }

    /** Reads a channel id: {@code <chatId>} or {@code <chatId>/<threadId>}; throws {@link NumberFormatException} for anything else. */
    static TelegramChat parse(String channelId) {
        Objects.requireNonNull(channelId, "channelId");
        int at = channelId.indexOf(SEPARATOR);
        if (at < 0) {
            return of(Long.parseLong(channelId));
        }
        int thread = Integer.parseInt(channelId.substring(at + 1));
        if (thread < 2) {
            throw new NumberFormatException("not a topic's thread id: " + thread);
        }
        return new TelegramChat(Long.parseLong(channelId.substring(0, at)), thread);
    }

    boolean inTopic() {
        return threadId != null;
    }

    /** The chat without its topic ("General" in a forum). */
    TelegramChat chat() {
        return of(chatId);
    }

    /** The id the core keeps for this place. */
    String channelId() {
        return threadId == null ? Long.toString(chatId) : chatId + String.valueOf(SEPARATOR) + threadId;
    }

    ChannelRef channel(ChannelRef.Kind kind) {
        return new ChannelRef(Platform.TELEGRAM, channelId(), kind);
    }

    /**
     * A link that opens the topic for members of the group: {@code https://t.me/c/<id>/<thread>}, where a supergroup's
     * {@code -100<id>} loses its prefix; a chat that is no supergroup has no such link and is named by its thread only.
     */
    String link() {
        String id = Long.toString(chatId);
        String thread = threadId == null ? "1" : threadId.toString();
        return id.startsWith("-100") ? "https://t.me/c/" + id.substring(4) + "/" + thread : "#" + thread;
    }
}
