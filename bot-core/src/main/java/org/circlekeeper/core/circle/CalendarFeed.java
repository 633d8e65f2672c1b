package org.circlekeeper.core.circle;

import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.FeaturePort;

/**
 * The address of a community's subscribable calendar as {@code /circle feed} gives it to organisers (the organisers'
 * page shows it): the path under the bot's web address, made on first use as chat makes it. Renewing it is
 * {@code /circle feed rotate}, through the engine.
 */
@FeaturePort
public interface CalendarFeed {

    /** The path of the community's feed, {@code /calendar/<token>.ics}; a secret: never logged. */
    String path(CommunityRef community);
}
