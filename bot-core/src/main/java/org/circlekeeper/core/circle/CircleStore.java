package org.circlekeeper.core.circle;

import java.util.List;
import java.util.Optional;
import org.circlekeeper.core.ref.CommunityRef;

/**
 * Keeps each community's circles and its circle settings. A community has at most
 * {@link #MAX_CIRCLES} circles, cancelled ones included; changes are compare-and-set on the
 * circle's version so that two organisers (or two replicas) cannot overwrite each other.
 */
public interface CircleStore {

    int MAX_CIRCLES = 50;

    /** Every circle of the community, cancelled ones included, in no particular order. */
    List<Circle> all(CommunityRef community);

    Optional<Circle> find(CommunityRef community, String circleId);

    /** Adds a new circle; false (and nothing changed) when its id is taken. */
    boolean add(CommunityRef community, Circle circle);

    /**
     * Replaces a circle with its next version; false (and nothing changed) when the stored circle is
     * not at {@code updated.version() - 1} any more, or is gone.
     */
    boolean replace(CommunityRef community, Circle updated);

    /** Removes a circle for good (a long-cancelled one making room); false when there was none. */
    boolean remove(CommunityRef community, String circleId);

    /** How many lost places {@link #markPlaceLost} remembers per community: two per circle. */
    int MAX_LOST_PLACES = 2 * MAX_CIRCLES;

    /**
     * Remembers that organisers were told that the channel ({@code channelId}) is gone or out of the bot's reach;
     * true when it is marked now, false when it was marked already (or {@link #MAX_LOST_PLACES} are), so they are
     * told once.
     */
    boolean markPlaceLost(CommunityRef community, String channelId);

    /** The channel works again (a message went out there): a later loss is told again. */
    void clearPlaceLost(CommunityRef community, String channelId);

    /** The community's settings, {@link CircleSettings#DEFAULT} when its organisers set nothing. */
    CircleSettings settings(CommunityRef community);

    void saveSettings(CommunityRef community, CircleSettings settings);
}
