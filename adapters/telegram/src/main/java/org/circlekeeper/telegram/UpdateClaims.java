package org.circlekeeper.telegram;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.platform.UpdateLog;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * An update's claim with the look-ups that ride along in its one round trip ({@link UpdateLog.Claim}): for a person's
 * message or button press in a group, the group's cached administrators (their role there) and whether the person can
 * be written to privately (where a private answer goes), which handling the update would otherwise read one by one.
 */
final class UpdateClaims {

    /**
     * What the claim read for handling its update. {@code rolesSeen} is {@link Organisers#changes()} before the read:
     * when the group's administrators changed since, the read is not used.
     */
    record Prefetched(Optional<Set<String>> admins, long rolesSeen, Optional<Boolean> unreachable) {
        /** Nothing read ahead: every look-up is made when it is needed. */
        static final Prefetched NOTHING = new Prefetched(Optional.empty(), -1, Optional.empty());
    }

    private UpdateClaims() {
    }

    /**
     * The claim of {@code update}, carrying the person who wrote privately ({@link #wrotePrivately}) and, for a person in
     * a group, the look-ups above.
     */
    static UpdateLog.Claim claimOf(Update update, Duration lease) {
        Optional<CommunityRef> group = Optional.empty();
        Optional<MemberRef> person = Optional.empty();
        User from = null;
        Chat chat = null;
        if (update.hasMessage()) {
            Message message = update.getMessage();
            if (message.getSenderChat() == null && message.getText() != null && !message.getText().isBlank()) {
                from = message.getFrom();
                chat = message.getChat();
            }
        } else if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            from = query.getFrom();
            chat = query.getMessage() == null ? null : query.getMessage().getChat();
        }
        if (from != null && !Boolean.TRUE.equals(from.getIsBot()) && chat != null
                && TelegramContexts.kindOf(chat).filter(kind -> kind == ChannelRef.Kind.GROUP).isPresent()) {
            group = Optional.of(TelegramContexts.group(chat));
            person = Optional.of(TelegramContexts.member(from));
        }
        return new UpdateLog.Claim(Long.toString(update.getUpdateId()), lease, wrotePrivately(update), group, person);
    }

    /**
     * The person who wrote to the bot in their private chat: whoever writes there has not blocked the bot (Bot API,
     * "Message": a message in a chat of type "private" comes from its one other member), so their unreachable mark goes.
     */
    static Optional<MemberRef> wrotePrivately(Update update) {
        if (!update.hasMessage()) {
            return Optional.empty();
        }
        Message message = update.getMessage();
        User from = message.getFrom();
        if (from == null || Boolean.TRUE.equals(from.getIsBot()) || message.getSenderChat() != null || message.getChat() == null
                || TelegramContexts.kindOf(message.getChat()).filter(kind -> kind == ChannelRef.Kind.DIRECT).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TelegramContexts.member(from));
    }
}
