package org.circlekeeper.telegram;

import java.util.function.Supplier;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The adapter's reads and writes of its own state that can do without the store: a fallback stands in while it is away. */
final class StoreFallback {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFallback.class);

    private StoreFallback() {
    }

    /**
     * A store read or write the adapter can do without (who is an organiser, who is reachable): when the store
     * cannot be reached, {@code fallback} stands in and the engine, which needs the store, answers the member
     * kindly. Least privilege: a role falls back to member.
     */
    static <T> T bestEffort(String what, Supplier<T> work, T fallback) {
        try {
            return work.get();
        } catch (StoreUnavailable e) {
            LOG.warn("Telegram: could not {}: the store is unreachable", what);
            return fallback;
        }
    }
}
