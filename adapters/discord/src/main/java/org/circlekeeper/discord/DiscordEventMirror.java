package org.circlekeeper.discord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.ScheduledEvent;
import net.dv8tion.jda.api.entities.channel.middleman.AudioChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.managers.ScheduledEventManager;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.ScheduledEventAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.circlekeeper.core.message.EventMirror;
import org.circlekeeper.core.message.PlannedEvent;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's {@link EventMirror}: a planned event becomes a guild scheduled event, listed in the
 * server's Events. A place that is a voice or stage channel of the server (named, or as {@code <#id>})
 * makes a channel event, or an external one with the channel's name when Discord refuses the bot that
 * channel; anything else makes an external event with the place as its location. Names and locations
 * are plain text on Discord, so every {@code @} is followed by a zero-width space and can never read as
 * a mention; descriptions show markdown and are escaped like message text. It blocks until Discord
 * answered, so call it from the scheduler, never from JDA's callback threads.
 */
public final class DiscordEventMirror implements EventMirror {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordEventMirror.class);
    static final Pattern CHANNEL_MENTION = Pattern.compile("<#(\\d{1,20})>");
    /** Discord's answers that asking again will not change. */
    private static final List<ErrorResponse> REFUSALS = List.of(ErrorResponse.MISSING_PERMISSIONS, ErrorResponse.MISSING_ACCESS,
            ErrorResponse.UNKNOWN_GUILD, ErrorResponse.UNKNOWN_CHANNEL, ErrorResponse.INVALID_FORM_BODY,
            ErrorResponse.MAX_UNCOMPLETED_GUILD_SCHEDULED_EVENTS);

    private final Supplier<ShardManager> shards;
    private final boolean allShards;
    private final RemoteGuildEvents remote;

    /**
     * @param shards    the running shard manager; null (not yet connected) makes every call fail as retryable
     * @param allShards true when this replica runs every shard, so a server it does not know is one the bot left
     */
    DiscordEventMirror(Supplier<ShardManager> shards, boolean allShards) {
        this.shards = Objects.requireNonNull(shards, "shards");
        this.allShards = allShards;
        this.remote = new RemoteGuildEvents(shards);
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public String create(CommunityRef community, PlannedEvent event) {
        Guild guild = guild(community);
        if (guild == null) {
            try {
                return remote.create(community.communityId(), event);
            } catch (ErrorResponseException e) {
                throw failed("create", e);
            }
        }
        AudioChannel room = audioChannel(guild, event.venue());
        try {
            if (room != null) {
                try {
                    return submit(withDescription(guild.createScheduledEvent(name(event.name()), room, at(event.start()))
                            .setEndTime(at(event.end())), event));
                } catch (ErrorResponseException e) {
                    if (!isPermission(e)) {
                        throw e;
                    }
                    LOG.info("Discord refused a channel event in a voice or stage channel (error {}); it becomes an external one",
                            e.getErrorCode());
                }
            }
            return submit(withDescription(guild.createScheduledEvent(name(event.name()), location(guild, event.venue()),
                    at(event.start()), at(event.end())), event));
        } catch (ErrorResponseException e) {
            throw failed("create", e);
        } catch (InsufficientPermissionException e) {
            throw refused(e);
        } catch (IllegalArgumentException e) {
            throw new Refused("Discord will not take this event: " + e.getMessage(), e);
        }
    }

    /**
     * Changes the event in place while it is still scheduled. False when it is gone, or no longer
     * scheduled (started, finished or cancelled on Discord), so that a new one is made. A description the
     * organisers removed cannot be cleared through JDA, so such an event is deleted and false returned:
     * the new one is made without the old text.
     */
    @Override
    public boolean update(CommunityRef community, String eventId, PlannedEvent event) {
        Guild guild = guild(community);
        try {
            if (guild == null) {
                return remote.update(community.communityId(), eventId, event);
            }
            ScheduledEvent existing = find(guild, eventId);
            if (existing == null || existing.getStatus() != ScheduledEvent.Status.SCHEDULED) {
                return false;
            }
            if (event.description().isEmpty() && existing.getDescription() != null && !existing.getDescription().isEmpty()) {
                existing.delete().complete();
                return false;
            }
            AudioChannel room = audioChannel(guild, event.venue());
            try {
                change(existing.getManager(), guild, event, room).complete();
            } catch (ErrorResponseException e) {
                if (room == null || !isPermission(e)) {
                    throw e;
                }
                LOG.info("Discord refused a channel event in a voice or stage channel (error {}); it becomes an external one",
                        e.getErrorCode());
                change(existing.getManager(), guild, event, null).complete();
            }
            return true;
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.UNKNOWN_SCHEDULED_EVENT
                    || e.getErrorResponse() == ErrorResponse.CANNOT_UPDATE_FINISHED_EVENT) {
                return false;
            }
            throw failed("update", e);
        } catch (InsufficientPermissionException e) {
            throw refused(e);
        } catch (IllegalArgumentException e) {
            throw new Refused("Discord will not take this event: " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(CommunityRef community, String eventId) {
        Guild guild = guild(community);
        try {
            if (guild == null) {
                remote.remove(community.communityId(), eventId);
                return;
            }
            ScheduledEvent existing = find(guild, eventId);
            if (existing != null) {
                existing.delete().complete();
            }
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() != ErrorResponse.UNKNOWN_SCHEDULED_EVENT) {
                throw failed("remove", e);
            }
        } catch (InsufficientPermissionException e) {
            throw refused(e);
        }
    }

    /**
     * The event, or null when Discord no longer has it. A stored id that is no Discord id at all names
     * nothing there either, so the caller makes a new event instead of failing on it for ever.
     */
    private static ScheduledEvent find(Guild guild, String eventId) {
        if (!eventId.matches("\\d{1,20}")) {
            LOG.warn("a stored scheduled event id is not a Discord id; a new event takes its place");
            return null;
        }
        try {
            return guild.retrieveScheduledEventById(eventId).complete();
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.UNKNOWN_SCHEDULED_EVENT) {
                return null;
            }
            throw e;
        }
    }

    /** Every field of the event, in {@code room} or (when null) at the venue's location. */
    private static ScheduledEventManager change(ScheduledEventManager manager, Guild guild, PlannedEvent event, AudioChannel room) {
        manager.setName(name(event.name()));
        if (!event.description().isEmpty()) {
            manager.setDescription(description(event.description()));
        }
        if (room != null) {
            manager.setLocation(room);
        } else {
            manager.setLocation(location(guild, event.venue()));
        }
        return manager.setStartTime(at(event.start())).setEndTime(at(event.end()));
    }

    private static String submit(ScheduledEventAction action) {
        String id = action.complete().getId();
        LOG.debug("Discord scheduled event {} created", id);
        return id;
    }

    private static ScheduledEventAction withDescription(ScheduledEventAction action, PlannedEvent event) {
        return event.description().isEmpty() ? action : action.setDescription(description(event.description()));
    }

    /**
     * The server from this replica's cache; null when its shard is another replica's, and the event is then kept
     * through REST alone ({@link RemoteGuildEvents}), so whichever replica runs the job keeps the server's Events.
     */
    private Guild guild(CommunityRef community) {
        if (community.platform() != Platform.DISCORD) {
            throw new IllegalArgumentException("Discord keeps no events for a " + community.platform().id() + " community");
        }
        ShardManager manager = shards.get();
        if (manager == null) {
            throw new IllegalStateException("the Discord connection is not started yet");
        }
        Guild guild = manager.getGuildById(community.communityId());
        if (guild == null && allShards) {
            throw new Refused("the bot is not on that server any more", null);
        }
        return guild;
    }

    /** The server's voice or stage channel the place names, if it names one. */
    static AudioChannel audioChannel(Guild guild, PlannedEvent.Venue venue) {
        GuildChannel channel = null;
        if (venue instanceof PlannedEvent.Venue.Chat chat) {
            channel = guild.getGuildChannelById(chat.channel().channelId());
        } else if (venue instanceof PlannedEvent.Venue.Named named) {
            Matcher mention = CHANNEL_MENTION.matcher(named.name().strip());
            if (mention.matches()) {
                channel = guild.getGuildChannelById(mention.group(1));
            } else {
                String name = withoutHash(named.name());
                channel = guild.getVoiceChannelsByName(name, true).stream().findFirst()
                        .<GuildChannel>map(c -> c)
                        .orElseGet(() -> guild.getStageChannelsByName(name, true).stream().findFirst().orElse(null));
            }
        }
        return channel instanceof AudioChannel audio ? audio : null;
    }

    /** The location of an external event: a channel as {@code #name}, a room as named, a link as it is. */
    static String location(Guild guild, PlannedEvent.Venue venue) {
        String text;
        if (venue instanceof PlannedEvent.Venue.Link link) {
            text = link.url().toString();
        } else if (venue instanceof PlannedEvent.Venue.Chat chat) {
            GuildChannel channel = guild.getGuildChannelById(chat.channel().channelId());
            text = channel == null ? guild.getName() : "#" + channel.getName();
        } else {
            String name = ((PlannedEvent.Venue.Named) venue).name().strip();
            Matcher mention = CHANNEL_MENTION.matcher(name);
            GuildChannel channel = mention.matches() ? guild.getGuildChannelById(mention.group(1)) : null;
            text = channel == null ? name : "#" + channel.getName();
        }
        return shorten(noMentions(text), ScheduledEvent.MAX_LOCATION_LENGTH);
    }

    /** An event's name as plain text that cannot mention anyone, within Discord's limit. */
    static String name(String name) {
        return shorten(noMentions(name.strip().replaceAll("\\s+", " ")), ScheduledEvent.MAX_NAME_LENGTH);
    }

    /** A description as Discord markdown that shows the organisers' text literally, within Discord's limit. */
    static String description(String description) {
        return shorten(DiscordMarkdown.escape(description), ScheduledEvent.MAX_DESCRIPTION_LENGTH);
    }

    static String noMentions(String text) {
        return text.replace("@", "@\u200B");
    }

    static String withoutHash(String name) {
        String stripped = name.strip();
        return stripped.startsWith("#") ? stripped.substring(1).strip() : stripped;
    }

    static String shorten(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static boolean isPermission(ErrorResponseException e) {
        return e.getErrorResponse() == ErrorResponse.MISSING_PERMISSIONS || e.getErrorResponse() == ErrorResponse.MISSING_ACCESS;
    }

    /** A refusal to keep, or a failure worth retrying (Discord's own trouble); either way with the error code only. */
    private static RuntimeException failed(String what, ErrorResponseException e) {
        LOG.info("Discord could not {} a scheduled event: error {}", what, e.getErrorCode());
        if (REFUSALS.contains(e.getErrorResponse())) {
            return new Refused("Discord refused to " + what + " the event: error " + e.getErrorCode() + " (" + e.getErrorResponse() + ")", e);
        }
        return e;
    }

    private static Refused refused(InsufficientPermissionException e) {
        return new Refused("the bot lacks the " + e.getPermission().getName() + " permission on that server", e);
    }
}
