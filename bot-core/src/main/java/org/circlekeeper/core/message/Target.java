package org.circlekeeper.core.message;

import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;

/** Where a message the bot starts itself goes: a channel, or a member's direct chat. */
public sealed interface Target {

    record Channel(ChannelRef channel) implements Target {
    }

    record Member(MemberRef member) implements Target {
    }
}
