package org.circlekeeper.discord;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.AudioChannel;
import net.dv8tion.jda.api.events.guild.voice.GuildVoiceUpdateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.PresenceEvent;
import org.circlekeeper.core.engine.PresenceReports;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the core who comes into and leaves a voice or stage channel. Discord sends VOICE_STATE_UPDATE (API reference,
 * Topics, Gateway Events: "Voice State Update", with the intent {@code GUILD_VOICE_STATES}) whenever a member joins,
 * leaves or moves between voice channels; JDA reports the change of channel as a {@link GuildVoiceUpdateEvent} with the
 * channel left and the channel joined (a move has both: it is told as a leave, then a join). Mute, deafen and the
 * like are not comings and goings and are not asked for. Bots are not members of a circle. The reports go to the core
 * on one thread of their own, in the order Discord sent them, so that a quick leave and return is never read backwards.
 */
final class DiscordVoice extends ListenerAdapter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordVoice.class);

    private final Engine engine;
    private final PresenceReports reports;
    private final ExecutorService inOrder;

    DiscordVoice(Engine engine) {
        this.engine = engine;
        this.reports = new PresenceReports(engine);
        this.inOrder = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "discord-voice");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void onGuildVoiceUpdate(GuildVoiceUpdateEvent event) {
        try {
            Member member = event.getMember();
            if (member.getUser().isBot()) {
                return;
            }
            CommunityRef community = new CommunityRef(Platform.DISCORD, event.getGuild().getId());
            AudioChannel left = event.getChannelLeft();
            AudioChannel joined = event.getChannelJoined();
            if (left != null) {
                tell(new PresenceEvent.Left(community, place(left), DiscordPresence.member(member)));
            }
            if (joined != null) {
                tell(new PresenceEvent.Joined(community, place(joined), DiscordPresence.member(member)));
            }
        } catch (Throwable e) {
            // the boundary of one gateway event: JDA rethrows an Error from a listener, which would end its event thread
            LOG.error("reading a voice change from Discord failed: {}", e.getClass().getName(), e);
            engine.metrics().unitFailed(Platform.DISCORD, "presence");
        }
    }

    private static ChannelRef place(AudioChannel channel) {
        return new ChannelRef(Platform.DISCORD, channel.getId(), ChannelRef.Kind.GROUP);
    }

    /** Hands the report to the core on the ordered thread; a failure is logged (its type only, never who) and counted. */
    private void tell(PresenceEvent event) {
        try {
            inOrder.execute(() -> {
                try {
                    reports.presenceChanged(event);
                } catch (Throwable e) {
                    LOG.error("a voice {} from Discord could not be handled: {}", event.getClass().getSimpleName(),
                            e.getClass().getName(), e);
                    engine.metrics().unitFailed(Platform.DISCORD, "presence");
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("a voice change from Discord arrived while the adapter shuts down; not handled");
        }
    }

    /** Lets the reports in hand finish, for a few seconds at most. */
    @Override
    public void close() {
        inOrder.shutdown();
        try {
            if (!inOrder.awaitTermination(5, TimeUnit.SECONDS)) {
                inOrder.shutdownNow();
            }
        } catch (InterruptedException e) {
            inOrder.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
