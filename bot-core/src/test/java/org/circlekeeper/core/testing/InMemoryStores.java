package org.circlekeeper.core.testing;

import java.time.Clock;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.checkin.CheckinStores;
import org.circlekeeper.core.circle.CircleStores;
import org.circlekeeper.core.community.CommunitySettingsStore;
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

    /** Every store port in memory, by name, for a test that adds or replaces one before building. */
    public static Stores.Builder builder(Clock clock) {
        return Stores.builder()
                .put(MemberSettingsStore.KEY, new InMemoryMemberSettingsStore())
                .put(CommunitySettingsStore.KEY, new InMemoryCommunitySettingsStore())
                .put(WordingStore.KEY, new InMemoryWordingStore())
                .put(ActionTokens.KEY, new InMemoryActionTokens(clock))
                .put(PendingForms.KEY, new InMemoryPendingForms(clock))
                .put(JobQueue.KEY, new InMemoryJobQueue())
                .put(DeliveryLog.KEY, new InMemoryDeliveryLog())
                .put(ResourceStore.KEY, new InMemoryResourceStore())
                .put(CircleStores.KEY, new CircleStores(new InMemoryCircleStore(), new InMemoryRsvpStore(clock),
                        new InMemoryReminderChoiceStore(), new InMemoryFeedTokenStore(), new InMemoryEventLinkStore()))
                .put(ShareStore.KEY, new InMemoryShareStore(clock))
                .put(CheckinStores.KEY, InMemoryCheckinStore.create(clock));
    }
}
