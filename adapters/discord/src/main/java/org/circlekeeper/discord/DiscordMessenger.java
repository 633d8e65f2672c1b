package org.circlekeeper.discord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.SentMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.message.WireHook;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.RetryLater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's {@link Messenger}, for messages the bot starts itself: to a server channel, or to a
 * member's direct messages. It blocks until Discord accepted the message, but never longer than
 * {@link #MAX_WAIT} (a longer rate-limit wait becomes a {@link RetryLater} of the job), so call it from a
 * scheduler or handler thread, never from JDA's callback threads. A message cut into several parts
 * is one {@link SentMessage} whose id lists the parts, so that an edit replaces all of them.
 */
public final class DiscordMessenger implements Messenger {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordMessenger.class);
    private static final String ID_SEPARATOR = ",";

    /**
     * The longest a send waits for Discord: JDA holds a request while its route or the bot is rate limited, and a due
     * job must not hold its claim that long. Past this, the request is cancelled before it is sent and the job is
     * tried again later ({@link RetryLater}).
     */
    static final Duration MAX_WAIT = Duration.ofSeconds(20);
    /** When a job whose send waited too long is tried again: Discord names no time, its buckets reset within a minute. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final Supplier<ShardManager> shards;
    private final boolean allShards;
    private final Duration maxWait;

    /**
     * @param shards    the running shard manager; null (not yet connected) makes every send fail as retryable
     * @param allShards true when this replica runs every shard, so a channel it does not know is gone
     */
    DiscordMessenger(Supplier<ShardManager> shards, boolean allShards) {
        this(shards, allShards, MAX_WAIT);
    }

    private DiscordMessenger(Supplier<ShardManager> shards, boolean allShards, Duration maxWait) {
        this.shards = Objects.requireNonNull(shards, "shards");
        this.allShards = allShards;
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    }

    /** The same messenger waiting at most {@code wait} for each request (tests use a short one). */
    DiscordMessenger waitingAtMost(Duration wait) {
        return new DiscordMessenger(shards, allShards, wait);
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    /**
     * Sends to a server channel or a member's direct messages. A member whose direct messages are
     * closed fails permanently; so does a channel the bot can no longer see or write to.
     */
    @Override
    public SentMessage send(Target target, OutgoingMessage message) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
        if (message.form() != null) {
            throw new UnsupportedOnPlatform(Platform.DISCORD, "open a form in a message the bot starts itself: a modal "
                    + "only opens in answer to a command or a button, so send a button whose action replies with the form");
        }
        MessageChannel channel = channelOf(target);
        List<String> ids = new ArrayList<>();
        try {
            for (MessageCreateData part : DiscordMessages.render(message)) {
                WireHook.fire();
                ids.add(await(channel.sendMessage(part)).getId());
            }
        } catch (ErrorResponseException e) {
            throw failed(target, e);
        } catch (InsufficientPermissionException e) {
            throw new DeliveryFailed("the bot lacks the " + e.getPermission().getName() + " permission in that channel", true, e);
        }
        LOG.debug("Discord message sent in {} part(s)", ids.size());
        return new SentMessage(target, String.join(ID_SEPARATOR, ids));
    }

    /**
     * Replaces a message sent earlier, part by part: surplus old parts are deleted and extra new
     * parts are sent after the last one.
     */
    @Override
    public void edit(SentMessage sent, OutgoingMessage message) {
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(message, "message");
        MessageChannel channel = channelOf(sent.target());
        List<String> ids = List.of(sent.messageId().split(ID_SEPARATOR));
        List<MessageCreateData> parts = DiscordMessages.render(message);
        try {
            for (int i = 0; i < Math.max(ids.size(), parts.size()); i++) {
                if (i < ids.size() && i < parts.size()) {
                    await(channel.editMessageById(ids.get(i), DiscordMessages.asEdit(parts.get(i))));
                } else if (i < ids.size()) {
                    await(channel.deleteMessageById(ids.get(i)));
                } else {
                    await(channel.sendMessage(parts.get(i)));
                }
            }
        } catch (ErrorResponseException e) {
            throw failed(sent.target(), e);
        } catch (InsufficientPermissionException e) {
            throw new DeliveryFailed("the bot lacks the " + e.getPermission().getName() + " permission in that channel", true, e);
        }
    }

    private MessageChannel channelOf(Target target) {
        ShardManager manager = running();
        if (target instanceof Target.Member member) {
            if (member.member().platform() != Platform.DISCORD) {
                throw new DeliveryFailed("Discord cannot deliver to a " + member.member().platform().id() + " member", true, null);
            }
            try {
                return await(anyShard(manager).openPrivateChannelById(member.member().userId()));
            } catch (ErrorResponseException e) {
                throw failed(target, e);
            }
        }
        ChannelRef ref = ((Target.Channel) target).channel();
        if (ref.platform() != Platform.DISCORD) {
            throw new DeliveryFailed("Discord cannot deliver to a " + ref.platform().id() + " channel", true, null);
        }
        MessageChannel channel = ref.isDirect()
                ? manager.getPrivateChannelById(ref.channelId())
                : manager.getChannelById(MessageChannel.class, ref.channelId());
        if (channel == null) {
            throw new DeliveryFailed("the channel is not known on this replica's shards"
                    + (allShards ? " (deleted, or the bot left the server)" : "; a replica running its server's shard can send"),
                    allShards, null);
        }
        return channel;
    }

    private ShardManager running() {
        ShardManager manager = shards.get();
        if (manager == null) {
            throw new DeliveryFailed("the Discord connection is not started yet", false, null);
        }
        return manager;
    }

    /**
     * Runs one request and waits for it at most {@link #maxWait}. A request still held by a rate limit then is
     * cancelled (JDA drops a cancelled request that has not been sent) and the job is retried later; Discord's own
     * refusals come out as they would from {@code complete()}.
     */
    private <T> T await(RestAction<T> action) {
        CompletableFuture<T> future = action.submit();
        try {
            return future.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            LOG.info("a Discord request waited over {} (rate limited); the job is tried again in {}", maxWait, RETRY_AFTER);
            throw new RetryLater("Discord held the request longer than " + maxWait.toSeconds() + " s",
                    Instant.now().plus(RETRY_AFTER));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new DeliveryFailed("the Discord request failed", false, cause);
        } catch (InterruptedException e) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted while waiting for Discord", false, e);
        }
    }

    private static JDA anyShard(ShardManager manager) {
        return manager.getShardCache().stream().findFirst()
                .orElseThrow(() -> new DeliveryFailed("no Discord shard is running on this replica", false, null));
    }

    /** Closed direct messages, a deleted channel or a lost permission will not heal by retrying. */
    static DeliveryFailed failed(Target target, ErrorResponseException e) {
        ErrorResponse error = e.getErrorResponse();
        boolean permanent = error == ErrorResponse.CANNOT_SEND_TO_USER || error == ErrorResponse.UNKNOWN_USER
                || error == ErrorResponse.UNKNOWN_CHANNEL || error == ErrorResponse.MISSING_ACCESS
                || error == ErrorResponse.MISSING_PERMISSIONS || error == ErrorResponse.UNKNOWN_MESSAGE;
        String what = error == ErrorResponse.CANNOT_SEND_TO_USER
                ? "the member does not accept direct messages from the bot"
                : "Discord refused the message: error " + e.getErrorCode() + " (" + error + ")";
        LOG.info("Discord delivery to a {} failed: error {}", target instanceof Target.Member ? "member" : "channel", e.getErrorCode());
        return new DeliveryFailed(what, permanent, e);
    }

    /** True when the failure means the member's direct messages are closed to the bot. */
    static boolean directMessagesClosed(DeliveryFailed failure) {
        return failure.getCause() instanceof ErrorResponseException e && e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER;
    }

    /**
     * A server's organisers: its owner's direct messages (the owner has every permission, Manage Server included),
     * then the server's system channel when the bot may write there. Empty when the server is not on this replica's
     * shards (or the bot left it).
     */
    @Override
    public List<Target> organisersOf(org.circlekeeper.core.ref.CommunityRef community) {
        ShardManager manager = shards.get();
        if (community.platform() != Platform.DISCORD || manager == null) {
            return List.of();
        }
        net.dv8tion.jda.api.entities.Guild guild = manager.getGuildById(community.communityId());
        if (guild == null) {
            return List.of();
        }
        List<Target> places = new ArrayList<>();
        places.add(new Target.Member(new org.circlekeeper.core.ref.MemberRef(Platform.DISCORD, guild.getOwnerId(), null)));
        net.dv8tion.jda.api.entities.channel.concrete.TextChannel system = guild.getSystemChannel();
        if (system != null && system.canTalk()) {
            places.add(new Target.Channel(new ChannelRef(Platform.DISCORD, system.getId(), ChannelRef.Kind.GROUP)));
        }
        return places;
    }

    /** The Discord message ids of a sent message's parts. */
    public static List<String> partIds(SentMessage sent) {
        return List.of(sent.messageId().split(ID_SEPARATOR));
    }

    /** The Discord adapter keeps nothing about members beside the core's stores. */
    @Override
    public java.util.List<org.circlekeeper.core.ref.PersonalData> personalData() {
        return java.util.List.of();
    }
}
