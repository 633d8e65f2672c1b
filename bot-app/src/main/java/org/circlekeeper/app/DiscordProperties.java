package org.circlekeeper.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.circlekeeper.discord.DiscordSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Discord adapter's settings, under {@code circlekeeper.discord.*} (or {@code CIRCLEKEEPER_DISCORD_*}).
 * Setting the token turns the adapter on (and the console off). {@link #toString()} hides the token.
 *
 * @param token           the bot token from the developer portal
 * @param shardsTotal     the bot's total number of shards; 0 takes Discord's recommendation
 * @param shards          the shards this replica runs: empty for all, a range {@code 0-3} or a list {@code 0,2,4}
 * @param commandGuilds   server ids to register the commands on directly (seen at once); empty registers them globally
 * @param organiserRoles  {@code serverId:roleId} pairs: members with that role are organisers on that server
 * @param groupMessages   read messages in server channels (for the safety check; needs the Message Content intent)
 * @param restBaseUrl     the REST API base; Discord's own unless a proxy sits in between
 * @param handlerThreads  how many Discord events are handled at once
 * @param memberEvents    ask for the privileged Server Members intent, so that a member who leaves a server loses their
 *                        answers there (turn the intent on in the developer portal first)
 */
@ConfigurationProperties("circlekeeper.discord")
public record DiscordProperties(
        String token,
        @DefaultValue("0") int shardsTotal,
        @DefaultValue("") String shards,
        @DefaultValue List<String> commandGuilds,
        @DefaultValue List<String> organiserRoles,
        @DefaultValue("true") boolean groupMessages,
        @DefaultValue(DiscordSettings.DISCORD_API) String restBaseUrl,
        @DefaultValue("4") int handlerThreads,
        @DefaultValue("false") boolean memberEvents) {

    /** The adapter's settings; fails with a message naming the property when one is malformed. */
    public DiscordSettings settings() {
        return new DiscordSettings(token, shardsTotal, shardIds(), commandGuilds, roles(), groupMessages, restBaseUrl,
                handlerThreads, memberEvents);
    }

    List<Integer> shardIds() {
        List<Integer> ids = new ArrayList<>();
        if (shards == null || shards.isBlank()) {
            return ids;
        }
        for (String part : shards.split(",")) {
            String item = part.strip();
            try {
                int dash = item.indexOf('-');
                if (dash > 0) {
                    int from = Integer.parseInt(item.substring(0, dash).strip());
                    int to = Integer.parseInt(item.substring(dash + 1).strip());
                    if (to < from) {
                        throw new IllegalArgumentException("circlekeeper.discord.shards: the range " + item + " runs backwards");
                    }
                    for (int id = from; id <= to; id++) {
                        ids.add(id);
                    }
                } else {
                    ids.add(Integer.parseInt(item));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("circlekeeper.discord.shards takes shard numbers like 0-3 or 0,2,4, not '"
                        + item + "'", e);
            }
        }
        return ids;
    }

    Map<String, String> roles() {
        Map<String, String> roles = new LinkedHashMap<>();
        for (String pair : organiserRoles) {
            String[] ids = pair.strip().split(":");
            if (ids.length != 2 || !ids[0].strip().matches("\\d+") || !ids[1].strip().matches("\\d+")) {
                throw new IllegalArgumentException("circlekeeper.discord.organiser-roles takes serverId:roleId pairs, not '" + pair + "'");
            }
            roles.put(ids[0].strip(), ids[1].strip());
        }
        return roles;
    }

    @Override
    public String toString() {
        return "DiscordProperties[token=(hidden), shardsTotal=" + shardsTotal + ", shards=" + shards + ", commandGuilds="
                + commandGuilds + ", organiserRoles=" + organiserRoles + ", groupMessages=" + groupMessages + ", restBaseUrl=" + restBaseUrl
                + ", handlerThreads=" + handlerThreads + "]";
    }
}
