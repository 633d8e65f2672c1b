package org.circlekeeper.redis;

import org.circlekeeper.core.circle.CircleStores;
import org.circlekeeper.core.testing.InMemoryCircleStore;
import org.circlekeeper.core.testing.InMemoryEventLinkStore;
import org.circlekeeper.core.testing.InMemoryFeedTokenStore;
import org.circlekeeper.core.testing.InMemoryReminderChoiceStore;
import org.circlekeeper.core.testing.InMemoryRsvpStore;

/** The contract run against the core's in-memory stores: it describes what the core's own tests rely on. */
class InMemoryCircleStoresTest extends CircleStoresContract {

    @Override
    CircleStores stores() {
        return new CircleStores(new InMemoryCircleStore(), new InMemoryRsvpStore(clock), new InMemoryReminderChoiceStore(),
                new InMemoryFeedTokenStore(), new InMemoryEventLinkStore());
    }
}
