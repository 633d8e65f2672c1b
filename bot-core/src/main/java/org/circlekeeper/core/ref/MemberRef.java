package org.circlekeeper.core.ref;

import java.util.Objects;

/**
 * A person on a platform. Identity is the platform and the user id; the display name is for
 * addressing the person in this conversation. A feature stores it only where it must show it to
 * others (organisers seeing who is coming), and then exports and erases it with the member's data.
 */
public record MemberRef(Platform platform, String userId, String displayName) {

    public MemberRef {
        Objects.requireNonNull(platform, "platform");
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a member needs a platform user id");
        }
        displayName = displayName == null || displayName.isBlank() ? userId : displayName;
    }

    /** The stable storage key of this member: {@code platform:userId}. */
    public String key() {
        return platform.id() + ":" + userId;
    }

    /** The member a {@link #key()} names, read back from storage where the display name is not kept (it is the user id). */
    public static MemberRef fromKey(String key) {
        return fromKey(key, null);
    }

    /** The member a {@link #key()} names, with the display name kept beside it. Throws when the text is not such a key. */
    public static MemberRef fromKey(String key, String displayName) {
        int colon = key.indexOf(':');
        return new MemberRef(Platform.fromId(key.substring(0, colon)), key.substring(colon + 1), displayName);
    }

    /** True when both refer to the same person, whatever their display names. */
    public boolean sameMember(MemberRef other) {
        return other != null && platform == other.platform && userId.equals(other.userId);
    }
}
