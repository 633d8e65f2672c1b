package org.circlekeeper.core.community;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.StoreKey;
import org.circlekeeper.core.schedule.JobMove;

/**
 * Keeps which communities removed the bot, and since when, and erases or moves a community whole: what the bot needs to
 * stop speaking in a group or server that removed it, keep its data through a grace period and erase it after, and
 * follow a group whose id changed.
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

    /**
     * Moves everything the community {@code from} owns to {@code to}, its new id on the same platform: every record
     * {@link #eraseCommunity} would erase (settings, wording, circles, answers, reminder choices, the calendar feed and
     * its token, check-in settings, the share circle's settings, resources, the cached administrators, a removal mark),
     * the members' index entries that point to them, members' check-in records of the community (profile, with a
     * planned prompt {@code jobs} re-keys named by its new id, check-ins, journey, waiting line, cooldown, buddy entry),
     * and the due jobs {@code jobs} re-keys, each at the due time it comes back with. Records keyed by the member alone stay.
     *
     * <p>Atomic and once: the store keeps a marker ({@code from} moved to {@code to}), so a later call for the same
     * move (the other service message, a failed send, another replica) changes nothing, and a call made while another
     * is moving waits for it. While a job of {@code from} is being run the move waits for it to finish, so a due
     * reminder goes out once, before or after the move, never both. When {@code to} holds data already (the bot was used
     * there first) both are kept and, where both hold the same record (a setting, a circle of the same id, one
     * wording), the moved one wins.
     *
     * @return true when this call moved the community, false when it had been moved already
     */
    default boolean moveCommunity(CommunityRef from, CommunityRef to, JobMove jobs) {
        return moveCommunity(from, to, jobs, Map.of());
    }

    /**
     * As {@link #moveCommunity(CommunityRef, CommunityRef, JobMove)}, and every stored channel that is a key of
     * {@code channels} (a circle's channel, the check-in and safety alert channels, a member's waiting check-in line) is
     * rewritten to its value. A share circle's rooms keep their channel (README: start it again in the new chat).
     */
    boolean moveCommunity(CommunityRef from, CommunityRef to, JobMove jobs, Map<ChannelRef, ChannelRef> channels);
}
