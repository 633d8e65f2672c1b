package org.circlekeeper.core.dashboard;

import java.util.Objects;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * Whom a sign-in link or a page session is for: one member, in one community of the same platform, the channel where
 * they asked for it, and which page it opens. Nothing else is kept (the display name is dropped). An organiser's
 * session acts in {@code channel} as if its member typed there (a form's public answer goes there, as it would in
 * chat); a member's session opens only their own page.
 *
 * @param channel where the link was asked for: the group channel for an organiser, the place a member asked from
 */
public record SignIn(MemberRef member, CommunityRef community, ChannelRef channel, Kind kind) {

    /** Which page a link opens: the organisers' page (role re-checked on every request), or a member's own page. */
    public enum Kind { ORGANISER, MEMBER }

    public SignIn {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        if (member.platform() != community.platform() || channel.platform() != community.platform()) {
            throw new IllegalArgumentException("a sign-in binds a member, a community and a channel of the same platform");
        }
        if (community.isUnresolved()) {
            throw new IllegalArgumentException("a sign-in needs the member's group, not a direct chat");
        }
        if (kind == Kind.ORGANISER && channel.isDirect()) {
            throw new IllegalArgumentException("an organiser's sign-in acts in a group channel");
        }
        member = new MemberRef(member.platform(), member.userId(), null);
    }

    /** Whether this opens the organisers' page. */
    public boolean organiser() {
        return kind == Kind.ORGANISER;
    }
}
