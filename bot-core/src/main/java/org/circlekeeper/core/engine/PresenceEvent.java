package org.circlekeeper.core.engine;

import java.util.Objects;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * What a platform tells the core about who is in a meeting place, a place one can be in rather than only write to (a
 * Discord voice or stage channel): a member came into it or left it. A move from one such place to another is a
 * {@link Left} followed by a {@link Joined}. The platform reports them in the order they happened, per place.
 */
public sealed interface PresenceEvent {

    CommunityRef community();

    /** The meeting place, as a group channel (its text chat is where the bot posts). */
    ChannelRef place();

    /** The member, with the name the others see. */
    MemberRef member();

    /** The member came into the place. */
    record Joined(CommunityRef community, ChannelRef place, MemberRef member) implements PresenceEvent {
        public Joined {
            check(community, place, member);
        }
    }

    /** The member left the place (or the platform). */
    record Left(CommunityRef community, ChannelRef place, MemberRef member) implements PresenceEvent {
        public Left {
            check(community, place, member);
        }
    }

    private static void check(CommunityRef community, ChannelRef place, MemberRef member) {
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(member, "member");
        if (place.isDirect()) {
            throw new IllegalArgumentException("a meeting place is a group channel");
        }
        if (place.platform() != community.platform() || member.platform() != community.platform()) {
            throw new IllegalArgumentException("a place, its community and the member are on one platform");
        }
    }
}
