package org.circlekeeper.discord;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.ScheduledEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import org.circlekeeper.core.message.PlannedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's scheduled events through the REST API alone, for a replica whose shards do not carry that server (JDA
 * offers events only for servers in its cache): "Create Guild Scheduled Event", "Get", "Modify" and "Delete Guild
 * Scheduled Event" (API reference, Resources, Guild Scheduled Event), with the server's channels from "Get Guild
 * Channels" and its name from "Get Guild" (Resources, Guild) to find a voice or stage channel and to name a place. It
 * makes the same events as {@link DiscordEventMirror} does from the cache: a voice or stage channel makes a channel event
 * (entity type 2 VOICE or 1 STAGE_INSTANCE with its {@code channel_id}), an external one with the channel's name when
 * Discord refuses the bot that channel, anything else an external event (entity type 3, {@code entity_metadata.location},
 * {@code channel_id} null and an end time, as Discord requires). Discord's refusals come out as
 * {@link ErrorResponseException}s, as from JDA's own calls.
 */
final class RemoteGuildEvents {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteGuildEvents.class);
    /** Entity types ("Guild Scheduled Event Entity Types"). */
    private static final int STAGE_INSTANCE = 1;
    private static final int VOICE = 2;
    private static final int EXTERNAL = 3;
    /** Channel types ("Channel Types"). */
    private static final int GUILD_VOICE = 2;
    private static final int GUILD_STAGE_VOICE = 13;
    /** Only members of the server see it ("Guild Scheduled Event Privacy Level": GUILD_ONLY). */
    private static final int GUILD_ONLY = 2;
    /** "Guild Scheduled Event Status": SCHEDULED. */
    private static final int SCHEDULED = 1;

    private final Supplier<ShardManager> shards;

    RemoteGuildEvents(Supplier<ShardManager> shards) {
        this.shards = Objects.requireNonNull(shards, "shards");
    }

    /** Where an event takes place: a voice or stage channel (its id and type), or a location. */
    private record Place(String channelId, int channelType, String location) {
        boolean inChannel() {
            return channelId != null;
        }
    }

    String create(String guildId, PlannedEvent event) {
        JDA jda = anyShard();
        DataArray channels = channels(jda, guildId);
        Place room = room(channels, event.venue());
        if (room != null) {
            try {
                return request(jda, Route.Guilds.CREATE_SCHEDULED_EVENT.compile(guildId), fields(event, room)).getString("id");
            } catch (ErrorResponseException e) {
                if (!DiscordEventMirror.isPermission(e)) {
                    throw e;
                }
                LOG.info("Discord refused a channel event in a voice or stage channel (error {}); it becomes an external one",
                        e.getErrorCode());
            }
        }
        return request(jda, Route.Guilds.CREATE_SCHEDULED_EVENT.compile(guildId),
                fields(event, outside(jda, guildId, channels, event.venue()))).getString("id");
    }

    /** As {@link DiscordEventMirror#update}: false when the event is gone or no longer scheduled, so a new one is made. */
    boolean update(String guildId, String eventId, PlannedEvent event) {
        JDA jda = anyShard();
        DataObject existing = find(jda, guildId, eventId);
        if (existing == null || existing.getInt("status", 0) != SCHEDULED) {
            return false;
        }
        String before = existing.getString("description", "");
        if (event.description().isEmpty() && !before.isEmpty()) {
            request(jda, Route.Guilds.DELETE_SCHEDULED_EVENT.compile(guildId, eventId), null);
            return false;
        }
        DataArray channels = channels(jda, guildId);
        Place room = room(channels, event.venue());
        if (room != null) {
            try {
                request(jda, Route.Guilds.MODIFY_SCHEDULED_EVENT.compile(guildId, eventId), fields(event, room));
                return true;
            } catch (ErrorResponseException e) {
                if (!DiscordEventMirror.isPermission(e)) {
                    throw e;
                }
                LOG.info("Discord refused a channel event in a voice or stage channel (error {}); it becomes an external one",
                        e.getErrorCode());
            }
        }
        request(jda, Route.Guilds.MODIFY_SCHEDULED_EVENT.compile(guildId, eventId), fields(event, outside(jda, guildId, channels,
                event.venue())));
        return true;
    }

    void remove(String guildId, String eventId) {
        JDA jda = anyShard();
        if (find(jda, guildId, eventId) != null) {
            request(jda, Route.Guilds.DELETE_SCHEDULED_EVENT.compile(guildId, eventId), null);
        }
    }

    /** The event, or null when Discord no longer has it (or the stored id is no Discord id). */
    private static DataObject find(JDA jda, String guildId, String eventId) {
        if (!eventId.matches("\\d{1,20}")) {
            LOG.warn("a stored scheduled event id is not a Discord id; a new event takes its place");
            return null;
        }
        try {
            return request(jda, Route.Guilds.GET_SCHEDULED_EVENT.compile(guildId, eventId), null);
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.UNKNOWN_SCHEDULED_EVENT) {
                return null;
            }
            throw e;
        }
    }

    /** Every field the event has on Discord, in the room or at the location. */
    private static DataObject fields(PlannedEvent event, Place place) {
        DataObject fields = DataObject.empty()
                .put("name", DiscordEventMirror.name(event.name()))
                .put("privacy_level", GUILD_ONLY)
                .put("scheduled_start_time", iso(event.start()))
                .put("scheduled_end_time", iso(event.end()));
        if (!event.description().isEmpty()) {
            fields.put("description", DiscordEventMirror.description(event.description()));
        }
        if (place.inChannel()) {
            fields.put("entity_type", place.channelType() == GUILD_STAGE_VOICE ? STAGE_INSTANCE : VOICE)
                    .put("channel_id", place.channelId())
                    .put("entity_metadata", null);
        } else {
            fields.put("entity_type", EXTERNAL)
                    .put("channel_id", null)
                    .put("entity_metadata", DataObject.empty().put("location", place.location()));
        }
        return fields;
    }

    /** The server's voice or stage channel the place names, as {@link DiscordEventMirror#audioChannel} finds it; or null. */
    private static Place room(DataArray channels, PlannedEvent.Venue venue) {
        DataObject channel = null;
        if (venue instanceof PlannedEvent.Venue.Chat chat) {
            channel = byId(channels, chat.channel().channelId());
        } else if (venue instanceof PlannedEvent.Venue.Named named) {
            Matcher mention = DiscordEventMirror.CHANNEL_MENTION.matcher(named.name().strip());
            if (mention.matches()) {
                channel = byId(channels, mention.group(1));
            } else {
                String name = DiscordEventMirror.withoutHash(named.name());
                channel = byName(channels, name, GUILD_VOICE);
                if (channel == null) {
                    channel = byName(channels, name, GUILD_STAGE_VOICE);
                }
            }
        }
        if (channel == null) {
            return null;
        }
        int type = channel.getInt("type", -1);
        return type == GUILD_VOICE || type == GUILD_STAGE_VOICE ? new Place(channel.getString("id"), type, null) : null;
    }

    /** The location of an external event, as {@link DiscordEventMirror#location} gives it. */
    private static Place outside(JDA jda, String guildId, DataArray channels, PlannedEvent.Venue venue) {
        String text;
        if (venue instanceof PlannedEvent.Venue.Link link) {
            text = link.url().toString();
        } else if (venue instanceof PlannedEvent.Venue.Chat chat) {
            DataObject channel = byId(channels, chat.channel().channelId());
            text = channel == null ? request(jda, Route.Guilds.GET_GUILD.compile(guildId), null).getString("name", "")
                    : "#" + channel.getString("name", "");
        } else {
            String name = ((PlannedEvent.Venue.Named) venue).name().strip();
            Matcher mention = DiscordEventMirror.CHANNEL_MENTION.matcher(name);
            DataObject channel = mention.matches() ? byId(channels, mention.group(1)) : null;
            text = channel == null ? name : "#" + channel.getString("name", "");
        }
        return new Place(null, 0, DiscordEventMirror.shorten(DiscordEventMirror.noMentions(text), ScheduledEvent.MAX_LOCATION_LENGTH));
    }

    private static DataArray channels(JDA jda, String guildId) {
        return new RestActionImpl<DataArray>(jda, Route.Guilds.GET_CHANNELS.compile(guildId), (response, request) -> response.getArray())
                .complete();
    }

    private static DataObject byId(DataArray channels, String id) {
        for (int i = 0; i < channels.length(); i++) {
            DataObject channel = channels.getObject(i);
            if (id.equals(channel.getString("id", null))) {
                return channel;
            }
        }
        return null;
    }

    /** The first channel of the type with the name, ignoring case, in the server's order (by position, then id). */
    private static DataObject byName(DataArray channels, String name, int type) {
        DataObject found = null;
        for (int i = 0; i < channels.length(); i++) {
            DataObject channel = channels.getObject(i);
            if (channel.getInt("type", -1) == type && name.equalsIgnoreCase(channel.getString("name", ""))
                    && (found == null || ORDER.compare(channel, found) < 0)) {
                found = channel;
            }
        }
        return found;
    }

    private static final Comparator<DataObject> ORDER = Comparator.<DataObject>comparingInt(c -> c.getInt("position", 0))
            .thenComparingLong(c -> Long.parseUnsignedLong(c.getString("id", "0")));

    /** One request, waited for; its JSON answer, or null for an answer without one (204). */
    private static DataObject request(JDA jda, Route.CompiledRoute route, DataObject body) {
        return new RestActionImpl<DataObject>(jda, route, body, (response, request) -> response.optObject().orElse(null)).complete();
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    private JDA anyShard() {
        ShardManager manager = shards.get();
        if (manager == null) {
            throw new IllegalStateException("the Discord connection is not started yet");
        }
        return manager.getShardCache().stream().min(Comparator.comparingInt(jda -> jda.getShardInfo().getShardId()))
                .orElseThrow(() -> new IllegalStateException("no Discord shard is running on this replica"));
    }
}
