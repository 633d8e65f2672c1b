package org.circlekeeper.core.message;

import java.util.List;
import java.util.Optional;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.ref.Platform;

/**
 * The outbound port for messages the bot starts itself (reminders, prompts, flow steps). One
 * implementation per platform; an operation a platform lacks throws {@link UnsupportedOnPlatform}.
 */
public interface Messenger {

    Platform platform();

    /** Sends a message and returns a handle for editing it; fails with {@link DeliveryFailed} when it cannot be delivered. */
    SentMessage send(Target target, OutgoingMessage message);

    /** Replaces the text and buttons of a message sent earlier. */
    void edit(SentMessage sent, OutgoingMessage message);

    /**
     * What this platform's adapter keeps about members beside the core's stores (e.g. that a member
     * blocked the bot), so that {@code /mydata} and {@code /forgetme} cover it too; empty when nothing.
     */
    List<PersonalData> personalData();

    /**
     * Where this platform can reach the organisers of a community, best first (e.g. the server owner's direct
     * messages, the server's system channel), for what only they need to know, such as a circle's channel being gone.
     * Empty when the platform knows no such place; the core then uses the community's other channels it knows.
     */
    default List<Target> organisersOf(CommunityRef community) {
        return List.of();
    }

    /**
     * Opens a place of its own for one meeting under a group channel (Discord: a public thread), named {@code name}
     * (plain text), where the meeting's messages then go. Throws {@link UnsupportedOnPlatform} where the platform has
     * no such places (the meeting then runs in the channel), and {@link DeliveryFailed} when the platform failed.
     */
    default MeetingPlace openMeetingPlace(ChannelRef channel, String name) {
        throw new UnsupportedOnPlatform(platform(), "open a place of its own for a meeting");
    }

    /**
     * The meeting held in {@code place} ended: a place that {@link #openMeetingPlace} opened is closed (Discord: the
     * thread is archived, still readable) and the channel it was opened under is returned; empty, and nothing changed,
     * for any other channel. Throws {@link UnsupportedOnPlatform} where the platform has no such places, and
     * {@link DeliveryFailed} when the platform failed.
     */
    default Optional<ChannelRef> closeMeetingPlace(ChannelRef place) {
        throw new UnsupportedOnPlatform(platform(), "close a meeting's place");
    }

    /** Delivery failed for a reason the caller should know (member unreachable, channel gone). */
    final class DeliveryFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean permanent;

        public DeliveryFailed(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        /** True when retrying will not help (the member blocked the bot, the channel is gone). */
        public boolean permanent() {
            return permanent;
        }
    }

    /** An operation this platform does not have; thrown loudly, never silently ignored. */
    final class UnsupportedOnPlatform extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnsupportedOnPlatform(Platform platform, String operation) {
            super(platform.id() + " cannot " + operation);
        }
    }
}
