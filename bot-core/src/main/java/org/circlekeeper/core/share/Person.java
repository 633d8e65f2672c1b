package org.circlekeeper.core.share;

import java.util.Objects;
import org.circlekeeper.core.ref.MemberRef;

/**
 * Someone in a share session: their stable key ({@code platform:userId}) and the name the others see
 * while the session runs. Kept only in the session and the chair rotation, and erased with the
 * member's data.
 */
public record Person(String key, String name) {

    /** The longest name kept; longer display names are shortened. */
    public static final int MAX_NAME = 64;

    public Person {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME));
        }
    }

    /** The prefix of the key of a share without a name waiting in the queue; no member key starts with it. */
    static final String ANONYMOUS_SHARE = "anon:";

    public static Person of(MemberRef member) {
        return new Person(member.key(), member.displayName());
    }

    /** A share without a name waiting in the queue: no one, and no name; {@code id} tells waiting shares apart. */
    static Person waitingShare(String id) {
        return new Person(ANONYMOUS_SHARE + id, "");
    }

    /** True for a share without a name waiting in the queue rather than a person. */
    public boolean anonymousShare() {
        return key.startsWith(ANONYMOUS_SHARE);
    }

    /** True when this is the member, whatever name they have now. */
    public boolean same(MemberRef member) {
        return member != null && key.equals(member.key());
    }

    /** The member this is, with the name kept for them. */
    public MemberRef toMember() {
        return MemberRef.fromKey(key, name);
    }

    /** The platform user id part of the key. */
    public String userId() {
        return key.substring(key.indexOf(':') + 1);
    }
}
