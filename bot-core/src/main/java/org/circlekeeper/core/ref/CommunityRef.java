package org.circlekeeper.core.ref;

import java.util.Objects;

/** A group that uses the bot: a Discord server, a Telegram group, the console's local community. */
public record CommunityRef(Platform platform, String communityId) {

    public CommunityRef {
        Objects.requireNonNull(platform, "platform");
        if (communityId == null || communityId.isBlank()) {
            throw new IllegalArgumentException("a community needs an id");
        }
    }

    /**
     * The id an adapter gives a direct chat's community when it cannot know it (a Telegram private
     * chat belongs to no group); the engine replaces it with the group the member last used the bot in.
     */
    public static final String UNRESOLVED = "~direct";

    /** The community of a direct chat, to be settled by the engine. */
    public static CommunityRef unresolved(Platform platform) {
        return new CommunityRef(platform, UNRESOLVED);
    }

    public boolean isUnresolved() {
        return UNRESOLVED.equals(communityId);
    }

    /** The stable storage key of this community: {@code platform:communityId}. */
    public String key() {
        return platform.id() + ":" + communityId;
    }

    /**
     * The community a {@link #key()} names, read back from storage. Throws when the text is not such a key.
     */
    public static CommunityRef fromKey(String key) {
        int colon = key.indexOf(':');
        return new CommunityRef(Platform.fromId(key.substring(0, colon)), key.substring(colon + 1));
    }
}
