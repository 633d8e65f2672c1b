package org.circlekeeper.telegram;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.MembershipEvent;
import org.circlekeeper.core.platform.Reachability;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberRestricted;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;

/**
 * Membership updates: the bot's own standing ({@code my_chat_member}) in a private chat (blocked or not) or a group
 * (added, restricted, removed), and other people's ({@code chat_member}), which the core hears as {@link MembershipEvent}s.
 */
final class TelegramMemberships {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramMemberships.class);

    private final Engine engine;
    private final Reachability reachability;
    private final Organisers organisers;
    private final Duration unreachableTtl;

    TelegramMemberships(Engine engine, Reachability reachability, Organisers organisers, Duration unreachableTtl) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.reachability = Objects.requireNonNull(reachability, "reachability");
        this.organisers = Objects.requireNonNull(organisers, "organisers");
        this.unreachableTtl = Objects.requireNonNull(unreachableTtl, "unreachableTtl");
    }

    /**
     * The bot's own standing changed ({@code my_chat_member}; Bot API, "ChatMemberUpdated"): blocked or unblocked in a
     * private chat, or added to, promoted or restricted in, or removed from a group, which the core hears as {@link
     * #botStanding}.
     */
    void onBotMembership(ChatMemberUpdated change) {
        Chat chat = change.getChat();
        ChatMember now = change.getNewChatMember();
        String status = now == null ? "" : now.getStatus();
        if (chat == null) {
            return;
        }
        if ("private".equals(chat.getType()) && change.getFrom() != null) {
            MemberRef member = TelegramContexts.member(change.getFrom());
            if ("kicked".equals(status)) {
                reachability.markUnreachable(member, unreachableTtl);
                LOG.info("a member blocked the bot on Telegram; marked unreachable");
            } else if ("member".equals(status)) {
                reachability.markReachable(member);
            }
            return;
        }
        if (TelegramContexts.kindOf(chat).isEmpty()) {
            return;
        }
        CommunityRef group = TelegramContexts.group(chat);
        organisers.changed(group);
        LOG.info("the bot's standing in a Telegram group changed to {}", status);
        botStanding(group, now).ifPresent(engine::membershipChanged);
    }

    /**
     * What the bot's new standing in a group means to the core (Bot API, "ChatMember"): {@code left} or {@code kicked}
     * is the bot removed, and so is {@code restricted} with {@code is_member} false (it is no longer in the group);
     * {@code member}, {@code administrator} or {@code restricted} while still a member is the bot present (added again
     * within the grace period, everything carries on). A bot restricted so that it cannot send ({@code can_send_messages}
     * false) stays present: its data stays, each send the group refuses is counted as {@code no-rights} and not tried
     * again, and whoever asked something there is told privately, as for any refused answer ({@link Refusals}).
     */
    static Optional<MembershipEvent> botStanding(CommunityRef group, ChatMember now) {
        if (now == null) {
            return Optional.empty();
        }
        return switch (now.getStatus()) {
            case "left", "kicked" -> Optional.of(new MembershipEvent.BotRemoved(group));
            case "member", "administrator", "creator" -> Optional.of(new MembershipEvent.BotPresent(group));
            case "restricted" -> Optional.of(stillMember(now)
                    ? new MembershipEvent.BotPresent(group) : new MembershipEvent.BotRemoved(group));
            default -> Optional.empty();
        };
    }

    /**
     * Someone's standing in a group changed ({@code chat_member}, which Telegram sends only to a bot that is an
     * administrator there and names {@code chat_member} in {@code allowed_updates}; Bot API, "Update"): the admin list
     * may differ now, and a person who left or was removed loses their answers there.
     */
    void onMembership(ChatMemberUpdated change) {
        Chat chat = change.getChat();
        if (chat == null || TelegramContexts.kindOf(chat).filter(kind -> kind == ChannelRef.Kind.GROUP).isEmpty()) {
            return;
        }
        CommunityRef group = TelegramContexts.group(chat);
        organisers.changed(group);
        memberLeft(group, change.getNewChatMember()).ifPresent(engine::membershipChanged);
    }

    /**
     * A person (never a bot) whose new standing is {@code left}, {@code kicked}, or {@code restricted} while not a
     * member is gone from the group (Bot API, "ChatMember").
     */
    static Optional<MembershipEvent> memberLeft(CommunityRef group, ChatMember now) {
        if (now == null || now.getUser() == null || Boolean.TRUE.equals(now.getUser().getIsBot())) {
            return Optional.empty();
        }
        boolean gone = switch (now.getStatus()) {
            case "left", "kicked" -> true;
            case "restricted" -> !stillMember(now);
            default -> false;
        };
        return gone ? Optional.of(new MembershipEvent.MemberLeft(group, TelegramContexts.member(now.getUser()))) : Optional.empty();
    }

    /** A restricted member is still in the group unless {@code is_member} says otherwise (Bot API, "ChatMemberRestricted"). */
    private static boolean stillMember(ChatMember restricted) {
        return !(restricted instanceof ChatMemberRestricted r) || !Boolean.FALSE.equals(r.getIsMember());
    }
}
