package org.circlekeeper.core.engine;

/**
 * A feature that acts when someone comes into or leaves a meeting place ({@link PresenceEvent}); {@link PresenceReports}
 * hands every such event to every feature that implements this.
 */
@FunctionalInterface
public interface PresenceListener {
    void onPresence(PresenceEvent event);
}
