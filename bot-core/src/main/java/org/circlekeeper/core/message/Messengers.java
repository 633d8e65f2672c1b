package org.circlekeeper.core.message;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.ref.Platform;

/** The messenger of each connected platform, for messages the bot starts itself. */
public final class Messengers {

    private final Map<Platform, Messenger> byPlatform = new EnumMap<>(Platform.class);

    public Messengers(List<Messenger> messengers) {
        for (Messenger messenger : messengers) {
            if (byPlatform.putIfAbsent(messenger.platform(), messenger) != null) {
                throw new IllegalArgumentException("two messengers for " + messenger.platform().id());
            }
        }
    }

    /** The platform's messenger; fails loudly when that platform is not connected in this deployment. */
    public Messenger forPlatform(Platform platform) {
        Messenger messenger = byPlatform.get(platform);
        if (messenger == null) {
            throw new IllegalStateException("no " + platform.id() + " adapter is connected, so nothing can be sent there");
        }
        return messenger;
    }

    /** What every connected platform's adapter keeps about members (for export and erasure). */
    public List<PersonalData> personalData() {
        return byPlatform.values().stream().flatMap(m -> m.personalData().stream()).toList();
    }

    /** Where the community's platform can reach its organisers, best first; empty when it knows none or is not connected. */
    public List<Target> organisersOf(CommunityRef community) {
        Messenger messenger = byPlatform.get(community.platform());
        return messenger == null ? List.of() : messenger.organisersOf(community);
    }

    public SentMessage send(Target target, OutgoingMessage message) {
        return forPlatform(platformOf(target)).send(target, message);
    }

    private static Platform platformOf(Target target) {
        if (target instanceof Target.Channel channel) {
            return channel.channel().platform();
        }
        return ((Target.Member) target).member().platform();
    }
}
