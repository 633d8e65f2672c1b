package org.circlekeeper.core.engine;

import org.circlekeeper.core.ref.ChannelRef;
/** Where a command works: in the group, in a direct chat with the bot, or in both. */
public enum Scope {
    GROUP, DIRECT, ANYWHERE;

    public boolean allows(ChannelRef channel) {
        return switch (this) {
            case ANYWHERE -> true;
            case GROUP -> !channel.isDirect();
            case DIRECT -> channel.isDirect();
        };
    }
}
