package org.circlekeeper.core.testing;

import java.time.Clock;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.circle.CircleStores;

/** Every store port in memory, for unit tests: the one place that lists them. */
public final class InMemoryStores {

    private InMemoryStores() {
    }

    public static Stores create(Clock clock) {
        return new Stores(new InMemoryMemberSettingsStore(), new InMemoryCommunitySettingsStore(), new InMemoryWordingStore(),
                new InMemoryActionTokens(clock), new InMemoryPendingForms(clock), new InMemoryJobQueue(), new InMemoryResourceStore(),
                new CircleStores(new InMemoryCircleStore(), new InMemoryRsvpStore(clock), new InMemoryReminderChoiceStore(),
                        new InMemoryFeedTokenStore(), new InMemoryEventLinkStore()), new InMemoryShareStore(clock),
                InMemoryCheckinStore.create(clock), new InMemoryDeliveryLog());
    }
}
