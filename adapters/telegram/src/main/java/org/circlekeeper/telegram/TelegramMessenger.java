package org.circlekeeper.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.SentMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.platform.Reachability;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.RetryLater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram's {@link Messenger}, for what the bot says first (reminders, prompts, alerts): a member's
 * target is their private chat, a channel's is the group (or private chat) itself. It blocks until
 * Telegram accepted the message, waiting for the shared rate limits and for any 429, but never longer than
 * {@link TelegramApi#MAX_WAIT}: a longer wait throws {@link RetryLater} with the moment Telegram named, so the due
 * job is tried again then instead of holding its claim past its lease. A member who
 * blocked the bot or never started it is marked unreachable and further sends to them fail at once
 * with a permanent {@link Messenger.DeliveryFailed}, instead of being tried again and again. A channel that is a forum
 * topic ({@link TelegramChat}) gets the message in that topic. Whatever else Telegram refuses for good (the chat gone,
 * the bot removed or without the right to write, a closed or deleted topic) is counted, a gone topic is reported to
 * the group's organisers once ({@link Refusals}), and the send fails permanently: none is retried as if it might pass.
 */
public final class TelegramMessenger implements Messenger {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramMessenger.class);

    private final TelegramDelivery delivery;
    private final Reachability reachability;
    private final Duration unreachableTtl;
    private final Refusals refusals;
    private final Clock clock;

    TelegramMessenger(TelegramDelivery delivery, Reachability reachability, Duration unreachableTtl, Clock clock,
                      Refusals refusals) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.reachability = Objects.requireNonNull(reachability, "reachability");
        this.unreachableTtl = Objects.requireNonNull(unreachableTtl, "unreachableTtl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refusals = Objects.requireNonNull(refusals, "refusals");
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public SentMessage send(Target target, OutgoingMessage message) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
        TelegramChat chat = chatOf(target);
        MemberRef member = privateMember(target);
        if (member != null && reachability.isUnreachable(member)) {
            throw new DeliveryFailed("the member cannot be written to privately on Telegram (blocked or never started)", true, null);
        }
        try {
            int messageId = delivery.send(chat, message);
            return new SentMessage(target, Integer.toString(messageId));
        } catch (TelegramApi.Refused refused) {
            throw failed("send", chat, refused, member);
        } catch (TelegramApi.WaitTooLong wait) {
            throw new RetryLater("Telegram's rate limits ask for " + wait.waitFor().toSeconds() + " s",
                    clock.instant().plus(wait.waitFor()));
        } catch (TelegramApi.Unavailable unavailable) {
            throw new DeliveryFailed("Telegram is not reachable now", false, unavailable);
        }
    }

    @Override
    public void edit(SentMessage sent, OutgoingMessage message) {
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(message, "message");
        TelegramChat chat = chatOf(sent.target());
        int messageId;
        try {
            messageId = Integer.parseInt(sent.messageId());
        } catch (NumberFormatException e) {
            throw new DeliveryFailed("not a Telegram message id", true, e);
        }
        try {
            if (!delivery.edit(chat, messageId, message)) {
                throw new DeliveryFailed("Telegram cannot edit that message (a file, or too old)", true, null);
            }
        } catch (TelegramApi.Refused refused) {
            throw failed("edit", chat, refused, privateMember(sent.target()));
        } catch (TelegramApi.Unavailable unavailable) {
            throw new DeliveryFailed("Telegram is not reachable now", false, unavailable);
        }
    }

    private DeliveryFailed failed(String what, TelegramChat chat, TelegramApi.Refused refused, MemberRef member) {
        TelegramApi.Reason reason = refusals.refused(what, chat, refused);
        if (member != null && unreachable(refused)) {
            reachability.markUnreachable(member, unreachableTtl);
            LOG.info("a member cannot be written to privately on Telegram ({}); marked unreachable", refused.code());
            return new DeliveryFailed("the member cannot be written to privately on Telegram (blocked or never started)", true, refused);
        }
        return new DeliveryFailed("Telegram refused the message (" + refused.code() + ", " + reason.label() + ")", true, refused);
    }

    /** A 403, or a 400 "chat not found" for a private chat that never existed. */
    static boolean unreachable(TelegramApi.Refused refused) {
        return refused.unreachable() || refused.code() == 400 && refused.description().contains("chat not found");
    }

    static TelegramChat chatOf(Target target) {
        String id;
        if (target instanceof Target.Member member) {
            requireTelegram(member.member().platform());
            id = member.member().userId();
        } else {
            ChannelRef channel = ((Target.Channel) target).channel();
            requireTelegram(channel.platform());
            id = channel.channelId();
        }
        try {
            return TelegramChat.parse(id);
        } catch (NumberFormatException e) {
            throw new DeliveryFailed("not a Telegram chat id", true, e);
        }
    }

    /** The member whose private chat the target is, or null for a group. */
    private static MemberRef privateMember(Target target) {
        if (target instanceof Target.Member member) {
            return member.member();
        }
        ChannelRef channel = ((Target.Channel) target).channel();
        return channel.isDirect() ? new MemberRef(Platform.TELEGRAM, channel.channelId(), null) : null;
    }

    private static void requireTelegram(Platform platform) {
        if (platform != Platform.TELEGRAM) {
            throw new DeliveryFailed("the Telegram messenger cannot deliver to " + platform.id(), true, null);
        }
    }

    /**
     * The adapter keeps one thing about a member: that they cannot be written to privately (they
     * blocked the bot or never started a chat). It is exported and erased with their data.
     */
    @Override
    public List<PersonalData> personalData() {
        return List.of(new PersonalData() {
            @Override
            public String section() {
                return "telegram";
            }

            @Override
            public MessageKey label() {
                return PersonalData.PLATFORM;
            }

            @Override
            public Map<String, Object> export(MemberRef member) {
                return member.platform() == Platform.TELEGRAM && reachability.isUnreachable(member)
                        ? Map.of("privateChatUnreachable", true) : Map.of();
            }

            @Override
            public void erase(MemberRef member) {
                if (member.platform() == Platform.TELEGRAM) {
                    reachability.markReachable(member);
                }
            }
        });
    }
}
