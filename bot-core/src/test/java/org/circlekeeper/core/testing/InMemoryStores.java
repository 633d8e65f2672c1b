package org.circlekeeper.core.testing;

import java.time.Clock;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.circle.CircleStores;

/** Every store port in memory, for unit tests: the one place that lists them. */
public final class InMemoryStores {

    private InMemoryStores() {
    }

    public static Stores create(Clock clock) {
        InMemoryCommunitySettingsStore communities = new InMemoryCommunitySettingsStore();
        InMemoryWordingStore wording = new InMemoryWordingStore();
        InMemoryResourceStore resources = new InMemoryResourceStore();
        InMemoryCircleStore circles = new InMemoryCircleStore();
        InMemoryRsvpStore rsvps = new InMemoryRsvpStore(clock);
        InMemoryReminderChoiceStore reminders = new InMemoryReminderChoiceStore();
        InMemoryFeedTokenStore feeds = new InMemoryFeedTokenStore();
        InMemoryEventLinkStore events = new InMemoryEventLinkStore();
        InMemoryShareStore share = new InMemoryShareStore(clock);
        InMemoryCheckinStore checkins = new InMemoryCheckinStore(clock);
        InMemoryDepartureStore departures = new InMemoryDepartureStore(communities::eraseCommunity, wording::eraseCommunity,
                resources::eraseCommunity, circles::eraseCommunity, rsvps::eraseCommunity, reminders::eraseCommunity,
                feeds::eraseCommunity, events::eraseCommunity, share::eraseCommunity, checkins::eraseCommunity);
        return new Stores(new InMemoryMemberSettingsStore(), communities, wording, new InMemoryActionTokens(clock),
                new InMemoryPendingForms(clock), new InMemoryJobQueue(), resources,
                new CircleStores(circles, rsvps, reminders, feeds, events), share, checkins, new InMemoryDeliveryLog(), departures);
    }
}
