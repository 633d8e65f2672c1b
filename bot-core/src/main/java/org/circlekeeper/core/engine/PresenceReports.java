package org.circlekeeper.core.engine;

import java.util.Objects;

/**
 * Hands a platform's presence reports ({@link PresenceEvent}) to every feature that listens for them. Each listener's
 * failure is its own: it is logged (its type only, never who) and counted, and the other listeners still hear the
 * event; an unreachable store is thrown on, so that the adapter can log it at its boundary.
 */
public final class PresenceReports {

    private final Engine engine;

    public PresenceReports(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    public void presenceChanged(PresenceEvent event) {
        Objects.requireNonNull(event, "event");
        engine.tellEach(PresenceListener.class, listener -> listener.onPresence(event), event.community().platform(),
                event.getClass().getSimpleName(), "presence");
    }
}
