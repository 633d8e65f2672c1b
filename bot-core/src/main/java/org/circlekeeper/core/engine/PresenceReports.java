package org.circlekeeper.core.engine;

import java.util.Objects;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a platform's presence reports ({@link PresenceEvent}) to every feature that listens for them. Each listener's
 * failure is its own: it is logged (its type only, never who) and counted, and the other listeners still hear the
 * event; an unreachable store is thrown on, so that the adapter can log it at its boundary.
 */
public final class PresenceReports {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceReports.class);

    private final Engine engine;

    public PresenceReports(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    public void presenceChanged(PresenceEvent event) {
        Objects.requireNonNull(event, "event");
        Platform platform = event.community().platform();
        StoreUnavailable unavailable = null;
        for (Feature feature : engine.registry().features()) {
            if (!(feature instanceof PresenceListener listener)) {
                continue;
            }
            try {
                listener.onPresence(event);
            } catch (StoreUnavailable e) {
                LOG.warn("feature {} could not act on a {} on {}: the store is unreachable", feature.id(),
                        event.getClass().getSimpleName(), platform.id());
                unavailable = e;
            } catch (RuntimeException e) {
                LOG.error("feature {} failed on a {} on {}: {}", feature.id(), event.getClass().getSimpleName(), platform.id(),
                        e.getClass().getName(), e);
                engine.metrics().unitFailed(platform, "presence");
            }
        }
        if (unavailable != null) {
            throw unavailable;
        }
    }
}
