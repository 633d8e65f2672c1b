package org.circlekeeper.core;

import java.util.Objects;
import org.circlekeeper.core.checkin.CheckinStore;
import org.circlekeeper.core.circle.CircleStores;
import org.circlekeeper.core.community.CommunitySettingsStore;
import org.circlekeeper.core.community.DepartureStore;
import org.circlekeeper.core.engine.ActionTokens;
import org.circlekeeper.core.engine.PendingForms;
import org.circlekeeper.core.member.ErasureFlush;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.message.DeliveryLog;
import org.circlekeeper.core.resource.ResourceStore;
import org.circlekeeper.core.schedule.JobQueue;
import org.circlekeeper.core.share.ShareStore;
import org.circlekeeper.core.template.WordingStore;

/**
 * Every store port the features need, implemented by Redis in production and in memory in tests, how an
 * erasure reaches the store's files on disk, and which communities removed the bot (and their erasure as a whole).
 */
public record Stores(MemberSettingsStore memberSettings, CommunitySettingsStore communitySettings,
                     WordingStore wording, ActionTokens tokens, PendingForms forms, JobQueue jobs,
                     ResourceStore resources, CircleStores circles, ShareStore share,
                     CheckinStore checkins, DeliveryLog deliveries, ErasureFlush erasure, DepartureStore departures) {

    /** Stores that keep nothing on disk, such as the in-memory ones: an erasure has no files to reach. */
    public Stores(MemberSettingsStore memberSettings, CommunitySettingsStore communitySettings,
                  WordingStore wording, ActionTokens tokens, PendingForms forms, JobQueue jobs,
                  ResourceStore resources, CircleStores circles, ShareStore share, CheckinStore checkins,
                  DeliveryLog deliveries, DepartureStore departures) {
        this(memberSettings, communitySettings, wording, tokens, forms, jobs, resources, circles, share, checkins,
                deliveries, ErasureFlush.NOTHING_ON_DISK, departures);
    }

    public Stores {
        Objects.requireNonNull(memberSettings, "memberSettings");
        Objects.requireNonNull(communitySettings, "communitySettings");
        Objects.requireNonNull(wording, "wording");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(forms, "forms");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(circles, "circles");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(checkins, "checkins");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(erasure, "erasure");
        Objects.requireNonNull(departures, "departures");
    }
}
