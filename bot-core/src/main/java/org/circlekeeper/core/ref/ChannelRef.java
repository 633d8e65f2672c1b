package org.circlekeeper.core.ref;

import java.util.Objects;

/**
 * A place where messages are exchanged: a group channel or a direct (private) chat with one member. A place inside a
 * group's chat is a channel of its own, its id as the adapter writes it (a Telegram forum topic is {@code
 * <chatId>/<threadId>}), while its community stays the group.
 */
public record ChannelRef(Platform platform, String channelId, Kind kind) {

    /** Whether a channel is shared by a group or private between the bot and one member. */
    public enum Kind { GROUP, DIRECT }

    public ChannelRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(kind, "kind");
        if (channelId == null || channelId.isBlank()) {
            throw new IllegalArgumentException("a channel needs an id");
        }
    }

    public boolean isDirect() {
        return kind == Kind.DIRECT;
    }
}
