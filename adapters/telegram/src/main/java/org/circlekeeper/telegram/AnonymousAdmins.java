package org.circlekeeper.telegram;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.EngineMessages;
import org.circlekeeper.core.engine.HeldCommands;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;

/**
 * Commands from a group's anonymous administrators. Telegram hides who they are: such a message comes from the
 * service user {@code GroupAnonymousBot} with the group itself as {@code sender_chat} (Bot API, "Message"). As members
 * know it from moderation bots, the bot holds the command ({@link HeldCommands}, ten minutes) and asks in the group for
 * an administrator to press "I'm an admin: confirm"; a button press always carries the real person (Bot API,
 * "CallbackQuery"), who is checked against the group's administrators (the cached {@code getChatAdministrators} list,
 * as for every organiser check). The first administrator's press takes the command atomically and runs it once, as
 * them, where it was typed; a press by anyone else, or any later press, gets a word only the presser sees and changes
 * nothing.
 */
final class AnonymousAdmins {

    private static final Logger LOG = LoggerFactory.getLogger(AnonymousAdmins.class);

    /** The service user that stands in for an anonymous administrator (Bot API, "Message": {@code from}). */
    static final long GROUP_ANONYMOUS_BOT = 1_087_968_824L;
    /** The action id of the confirmation button, followed by the held command's token: {@code tg.admin:<22 characters>}. */
    static final String ACTION_PREFIX = "tg.admin:";
    /** How long the confirmation works. */
    static final Duration HOLD = Duration.ofMinutes(10);

    private final TelegramReplies replies;
    private final TelegramContexts contexts;
    private final Engine engine;
    private final TelegramDelivery delivery;
    private final HeldCommands held;

    AnonymousAdmins(TelegramReplies replies, TelegramContexts contexts, Engine engine, TelegramDelivery delivery, HeldCommands held) {
        this.replies = Objects.requireNonNull(replies, "replies");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.held = Objects.requireNonNull(held, "held");
    }

    /** Holds a command an anonymous administrator typed and asks, where it was typed, for an administrator to confirm it. */
    void ask(CommunityRef community, TelegramChat place, String command, String rest) {
        Locale locale = contexts.groupLocale(community, place);
        String token;
        try {
            token = held.hold(new HeldCommands.Held(community, place.channel(ChannelRef.Kind.GROUP), command, rest), HOLD);
        } catch (StoreUnavailable e) {
            LOG.warn("an anonymous administrator's command could not be held: the store is unreachable");
            engine.metrics().storeUnavailable(Platform.TELEGRAM);
            replies.sendNote(place, TelegramHtml.render(engine.text(EngineMessages.STORE_UNAVAILABLE, locale)),
                    "the note that the store is unreachable");
            return;
        }
        OutgoingMessage question = OutgoingMessage.text(engine.text(EngineMessages.ANONYMOUS_ADMIN_ASK, locale,
                        Map.of("command", "/" + command, "minutes", HOLD.toMinutes())))
                .button(Button.of(engine.text(EngineMessages.ANONYMOUS_ADMIN_CONFIRM, locale), ACTION_PREFIX + token))
                .build();
        try {
            delivery.send(place, question);
            LOG.info("a command of an anonymous administrator waits for an administrator's confirmation");
        } catch (TelegramApi.Refused refused) {
            replies.refused("anonymous-admin question", place, refused);
        } catch (TelegramApi.Unavailable unavailable) {
            LOG.warn("the question to confirm an anonymous administrator's command could not be posted: Telegram is not reachable");
        }
    }

    /**
     * A press of the confirmation button by the person in {@code presser}: a non-administrator is told so and the
     * command stays held; an administrator takes it (once, atomically), the question says who confirmed, and the
     * command runs as them.
     */
    void press(CallbackQuery query, Context presser, TelegramReplies.Origin origin) {
        Locale locale = engine.preferencesFor(presser).locale();
        String token = query.getData().substring(ACTION_PREFIX.length());
        if (presser.channel().isDirect() || presser.role() != Role.ORGANISER) {
            replies.answer(query, TelegramHtml.visibleText(engine.text(EngineMessages.ANONYMOUS_ADMIN_NOT_ADMIN, locale)));
            engine.metrics().buttonPressed(Platform.TELEGRAM, "tg.admin", Metrics.Outcome.DENIED);
            return;
        }
        Optional<HeldCommands.Held> taken;
        try {
            taken = held.take(token);
        } catch (StoreUnavailable e) {
            engine.metrics().storeUnavailable(Platform.TELEGRAM);
            replies.answer(query, TelegramHtml.visibleText(engine.text(EngineMessages.STORE_UNAVAILABLE, locale)));
            return;
        }
        if (taken.isEmpty() || !sameChat(taken.get(), origin.chat())) {
            replies.answer(query, TelegramHtml.visibleText(engine.text(EngineMessages.ANONYMOUS_ADMIN_GONE, locale)));
            engine.metrics().buttonPressed(Platform.TELEGRAM, "tg.admin", Metrics.Outcome.UNKNOWN);
            return;
        }
        replies.answer(query);
        HeldCommands.Held command = taken.get();
        Locale groupLocale = contexts.groupLocale(command.community(), origin.chat());
        OutgoingMessage confirmed = OutgoingMessage.text(engine.text(EngineMessages.ANONYMOUS_ADMIN_CONFIRMED, groupLocale,
                Map.of("command", "/" + command.command(), "name", presser.member().displayName()))).build();
        try {
            if (!delivery.edit(origin.chat(), origin.messageId(), confirmed)) {
                delivery.send(origin.chat(), confirmed);
            }
        } catch (TelegramApi.Refused refused) {
            replies.refused("anonymous-admin confirmation", origin.chat(), refused);
        } catch (TelegramApi.Unavailable unavailable) {
            LOG.warn("the confirmation of an anonymous administrator's command could not be shown: Telegram is not reachable");
        }
        engine.metrics().buttonPressed(Platform.TELEGRAM, "tg.admin", Metrics.Outcome.DONE);
        Context asThem = new Context(presser.member(), command.channel(), command.community(), presser.role(), presser.localeHint());
        replies.deliver(asThem, engine.handle(Inbound.CommandInvoked.typed(asThem, command.command(), command.rest())), null);
    }

    private static boolean sameChat(HeldCommands.Held command, TelegramChat pressedIn) {
        try {
            return TelegramChat.parse(command.channel().channelId()).chatId() == pressedIn.chatId();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
