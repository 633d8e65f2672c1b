package org.circlekeeper.discord;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRemoveEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.MembershipEvent;
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

    DiscordMembership(Engine engine, ExecutorService handlers) {
        this.engine = engine;
        this.handlers = handlers;
    }

    @Override
    public void onGuildLeave(GuildLeaveEvent event) {
        tell(new MembershipEvent.BotRemoved(community(event.getGuild().getId())));
    }

    @Override
    public void onGuildJoin(GuildJoinEvent event) {
        tell(new MembershipEvent.BotPresent(community(event.getGuild().getId())));
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        tell(new MembershipEvent.BotPresent(community(event.getGuild().getId())));
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

    /** Hands the event to the engine on a handler thread; a failure is logged (its type only) and counted. */
    private void tell(MembershipEvent event) {
        try {
            handlers.execute(() -> {
                try {
                    engine.membershipChanged(event);
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
