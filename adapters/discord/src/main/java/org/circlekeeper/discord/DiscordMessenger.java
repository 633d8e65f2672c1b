package org.circlekeeper.discord;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import org.circlekeeper.core.message.MeetingPlace;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.SentMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.message.WireHook;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.RetryLater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's {@link Messenger}, for messages the bot starts itself: to a server channel, or to a
 * member's direct messages. Every message goes out through the REST API by the channel's id alone, so any replica
 * delivers to any server, whichever replica's shards carry that server's gateway events, and to any member's DMs
 * (opened through REST too). It blocks until Discord accepted the message, but never longer than {@link #MAX_WAIT}
 * for one whole message (a longer rate-limit wait becomes a {@link RetryLater} of the job), so call it from a
 * scheduler or handler thread, never from JDA's callback threads. A message cut into several parts is one
 * {@link SentMessage} whose id lists the parts, so that an edit replaces all of them.
 */
public final class DiscordMessenger implements Messenger {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordMessenger.class);
    private static final String ID_SEPARATOR = ",";

    /**
     * The longest one message (opening the DM channel and every part) waits for Discord: JDA holds a request while
     * its route or the bot is rate limited, and a due job must not hold its claim that long (its lease is 60 s).
     * Past this, the request still held is cancelled before it is sent and the job is tried again later
     * ({@link RetryLater}).
     */
    static final Duration MAX_WAIT = Duration.ofSeconds(20);
    /** When a job whose send waited too long is tried again: Discord names no time, its buckets reset within a minute. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final Supplier<ShardManager> shards;
    private final Duration maxWait;
    private final Clock clock;
    private final DiscordMeetingPlaces places;

    /**
     * @param shards the running shard manager; null (not yet connected) makes every send fail as retryable
     * @param clock  the bot's one clock, which tells when a send held by a rate limit is tried again
     */
    DiscordMessenger(Supplier<ShardManager> shards, Clock clock) {
        this(shards, MAX_WAIT, clock);
    }

    private DiscordMessenger(Supplier<ShardManager> shards, Duration maxWait, Clock clock) {
        this.shards = Objects.requireNonNull(shards, "shards");
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.places = new DiscordMeetingPlaces(shards);
    }

    /** The same messenger waiting at most {@code wait} for each message (tests and benchmarks use a short one). */
    public DiscordMessenger waitingAtMost(Duration wait) {
        return new DiscordMessenger(shards, wait, clock);
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
        long deadline = System.nanoTime() + maxWait.toNanos();
        JDA jda = anyShard(running());
        String channel = channelOf(jda, target, deadline);
        List<String> ids = new ArrayList<>();
        try {
            for (MessageCreateData part : DiscordMessages.render(message)) {
                WireHook.fire();
                ids.add(await(ChannelRest.send(jda, channel, part), deadline));
            }
        } catch (ErrorResponseException e) {
            throw failed(target, e);
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
        long deadline = System.nanoTime() + maxWait.toNanos();
        JDA jda = anyShard(running());
        String channel = channelOf(jda, sent.target(), deadline);
        List<String> ids = List.of(sent.messageId().split(ID_SEPARATOR));
        List<MessageCreateData> parts = DiscordMessages.render(message);
        try {
            for (int i = 0; i < Math.max(ids.size(), parts.size()); i++) {
                if (i < ids.size() && i < parts.size()) {
                    await(ChannelRest.edit(jda, channel, ids.get(i), DiscordMessages.asEdit(parts.get(i))), deadline);
                } else if (i < ids.size()) {
                    await(ChannelRest.delete(jda, channel, ids.get(i)), deadline);
                } else {
                    await(ChannelRest.send(jda, channel, parts.get(i)), deadline);
                }
            }
        } catch (ErrorResponseException e) {
            throw failed(sent.target(), e);
        }
    }

    /** The id of the channel to write to: the channel's own, or the member's DM channel, opened through REST. */
    private String channelOf(JDA jda, Target target, long deadline) {
        if (target instanceof Target.Member member) {
            if (member.member().platform() != Platform.DISCORD) {
                throw new DeliveryFailed("Discord cannot deliver to a " + member.member().platform().id() + " member", true, null);
            }
            try {
                return await(jda.openPrivateChannelById(member.member().userId()), deadline).getId();
            } catch (ErrorResponseException e) {
                throw failed(target, e);
            }
        }
        ChannelRef ref = ((Target.Channel) target).channel();
        if (ref.platform() != Platform.DISCORD) {
            throw new DeliveryFailed("Discord cannot deliver to a " + ref.platform().id() + " channel", true, null);
        }
        return ref.channelId();
    }

    private ShardManager running() {
        ShardManager manager = shards.get();
        if (manager == null) {
            throw new DeliveryFailed("the Discord connection is not started yet", false, null);
        }
        return manager;
    }

    /**
     * Runs one request and waits for it until the message's deadline. A request still held by a rate limit then is
     * cancelled (JDA drops a cancelled request that has not been sent) and the job is retried later; Discord's own
     * refusals come out as they would from {@code complete()}.
     */
    private <T> T await(RestAction<T> action, long deadline) {
        CompletableFuture<T> future = action.submit();
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            LOG.info("a Discord message waited over {} (rate limited); the job is tried again in {}", maxWait, RETRY_AFTER);
            throw new RetryLater("Discord held the message longer than " + maxWait.toMillis() + " ms",
                    clock.instant().plus(RETRY_AFTER));
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

    /** Any running shard's JDA: REST needs no particular shard, and its rate limits are the bot's own. */
    private static JDA anyShard(ShardManager manager) {
        return manager.getShardCache().stream().min(Comparator.comparingInt(jda -> jda.getShardInfo().getShardId()))
                .orElseThrow(() -> new DeliveryFailed("no Discord shard is running on this replica", false, null));
    }

    /**
     * Closed direct messages, a deleted channel, a lost permission or a thread a moderator archived and locked will not
     * heal by retrying. A send to an archived thread reopens it unless it is locked, which only someone with Manage
     * Threads can undo (Topics, Threads: "Active &amp; Archived Threads"); Discord refuses it with JSON error 50083
     * "Operation cannot be performed on an archived thread" (or 160005 "Thread is locked"; Topics, Opcodes and Status
     * Codes: "JSON Error Codes"), so the place is as lost as a deleted one until someone reopens it.
     */
    static DeliveryFailed failed(Target target, ErrorResponseException e) {
        ErrorResponse error = e.getErrorResponse();
        boolean permanent = error == ErrorResponse.CANNOT_SEND_TO_USER || error == ErrorResponse.UNKNOWN_USER
                || error == ErrorResponse.UNKNOWN_CHANNEL || error == ErrorResponse.MISSING_ACCESS
                || error == ErrorResponse.MISSING_PERMISSIONS || error == ErrorResponse.UNKNOWN_MESSAGE
                || error == ErrorResponse.ILLEGAL_OPERATION_ARCHIVED_THREAD || error == ErrorResponse.THREAD_LOCKED;
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
     * then the server's system channel when the bot may write there. A server not on this replica's shards is read
     * through REST ("Get Guild": its {@code owner_id} and {@code system_channel_id}; whether the bot may write in that
     * channel shows only when it tries). Empty when the bot is not in the server, or Discord cannot be asked now.
     */
    @Override
    public List<Target> organisersOf(CommunityRef community) {
        ShardManager manager = shards.get();
        if (community.platform() != Platform.DISCORD || manager == null) {
            return List.of();
        }
        Guild guild = manager.getGuildById(community.communityId());
        if (guild == null) {
            return organisersElsewhere(manager, community.communityId());
        }
        List<Target> places = new ArrayList<>();
        places.add(new Target.Member(new MemberRef(Platform.DISCORD, guild.getOwnerId(), null)));
        TextChannel system = guild.getSystemChannel();
        if (system != null && system.canTalk()) {
            places.add(new Target.Channel(new ChannelRef(Platform.DISCORD, system.getId(), ChannelRef.Kind.GROUP)));
        }
        return places;
    }

    /** A public thread under a server's text channel (see {@link DiscordMeetingPlaces}). */
    @Override
    public MeetingPlace openMeetingPlace(ChannelRef channel, String name) {
        return places.open(channel, name);
    }

    /** Archives a thread the bot opened for a meeting (see {@link DiscordMeetingPlaces}). */
    @Override
    public Optional<ChannelRef> closeMeetingPlace(ChannelRef place) {
        return places.close(place);
    }

    private List<Target> organisersElsewhere(ShardManager manager, String guildId) {
        if (!guildId.matches("\\d{1,20}") || manager.getShardCache().isEmpty()) {
            return List.of();
        }
        try {
            DataObject guild = await(new RestActionImpl<DataObject>(anyShard(manager), Route.Guilds.GET_GUILD.compile(guildId),
                    (response, request) -> response.getObject()), System.nanoTime() + maxWait.toNanos());
            List<Target> places = new ArrayList<>();
            places.add(new Target.Member(new MemberRef(Platform.DISCORD, guild.getString("owner_id"), null)));
            String system = guild.getString("system_channel_id", null);
            if (system != null) {
                places.add(new Target.Channel(new ChannelRef(Platform.DISCORD, system, ChannelRef.Kind.GROUP)));
            }
            return places;
        } catch (ErrorResponseException | DeliveryFailed | RetryLater e) {
            LOG.info("the organisers of a server on another replica's shard could not be looked up: {}", e.getClass().getSimpleName());
            return List.of();
        }
    }

    /** The Discord message ids of a sent message's parts. */
    public static List<String> partIds(SentMessage sent) {
        return List.of(sent.messageId().split(ID_SEPARATOR));
    }

    /** The Discord adapter keeps nothing about members beside the core's stores. */
    @Override
    public List<PersonalData> personalData() {
        return List.of();
    }
}
