package org.circlekeeper.core.community;

import java.time.Instant;
import java.util.Optional;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.StoreKey;

/**
 * Keeps which communities removed the bot, and since when, and erases a community whole: what the bot needs to stop
 * speaking in a group or server that removed it, keep its data through a grace period and erase it after.
 */
public interface DepartureStore {

    /** This store's name among the bot's stores. */
    StoreKey<DepartureStore> KEY = StoreKey.of("departures", DepartureStore.class);

    /** When the bot was removed from the community, if it is away from it now. */
    Optional<Instant> departedAt(CommunityRef community);

    /** Notes that the bot was removed at {@code at} unless a removal is noted already (the first counts); true when noted now. */
    boolean markDeparted(CommunityRef community, Instant at);

    /** The bot is in the community again: forgets the removal; true when there was one. */
    boolean clearDeparted(CommunityRef community);

    /**
     * Erases every record the stores keep for the community (settings, wording, circles, answers, reminder choices,
     * the calendar feed and its token, event links, check-in settings and the pulse's activity, the share circle,
     * resources, safety settings, the removal mark itself) and every member's index entry that points to them.
     * Members' own records (their check-ins, their settings) are theirs and stay. Safe to run again.
     */
    void eraseCommunity(CommunityRef community);
}
