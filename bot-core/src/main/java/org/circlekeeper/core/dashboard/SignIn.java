package org.circlekeeper.core.dashboard;

import java.util.Objects;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * Whom a sign-in link or a page session is for: one member, in one community of the same platform. Nothing else is
 * kept (the display name is dropped), and the role is the one the engine checked when the link was asked for.
 */
public record SignIn(MemberRef member, CommunityRef community) {

    public SignIn {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(community, "community");
        if (member.platform() != community.platform()) {
            throw new IllegalArgumentException("a sign-in binds a member and a community of the same platform");
        }
        if (community.isUnresolved()) {
            throw new IllegalArgumentException("a sign-in needs the member's group, not a direct chat");
        }
        member = new MemberRef(member.platform(), member.userId(), null);
    }
}
