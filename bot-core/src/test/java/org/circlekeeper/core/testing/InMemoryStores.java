package org.circlekeeper.core.testing;

import java.time.Clock;
import org.circlekeeper.core.StoreClasses;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.checkin.CheckinStores;
import org.circlekeeper.core.circle.CircleStores;
import org.circlekeeper.core.community.CommunitySettingsStore;
import org.circlekeeper.core.community.DepartureStore;
import org.circlekeeper.core.dashboard.DashboardStores;
import org.circlekeeper.core.engine.ActionTokens;
import org.circlekeeper.core.engine.PendingForms;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.message.DeliveryLog;
import org.circlekeeper.core.resource.ResourceStore;
import org.circlekeeper.core.schedule.JobQueue;
import org.circlekeeper.core.share.ShareStore;
import org.circlekeeper.core.template.WordingStore;

/** Every store port in memory, for unit tests: the one place that puts them in. */
public final class InMemoryStores {

    private InMemoryStores() {
    }

    public static Stores create(Clock clock) {
        return builder(clock).build();
    }

    /**
     * Every store port in memory, by name, for a test that adds or replaces one before building. The departure store
     * erases a community from the stores made here (a store a test puts in instead is not reached by it).
     */
    public static Stores.Builder builder(Clock clock) {
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
        InMemoryJobQueue jobs = new InMemoryJobQueue();
        InMemoryDepartureStore departures = new InMemoryDepartureStore(jobs, communities, wording, resources, circles, rsvps,
                reminders, feeds, events, share, checkins);
        return Stores.builder()
                // a store no line here puts in is found by its name: InMemory<Port> beside its port
                .maker(StoreClasses.named(key -> key.type().getPackageName() + ".InMemory" + key.type().getSimpleName(), clock))
                .put(MemberSettingsStore.KEY, new InMemoryMemberSettingsStore())
                .put(CommunitySettingsStore.KEY, communities)
                .put(WordingStore.KEY, wording)
                .put(ActionTokens.KEY, new InMemoryActionTokens(clock))
                .put(PendingForms.KEY, new InMemoryPendingForms(clock))
                .put(JobQueue.KEY, jobs)
                .put(DeliveryLog.KEY, new InMemoryDeliveryLog())
                .put(ResourceStore.KEY, resources)
                .put(CircleStores.KEY, new CircleStores(circles, rsvps, reminders, feeds, events))
                .put(ShareStore.KEY, share)
                .put(CheckinStores.KEY, checkins.stores())
                .put(DashboardStores.KEY, new InMemoryDashboardStores(clock).stores())
                .put(DepartureStore.KEY, departures);
    }
}
