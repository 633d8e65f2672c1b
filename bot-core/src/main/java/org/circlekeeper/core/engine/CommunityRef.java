package org.circlekeeper.core.engine;

import java.util.Objects;

/** A group that uses the bot: a Discord server, a Telegram group, the console's local community. */
public record CommunityRef(Platform platform, String communityId) {

    public CommunityRef {
        Objects.requireNonNull(platform, "platform");
        if (communityId == null || communityId.isBlank()) {
            throw new IllegalArgumentException("a community needs an id");
        }
    }

    /** The stable storage key of this community: {@code platform:communityId}. */
    public String key() {
        return platform.id() + ":" + communityId;
    }
}
