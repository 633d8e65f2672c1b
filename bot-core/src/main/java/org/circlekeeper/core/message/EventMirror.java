package org.circlekeeper.core.message;

import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;

/**
 * The outbound port that shows planned gatherings in a platform's own event list (Discord's server
 * Events), so members find them where they already look. One implementation per platform that has
 * such a list ({@link Platform#hasScheduledEvents()}); platforms without one get none, and the core
 * does not ask them. The caller keeps the event ids; an implementation keeps no state.
 *
 * <p>A failure that retrying will not heal (a missing permission, a server the bot left, an event the
 * platform will not take) is a {@link Refused}; any other exception is worth retrying.
 */
public interface EventMirror {

    Platform platform();

    /** Creates the event in the community and returns its id on the platform. */
    String create(CommunityRef community, PlannedEvent event);

    /**
     * Makes the event say what {@code event} says. False when it is no longer there to change (someone
     * deleted it, or it finished or was cancelled on the platform): the caller then creates a new one.
     */
    boolean update(CommunityRef community, String eventId, PlannedEvent event);

    /** Takes the event off the platform; one that is already gone is fine. */
    void remove(CommunityRef community, String eventId);

    /** The platform will not do it, and asking again will not change that. */
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
