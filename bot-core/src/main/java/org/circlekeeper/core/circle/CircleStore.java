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

    /** The community's settings, {@link CircleSettings#DEFAULT} when its organisers set nothing. */
    CircleSettings settings(CommunityRef community);

    void saveSettings(CommunityRef community, CircleSettings settings);
}
