package org.circlekeeper.discord;

import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import org.circlekeeper.core.message.MeetingPlace;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A meeting's own place on Discord: a public thread opened under a server's text (or announcement) channel
 * (API reference, Resources, Channel: "Start Thread without Message", {@code POST /channels/{id}/threads} with type 11
 * PUBLIC_THREAD; the bot needs Send Messages and Create Public Threads there, Topics, Threads: "Permissions"), and
 * archived when the meeting ends ("Modify Channel" with {@code archived: true}, which the thread's creator may do
 * without Manage Threads, Topics, Threads: "Editing &amp; Deleting Threads"). An archived thread stays readable. Only
 * threads the bot itself opened are archived: any other channel is left as it is. Closing works from any replica: a
 * thread not in this replica's cache is read through REST ("Get Channel").
 */
final class DiscordMeetingPlaces {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordMeetingPlaces.class);
    /** The longest one call waits for Discord; a held request past it is given up, and the meeting stays put. */
    static final Duration MAX_WAIT = Duration.ofSeconds(10);
    /** Discord's channel types of threads: announcement, public and private threads ("Channel Types"). */
    private static final Set<Integer> THREAD_TYPES = Set.of(10, 11, 12);
    /** Discord's limit on a thread's name. */
    private static final int MAX_NAME = 100;

    private final Supplier<ShardManager> shards;

    DiscordMeetingPlaces(Supplier<ShardManager> shards) {
        this.shards = Objects.requireNonNull(shards, "shards");
    }

    /**
     * Opens a public thread under the channel. A thread, forum, voice channel (or one this replica does not know) takes
     * none: {@link MeetingPlace.NotHere}; a channel where the bot may not create public threads:
     * {@link MeetingPlace.NotAllowed}.
     */
    MeetingPlace open(ChannelRef channel, String name) {
        ShardManager manager = running(channel);
        GuildChannel found = manager.getGuildChannelById(channel.channelId());
        if (!(found instanceof StandardGuildMessageChannel parent) || !(found instanceof IThreadContainer container)) {
            return new MeetingPlace.NotHere();
        }
        try {
            ThreadChannel thread = await(container.createThreadChannel(DiscordMessages.shorten(name.isBlank() ? "circle" : name, MAX_NAME))
                    .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_24_HOURS));
            LOG.info("a thread was opened for a meeting");
            return new MeetingPlace.Opened(new ChannelRef(Platform.DISCORD, thread.getId(), ChannelRef.Kind.GROUP),
                    "https://discord.com/channels/" + parent.getGuild().getId() + "/" + thread.getId());
        } catch (InsufficientPermissionException e) {
            LOG.info("the bot may not open a thread here (it lacks {})", e.getPermission());
            return new MeetingPlace.NotAllowed();
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.MISSING_PERMISSIONS || e.getErrorResponse() == ErrorResponse.MISSING_ACCESS) {
                LOG.info("Discord refused to open a thread for a meeting: error {}", e.getErrorCode());
                return new MeetingPlace.NotAllowed();
            }
            throw new Messenger.DeliveryFailed("Discord did not open a thread: error " + e.getErrorCode(),
                    e.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL, e);
        }
    }

    /** Archives the thread when the bot opened it, and returns the channel it was opened under; else nothing changes. */
    Optional<ChannelRef> close(ChannelRef place) {
        ShardManager manager = running(place);
        JDA jda = manager.getShardCache().stream().min(Comparator.comparingInt(j -> j.getShardInfo().getShardId()))
                .orElseThrow(() -> new Messenger.DeliveryFailed("no Discord shard is running on this replica", false, null));
        String self = jda.getSelfUser().getId();
        String id = place.channelId();
        String owner;
        String parent;
        GuildChannel cached = manager.getGuildChannelById(id);
        try {
            if (cached instanceof ThreadChannel thread) {
                owner = thread.getOwnerId();
                parent = thread.getParentChannel().getId();
            } else if (cached != null) {
                return Optional.empty();
            } else {
                DataObject channel = await(new RestActionImpl<>(jda, Route.Channels.GET_CHANNEL.compile(id),
                        (response, request) -> response.getObject()));
                if (!THREAD_TYPES.contains(channel.getInt("type", -1))) {
                    return Optional.empty();
                }
                owner = channel.getString("owner_id", null);
                parent = channel.getString("parent_id", null);
            }
            if (!self.equals(owner) || parent == null) {
                return Optional.empty();
            }
            await(new RestActionImpl<Void>(jda, Route.Channels.MODIFY_CHANNEL.compile(id), DataObject.empty().put("archived", true)));
            LOG.info("the thread of an ended meeting was archived");
            return Optional.of(new ChannelRef(Platform.DISCORD, parent, ChannelRef.Kind.GROUP));
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL) {
                return Optional.empty();
            }
            throw new Messenger.DeliveryFailed("Discord did not archive a meeting's thread: error " + e.getErrorCode(),
                    e.getErrorResponse() == ErrorResponse.MISSING_PERMISSIONS || e.getErrorResponse() == ErrorResponse.MISSING_ACCESS, e);
        }
    }

    private ShardManager running(ChannelRef channel) {
        if (channel.platform() != Platform.DISCORD) {
            throw new IllegalArgumentException("Discord has no " + channel.platform().id() + " channels");
        }
        ShardManager manager = shards.get();
        if (manager == null) {
            throw new Messenger.DeliveryFailed("the Discord connection is not started yet", false, null);
        }
        return manager;
    }

    /** Runs one request and waits for Discord's answer; its refusals come out as from {@code complete()}. */
    private static <T> T await(RestAction<T> action) {
        var future = action.submit();
        try {
            return future.get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new Messenger.DeliveryFailed("Discord held the request longer than " + MAX_WAIT.toSeconds() + " s", false, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new Messenger.DeliveryFailed("the Discord request failed", false, e.getCause());
        } catch (InterruptedException e) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new Messenger.DeliveryFailed("interrupted while waiting for Discord", false, e);
        }
    }
}
