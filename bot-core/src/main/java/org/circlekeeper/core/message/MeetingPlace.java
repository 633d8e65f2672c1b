package org.circlekeeper.core.message;

import java.util.Objects;
import org.circlekeeper.core.ref.ChannelRef;

/**
 * What a platform answered when the bot asked for a place of its own for one meeting under a group channel (on
 * Discord a thread), so that a meeting's many messages do not fill the channel. See {@link Messenger#openMeetingPlace}.
 */
public sealed interface MeetingPlace {

    /**
     * The place was opened: the meeting runs there.
     *
     * @param place the new place, a group channel of its own
     * @param link  a link that opens the place for members, or null when the platform has none
     */
    record Opened(ChannelRef place, String link) implements MeetingPlace {
        public Opened {
            Objects.requireNonNull(place, "place");
            if (place.isDirect()) {
                throw new IllegalArgumentException("a meeting's place is a group channel");
            }
        }
    }

    /** The platform has such places, but the bot lacks the right to open one under this channel: the meeting stays there. */
    record NotAllowed() implements MeetingPlace {
    }

    /** No place opens under this channel (it is one itself, or of a kind that has none): the meeting stays there. */
    record NotHere() implements MeetingPlace {
    }
}
