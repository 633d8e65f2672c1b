package org.circlekeeper.core.engine;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * Who did something, where, in which community, and with which role, as the adapter resolved it.
 *
 * @param localeHint the language the platform reports for the person, if any; the member's own
 *                   setting wins over it
 */
public record Context(MemberRef member, ChannelRef channel, CommunityRef community, Role role, Locale localeHint) {

    public Context {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(role, "role");
    }

    public Optional<Locale> locale() {
        return Optional.ofNullable(localeHint);
    }

    /** The same event in another community (used when a direct chat's community is settled). */
    public Context inCommunity(CommunityRef other) {
        return new Context(member, channel, other, role, localeHint);
    }

    public boolean isOrganiser() {
        return role == Role.ORGANISER;
    }
}
