package org.circlekeeper.core.engine;

import java.util.Map;
import java.util.Objects;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * What a platform tells the core about who and what is in a community, outside any conversation: the bot removed
 * from the group or server (not an outage) or back in it, a member gone, a channel of the community gone, the
 * community's id changed.
 */
public sealed interface MembershipEvent {

    CommunityRef community();

    /** The bot was removed or kicked from the community: nothing is sent there any more; its data waits for a return. */
    record BotRemoved(CommunityRef community) implements MembershipEvent {
        public BotRemoved {
            Objects.requireNonNull(community, "community");
        }
    }

    /** The bot is in the community (added again, or seen there at start-up): everything carries on. */
    record BotPresent(CommunityRef community) implements MembershipEvent {
        public BotPresent {
            Objects.requireNonNull(community, "community");
        }
    }

    /** A member left the community, or was removed from it. */
    record MemberLeft(CommunityRef community, MemberRef member) implements MembershipEvent {
        public MemberLeft {
            Objects.requireNonNull(community, "community");
            Objects.requireNonNull(member, "member");
        }
    }

    /**
     * A channel of the community was deleted, or the bot can no longer see or write to it.
     *
     * @param name the channel's name as members know it (to match a place named by it), or null when unknown
     */
    record PlaceGone(CommunityRef community, ChannelRef channel, String name) implements MembershipEvent {
        public PlaceGone {
            Objects.requireNonNull(community, "community");
            Objects.requireNonNull(channel, "channel");
        }
    }

    /**
     * The community now has another id on its platform (a Telegram group upgraded to a supergroup): everything it owns
     * moves to {@code to}, once, however often and wherever the platform reports it.
     *
     * @param community the community's old id
     * @param to        its new id, on the same platform
     * @param channels  the community's channels whose id changed with it, old to new (a Telegram group's own chat), so
     *                  that every stored place naming an old one names the new one
     */
    record CommunityMoved(CommunityRef community, CommunityRef to, Map<ChannelRef, ChannelRef> channels) implements MembershipEvent {
        public CommunityMoved {
            Objects.requireNonNull(community, "community");
            Objects.requireNonNull(to, "to");
            if (community.platform() != to.platform() || community.equals(to)) {
                throw new IllegalArgumentException("a community moves to another id on its own platform");
            }
            channels = Map.copyOf(channels);
            if (channels.entrySet().stream().anyMatch(e -> e.getKey().platform() != community.platform()
                    || e.getValue().platform() != community.platform() || e.getKey().kind() != e.getValue().kind())) {
                throw new IllegalArgumentException("a channel moves to another id of its own kind on its own platform");
            }
        }

        /** A move whose channels keep their ids. */
        public CommunityMoved(CommunityRef community, CommunityRef to) {
            this(community, to, Map.of());
        }
    }
}
