package org.circlekeeper.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.circlekeeper.core.message.DeliveryLog;

/** Deliveries in memory with the same rules as Redis (without their expiry after {@link #KEEP}), for unit tests only. */
public final class InMemoryDeliveryLog implements DeliveryLog {

    private record State(String holder, Instant until, boolean sent, boolean onWire) {
    }

    private final Map<String, State> deliveries = new HashMap<>();

    @Override
    public synchronized Start begin(String delivery, String holder, Instant now, Duration hold) {
        State state = deliveries.get(delivery);
        if (state != null && state.sent()) {
            return new Start.AlreadySent();
        }
        if (state != null && !state.holder().equals(holder)) {
            if (state.until().isAfter(now)) {
                return new Start.Busy(state.until());
            }
            if (state.onWire()) {
                deliveries.put(delivery, new State(state.holder(), Instant.MAX, true, true));
                return new Start.Orphaned();
            }
        }
        deliveries.put(delivery, new State(holder, now.plus(hold), false, false));
        return new Start.Go();
    }

    @Override
    public synchronized void onWire(String delivery, String holder) {
        State state = deliveries.get(delivery);
        if (state != null && !state.sent() && state.holder().equals(holder)) {
            deliveries.put(delivery, new State(holder, state.until(), false, true));
        }
    }

    @Override
    public synchronized void sent(String delivery, String holder) {
        deliveries.put(delivery, new State(holder, Instant.MAX, true, true));
    }

    @Override
    public synchronized void abandon(String delivery, String holder) {
        State state = deliveries.get(delivery);
        if (state != null && !state.sent() && state.holder().equals(holder)) {
            deliveries.remove(delivery);
        }
    }

    /** How many deliveries went out, for assertions. */
    public synchronized long sentCount() {
        return deliveries.values().stream().filter(State::sent).count();
    }
}
