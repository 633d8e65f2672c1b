package org.circlekeeper.telegram;

import static org.circlekeeper.telegram.StoreFallback.bestEffort;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Maps what Telegram says about a person and a chat to the core's terms: the member, the place (a chat, or a topic of a
 * forum), the community and the member's role there (group administrators are organisers), and a group's language.
 */
final class TelegramContexts {

    private final Engine engine;
    private final Organisers organisers;

    TelegramContexts(Engine engine, Organisers organisers) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.organisers = Objects.requireNonNull(organisers, "organisers");
    }

    /**
     * Where a message was written: its chat and, in a forum, its topic. Only a topic message ({@code is_topic_message};
     * Bot API, "Message") names a topic: in a group without topics {@code message_thread_id} is a reply thread, which
     * a send cannot target.
     */
    static TelegramChat placeOf(Message message) {
        boolean topic = Boolean.TRUE.equals(message.getIsTopicMessage()) && message.getChat() != null
                && Boolean.TRUE.equals(message.getChat().getIsForum());
        return TelegramChat.of(message.getChatId(), topic ? message.getMessageThreadId() : null);
    }

    Context context(User from, Chat chat, TelegramChat place) {
        return context(from, chat, place, UpdateClaims.Prefetched.NOTHING);
    }

    /** The context, the member's role in a group taken from what the update's claim read ahead when it still holds. */
    Context context(User from, Chat chat, TelegramChat place, UpdateClaims.Prefetched prefetched) {
        MemberRef member = member(from);
        ChannelRef.Kind kind = kindOf(chat).orElseThrow();
        ChannelRef channel = kind == ChannelRef.Kind.GROUP ? place.channel(kind) : TelegramChat.of(chat.getId()).channel(kind);
        if (kind == ChannelRef.Kind.GROUP) {
            CommunityRef group = group(chat);
            return new Context(member, channel, group,
                    bestEffort("look up a member's role", () -> organisers.roleIn(group, member.userId(), prefetched), Role.MEMBER), locale(from));
        }
        // a private chat belongs to no group: the engine settles it to the member's last group, and their
        // role is the one they have there
        Role role = bestEffort("look up a member's role", () -> engine.homeOf(member)
                .map(home -> organisers.roleIn(home, member.userId()))
                .orElse(Role.MEMBER), Role.MEMBER);
        return new Context(member, channel, CommunityRef.unresolved(Platform.TELEGRAM), role, locale(from));
    }

    static CommunityRef group(Chat chat) {
        return new CommunityRef(Platform.TELEGRAM, Long.toString(chat.getId()));
    }

    static MemberRef member(User from) {
        String name = from.getFirstName() == null ? "" : from.getFirstName();
        if (from.getLastName() != null && !from.getLastName().isBlank()) {
            name = name + " " + from.getLastName();
        }
        return new MemberRef(Platform.TELEGRAM, Long.toString(from.getId()), name.strip());
    }

    static Locale locale(User from) {
        String code = from.getLanguageCode();
        return code == null || code.isBlank() ? null : Locale.forLanguageTag(code);
    }

    static Optional<ChannelRef.Kind> kindOf(Chat chat) {
        String type = chat.getType();
        if ("private".equals(type)) {
            return Optional.of(ChannelRef.Kind.DIRECT);
        }
        if ("group".equals(type) || "supergroup".equals(type)) {
            return Optional.of(ChannelRef.Kind.GROUP);
        }
        return Optional.empty();
    }

    /**
     * The group's language for a note that answers nobody in particular (an anonymous administrator's, a channel's):
     * read as for the group's anonymous administrator account, which has no settings of its own.
     */
    Locale groupLocale(CommunityRef community, TelegramChat place) {
        MemberRef nobody = new MemberRef(Platform.TELEGRAM, Long.toString(AnonymousAdmins.GROUP_ANONYMOUS_BOT), "");
        return engine.preferencesFor(new Context(nobody, place.channel(ChannelRef.Kind.GROUP), community, Role.MEMBER, null)).locale();
    }
}
