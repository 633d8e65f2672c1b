package org.circlekeeper.core.checkin;

import java.util.Objects;
import org.circlekeeper.core.ref.MemberRef;

/**
 * Whom a member asked the bot to tell, privately, when a check-in suggests they could use some
 * support: one other member, or the group's organisers (where the safety alerts go).
 *
 * @param member the buddy; null when it is the organisers
 */
public record Buddy(MemberRef member) {

    /** The group's organisers, through the channel they chose for support alerts. */
    public static final Buddy ORGANISERS = new Buddy(null);

    public static Buddy member(MemberRef member) {
        return new Buddy(Objects.requireNonNull(member, "member"));
    }

    public boolean isOrganisers() {
        return member == null;
    }

    /** How it is stored: {@code organisers} or the member's {@code platform:userId}. */
    public String storageId() {
        return isOrganisers() ? "organisers" : member.key();
    }

    /** The buddy a stored id names. */
    public static Buddy fromStorageId(String id) {
        return "organisers".equals(id) ? ORGANISERS : member(MemberRef.fromKey(id));
    }
}
