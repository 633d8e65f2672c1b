package org.circlekeeper.discord;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRemoveEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.MembershipEvent;
import org.circlekeeper.core.platform.Roster;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the core who and what is in a server, as Discord's gateway says it (API reference, Gateway Events):
 * <ul>
 *   <li>{@code GUILD_DELETE} without {@code unavailable: true} means the bot was removed or kicked (an outage sends
 *       {@code unavailable: true}, which JDA reports as unavailable, not as a leave): the bot stops speaking there and
 *       the server's data waits for the grace period;</li>
 *   <li>{@code GUILD_CREATE} (the bot added again, or a server seen at start-up): everything carries on;</li>
 *   <li>{@code READY} lists every server of the shard (Gateway Events, "Ready": {@code guilds}, unavailable guild
 *       objects); a server of that shard the bot was last seen in ({@link Roster}) and missing from the list removed
 *       the bot while it was offline, when no {@code GUILD_DELETE} could reach it: the same as a removal;</li>
 *   <li>{@code GUILD_MEMBER_REMOVE} (sent only with the privileged Server Members intent): the member loses their
 *       answers there;</li>
 *   <li>{@code CHANNEL_DELETE} and {@code THREAD_DELETE}: a circle's channel, thread, forum post or voice room gone is
 *       told to its organisers.</li>
 * </ul>
 * The engine runs on the adapter's handler threads, never on the gateway's.
 */
final class DiscordMembership extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordMembership.class);

    private final Engine engine;
    private final ExecutorService handlers;
    private final Roster roster;

    DiscordMembership(Engine engine, ExecutorService handlers, Roster roster) {
        this.engine = engine;
        this.handlers = handlers;
        this.roster = roster;
    }

    @Override
    public void onGuildLeave(GuildLeaveEvent event) {
        CommunityRef community = community(event.getGuild().getId());
        tell(new MembershipEvent.BotRemoved(community), () -> roster.absent(community));
    }

    @Override
    public void onGuildJoin(GuildJoinEvent event) {
        CommunityRef community = community(event.getGuild().getId());
        tell(new MembershipEvent.BotPresent(community), () -> roster.present(community));
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        CommunityRef community = community(event.getGuild().getId());
        tell(new MembershipEvent.BotPresent(community), () -> roster.present(community));
    }

    /**
     * A shard is ready: every server of the roster that this shard carries ({@code (guild_id >> 22) % num_shards},
     * Gateway, "Sharding") and that READY did not list, as a server or as unavailable, removed the bot while it was
     * offline. Each is checked again on the handler thread, so a server that added the bot back since is left alone.
     */
    @Override
    public void onReady(ReadyEvent event) {
        JDA jda = event.getJDA();
        int shard = jda.getShardInfo().getShardId();
        int shards = jda.getShardInfo().getShardTotal();
        Set<String> listed = new HashSet<>(jda.getUnavailableGuilds());
        jda.getGuildCache().forEach(guild -> listed.add(guild.getId()));
        try {
            handlers.execute(() -> {
                try {
                    int removed = 0;
                    for (String id : roster.communities(Platform.DISCORD)) {
                        if (!id.matches("\\d{1,20}") || (Long.parseLong(id) >> 22) % shards != shard || listed.contains(id)
                                || jda.getGuildById(id) != null || jda.isUnavailable(Long.parseLong(id))) {
                            continue;
                        }
                        CommunityRef community = community(id);
                        engine.membershipChanged(new MembershipEvent.BotRemoved(community));
                        roster.absent(community);
                        removed++;
                    }
                    if (removed > 0) {
                        LOG.info("{} server(s) of shard {} removed the bot while it was offline; their grace period starts now",
                                removed, shard);
                    }
                } catch (Throwable e) {
                    LOG.error("the servers that removed the bot while it was offline could not be checked: {}", e.getClass().getName(), e);
                    engine.metrics().unitFailed(Platform.DISCORD, "membership");
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("a READY from Discord arrived while the adapter shuts down; not checked for servers that removed the bot");
        }
    }

    @Override
    public void onGuildMemberRemove(GuildMemberRemoveEvent event) {
        if (event.getUser().isBot()) {
            return;
        }
        tell(new MembershipEvent.MemberLeft(community(event.getGuild().getId()),
                new MemberRef(Platform.DISCORD, event.getUser().getId(), null)));
    }

    @Override
    public void onChannelDelete(ChannelDeleteEvent event) {
        if (!event.isFromGuild()) {
            return;
        }
        Channel channel = event.getChannel();
        tell(new MembershipEvent.PlaceGone(community(event.getGuild().getId()),
                new ChannelRef(Platform.DISCORD, channel.getId(), ChannelRef.Kind.GROUP), channel.getName()));
    }

    private static CommunityRef community(String guildId) {
        return new CommunityRef(Platform.DISCORD, guildId);
    }

    private void tell(MembershipEvent event) {
        tell(event, () -> { });
    }

    /**
     * Hands the event to the engine on a handler thread, then notes it in the roster (so a removal is forgotten there
     * only once the core has it); a failure is logged (its type only) and counted.
     */
    private void tell(MembershipEvent event, Runnable then) {
        try {
            handlers.execute(() -> {
                try {
                    engine.membershipChanged(event);
                    then.run();
                } catch (Throwable e) {
                    LOG.error("a {} from Discord could not be handled: {}", event.getClass().getSimpleName(),
                            e.getClass().getName(), e);
                    engine.metrics().unitFailed(Platform.DISCORD, "membership");
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("a {} from Discord arrived while the adapter shuts down; not handled", event.getClass().getSimpleName());
        }
    }
}
