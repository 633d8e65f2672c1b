package org.circlekeeper.discord;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.AudioChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.circlekeeper.core.engine.PlacePresence;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;

/**
 * Who is in a voice or stage channel now, from JDA's voice-state cache: filled from the {@code voice_states} of each
 * GUILD_CREATE and kept by VOICE_STATE_UPDATE, both sent only with the non-privileged {@code GUILD_VOICE_STATES}
 * intent (API reference, Topics, Gateway: "Gateway Intents"; Resources, Voice: "Voice State Object"). A server's
 * voice states reach the replica whose shard carries it, which is also where its slash commands arrive.
 */
public final class DiscordPresence implements PlacePresence {

    private final Supplier<ShardManager> shards;

    DiscordPresence(Supplier<ShardManager> shards) {
        this.shards = shards;
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public Optional<List<MemberRef>> present(ChannelRef place) {
        ShardManager manager = shards.get();
        if (manager == null || place.platform() != Platform.DISCORD || !place.channelId().matches("\\d{1,20}")) {
            return Optional.empty();
        }
        GuildChannel channel = manager.getGuildChannelById(place.channelId());
        if (!(channel instanceof AudioChannel audio)) {
            return Optional.empty();
        }
        return Optional.of(audio.getMembers().stream().filter(m -> !m.getUser().isBot()).map(DiscordPresence::member).toList());
    }

    static MemberRef member(Member member) {
        return new MemberRef(Platform.DISCORD, member.getId(), member.getEffectiveName());
    }
}
