package org.circlekeeper.discord;

import java.util.List;
import java.util.Map;

/**
 * How this replica connects to Discord: the bot token, which shards it runs, where slash commands
 * are registered, and which role makes a member an organiser on each server. {@link #toString()}
 * never shows the token.
 *
 * @param token           the bot token from the developer portal
 * @param shardsTotal     how many shards the whole bot has; 0 asks Discord for its recommendation
 * @param shardIds        the shards this replica runs; empty runs all of them
 * @param commandGuilds   server ids to register the slash commands on directly (they appear at
 *                        once, good for trying changes); empty registers them globally
 * @param organiserRoles  per server id, a role id whose members are organisers besides those with
 *                        Manage Server
 * @param groupMessages   whether to read messages in server channels (the opt-in safety check needs
 *                        them, and the privileged Message Content intent); direct messages are read always
 * @param restBaseUrl     the Discord REST API base, {@code https://discord.com/api/v10/} unless a
 *                        proxy sits in between
 * @param handlerThreads  how many events are handled at once (each may wait on Redis)
 * @param memberEvents    whether to ask for the privileged Server Members intent, so that Discord tells the bot when a
 *                        member leaves a server (GUILD_MEMBER_REMOVE) and their answers there are erased
 */
public record DiscordSettings(String token, int shardsTotal, List<Integer> shardIds, List<String> commandGuilds,
                              Map<String, String> organiserRoles, boolean groupMessages, String restBaseUrl,
                              int handlerThreads, boolean memberEvents) {

    /** Settings without member events (Discord then never says that a member left). */
    public DiscordSettings(String token, int shardsTotal, List<Integer> shardIds, List<String> commandGuilds,
                           Map<String, String> organiserRoles, boolean groupMessages, String restBaseUrl, int handlerThreads) {
        this(token, shardsTotal, shardIds, commandGuilds, organiserRoles, groupMessages, restBaseUrl, handlerThreads, false);
    }

    /** Discord's own REST API, version 10. */
    public static final String DISCORD_API = "https://discord.com/api/v10/";

    public DiscordSettings {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a Discord bot token is needed (circlekeeper.discord.token)");
        }
        token = token.strip();
        if (shardsTotal < 0) {
            throw new IllegalArgumentException("the total number of shards cannot be negative");
        }
        shardIds = List.copyOf(shardIds);
        for (int id : shardIds) {
            if (id < 0 || (shardsTotal > 0 && id >= shardsTotal)) {
                throw new IllegalArgumentException("shard " + id + " is outside 0.." + (shardsTotal - 1));
            }
        }
        if (!shardIds.isEmpty() && shardsTotal == 0) {
            throw new IllegalArgumentException("running chosen shards needs the total number of shards too");
        }
        commandGuilds = List.copyOf(commandGuilds);
        organiserRoles = Map.copyOf(organiserRoles);
        restBaseUrl = restBaseUrl == null || restBaseUrl.isBlank() ? DISCORD_API : restBaseUrl.strip();
        if (!restBaseUrl.endsWith("/")) {
            restBaseUrl = restBaseUrl + "/";
        }
        if (handlerThreads < 1) {
            throw new IllegalArgumentException("at least one handler thread is needed");
        }
    }

    /** Settings for a whole bot on one replica, registered globally, with no organiser roles. */
    public static DiscordSettings of(String token) {
        return new DiscordSettings(token, 0, List.of(), List.of(), Map.of(), true, DISCORD_API, 4);
    }

    /** The role id that makes a member an organiser on this server, if the server has one configured. */
    public String organiserRole(String guildId) {
        return organiserRoles.get(guildId);
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=(hidden), shardsTotal=" + (shardsTotal == 0 ? "recommended" : shardsTotal)
                + ", shardIds=" + (shardIds.isEmpty() ? "all" : shardIds) + ", commandGuilds=" + commandGuilds
                + ", organiserRoles=" + organiserRoles.size() + " servers, groupMessages=" + groupMessages
                + ", restBaseUrl=" + restBaseUrl
                + ", handlerThreads=" + handlerThreads + ", memberEvents=" + memberEvents + "]";
    }
}
