package org.circlekeeper.telegram;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.message.Attachment;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.OutgoingMessage;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Puts one {@link OutgoingMessage} into a Telegram chat: its markup as HTML split into messages of at
 * most 4,096 characters, its buttons as an inline keyboard under the last part, an image as a photo and
 * any other file as a document (with the text as caption when it fits 1,024 characters). A form request
 * shows its prompt: Telegram has no forms. Every call goes through {@link TelegramApi}, so it keeps to
 * the rate limits and retries 429s.
 */
final class TelegramDelivery {

    private final TelegramApi api;
    /**
     * Basic groups this replica knows were upgraded: old chat id to the supergroup's. Places stored before the upgrade
     * (a circle's group) keep the old id; their messages go to the supergroup without a refused call first.
     */
    private final Map<Long, Long> supergroups = new ConcurrentHashMap<>();
    private volatile Migrations.Listener migrations = (from, to) -> {
        throw new IllegalStateException("a Telegram group was upgraded, and no one listens for it yet");
    };

    TelegramDelivery(TelegramApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** Who hears that a send found its group upgraded to a supergroup (the adapter's {@link Migrations}). */
    void onMigration(Migrations.Listener listener) {
        this.migrations = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Sends the message to the chat (into its topic, when it names one); returns the id of the Telegram message that
     * carries its buttons (the last text part). When Telegram answers that the group was upgraded to a supergroup
     * (400 with {@code parameters.migrate_to_chat_id}; Bot API, "ResponseParameters"), the message goes to the
     * supergroup instead, once, and the {@link Migrations} hear of it.
     */
    int send(TelegramChat chat, OutgoingMessage message) {
        Long known = supergroups.get(chat.chatId());
        TelegramChat target = known == null ? chat : TelegramChat.of(known);
        try {
            return sendHere(target, message);
        } catch (TelegramApi.Refused refused) {
            Optional<Long> supergroup = refused.migratedTo();
            if (supergroup.isEmpty() || supergroup.get() == target.chatId()) {
                throw refused;
            }
            upgraded(target.chatId(), supergroup.get());
            migrations.migrated(target.chatId(), supergroup.get());
            return sendHere(TelegramChat.of(supergroup.get()), message);
        }
    }

    /** The basic group {@code group} is now the supergroup {@code supergroup}: this replica sends there from now on. */
    void upgraded(long group, long supergroup) {
        if (group != supergroup && supergroups.put(group, supergroup) == null) {
            api.carryPacing(group, supergroup);
        }
    }

    private int sendHere(TelegramChat chat, OutgoingMessage message) {
        List<String> parts = TelegramHtml.split(message.markup(), TelegramHtml.MESSAGE_LIMIT);
        InlineKeyboardMarkup keyboard = keyboard(message);
        Attachment attachment = message.attachment();
        boolean noText = TelegramHtml.visibleText(message.markup()).isBlank();
        if (attachment != null) {
            boolean captionFits = noText || parts.size() == 1
                    && TelegramHtml.visibleText(message.markup()).strip().length() <= TelegramHtml.CAPTION_LIMIT;
            if (captionFits) {
                return sendFile(chat, attachment, noText ? null : parts.get(0), keyboard);
            }
            int last = sendParts(chat, parts, keyboard);
            sendFile(chat, attachment, null, null);
            return last;
        }
        return sendParts(chat, parts, keyboard);
    }

    /**
     * Replaces the text and buttons of a message the bot sent; text past 4,096 characters follows as new
     * messages. Returns false when Telegram cannot edit it (a photo or document, a message too old or
     * gone), so the caller can send a new message instead; a refusal that a new message would meet too (no rights,
     * a closed topic, the chat gone) is thrown.
     */
    boolean edit(TelegramChat chat, int messageId, OutgoingMessage message) {
        long chatId = chat.chatId();
        if (message.attachment() != null) {
            return false;
        }
        List<String> parts = TelegramHtml.split(message.markup(), TelegramHtml.MESSAGE_LIMIT);
        InlineKeyboardMarkup keyboard = keyboard(message);
        EditMessageText.EditMessageTextBuilder<?, ?> edit = EditMessageText.builder().chatId(chatId).messageId(messageId)
                .text(parts.get(0)).parseMode(ParseMode.HTML).linkPreviewOptions(noPreview());
        if (parts.size() == 1 && keyboard != null) {
            edit.replyMarkup(keyboard);
        }
        try {
            EditMessageText request = edit.build();
            api.send("editMessageText", chatId, client -> (Serializable) client.execute(request));
        } catch (TelegramApi.Refused refused) {
            if (refused.notModified()) {
                return true;
            }
            if (refused.migratedTo().isPresent()) {
                // the old group is read-only now: the caller sends a new message, which goes to the supergroup
                migrations.migrated(chatId, refused.migratedTo().get());
                return false;
            }
            if (refused.code() == 400 && refused.reason(chatId) == TelegramApi.Reason.OTHER) {
                return false;
            }
            throw refused;
        }
        if (parts.size() > 1) {
            sendParts(chat, parts.subList(1, parts.size()), keyboard);
        }
        return true;
    }

    private int sendParts(TelegramChat chat, List<String> parts, InlineKeyboardMarkup keyboard) {
        long chatId = chat.chatId();
        int last = -1;
        for (int i = 0; i < parts.size(); i++) {
            SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder().chatId(chatId).messageThreadId(chat.threadId())
                    .text(parts.get(i)).parseMode(ParseMode.HTML).linkPreviewOptions(noPreview());
            if (i == parts.size() - 1 && keyboard != null) {
                send.replyMarkup(keyboard);
            }
            SendMessage request = send.build();
            Message sent = api.send("sendMessage", chatId, client -> client.execute(request));
            last = sent.getMessageId();
        }
        return last;
    }

    private int sendFile(TelegramChat chat, Attachment attachment, String caption, InlineKeyboardMarkup keyboard) {
        long chatId = chat.chatId();
        InputFile file = new InputFile(new ByteArrayInputStream(attachment.content()), attachment.fileName());
        Message sent;
        if (attachment.isImage()) {
            SendPhoto.SendPhotoBuilder<?, ?> photo = SendPhoto.builder().chatId(chatId).messageThreadId(chat.threadId()).photo(file);
            if (caption != null) {
                photo.caption(caption).parseMode(ParseMode.HTML);
            }
            if (keyboard != null) {
                photo.replyMarkup(keyboard);
            }
            SendPhoto request = photo.build();
            sent = api.send("sendPhoto", chatId, client -> client.execute(request));
        } else {
            SendDocument.SendDocumentBuilder<?, ?> document = SendDocument.builder().chatId(chatId).messageThreadId(chat.threadId()).document(file);
            if (caption != null) {
                document.caption(caption).parseMode(ParseMode.HTML);
            }
            if (keyboard != null) {
                document.replyMarkup(keyboard);
            }
            SendDocument request = document.build();
            sent = api.send("sendDocument", chatId, client -> client.execute(request));
        }
        return sent.getMessageId();
    }

    /**
     * The message's buttons as an inline keyboard, or null. Each button's action id becomes its
     * {@code callback_data}; the core keeps them within Telegram's 64 bytes, and a longer one fails here
     * loudly rather than reaching Telegram and being cut.
     */
    static InlineKeyboardMarkup keyboard(OutgoingMessage message) {
        if (!message.hasButtons()) {
            return null;
        }
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (List<Button> row : message.buttonRows()) {
            InlineKeyboardRow keyboardRow = new InlineKeyboardRow();
            for (Button button : row) {
                int bytes = button.actionId().getBytes(StandardCharsets.UTF_8).length;
                if (bytes > Button.MAX_ACTION_BYTES) {
                    throw new IllegalStateException("a button's action id is " + bytes + " bytes; Telegram's callback_data holds "
                            + Button.MAX_ACTION_BYTES);
                }
                keyboardRow.add(InlineKeyboardButton.builder().text(button.label()).callbackData(button.actionId()).build());
            }
            rows.add(keyboardRow);
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private static LinkPreviewOptions noPreview() {
        return LinkPreviewOptions.builder().isDisabled(true).build();
    }
}
