package org.circlekeeper.core.circle;

import java.util.Locale;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;

/** Turns stored keys ({@code platform:id}) back into refs (the parts of ids come from {@link org.circlekeeper.core.ref.Ids}). */
final class CircleKeys {

    private CircleKeys() {
    }

    static CommunityRef community(String key) {
        int colon = key.indexOf(':');
        return new CommunityRef(platform(key.substring(0, colon)), key.substring(colon + 1));
    }

    /** A member from a storage key; the display name is not stored, so it is the user id. */
    static MemberRef member(String key) {
        int colon = key.indexOf(':');
        return new MemberRef(platform(key.substring(0, colon)), key.substring(colon + 1), null);
    }

    private static Platform platform(String id) {
        return Platform.valueOf(id.toUpperCase(Locale.ROOT));
    }
}
