package org.circlekeeper.core.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.circle.CircleStore;
import org.circlekeeper.core.circle.EventLinkStore;
import org.circlekeeper.core.ref.CommunityRef;

/** Which platform event shows each circle, in memory with the same compare-and-set and bound as Redis; for tests only. */
public final class InMemoryEventLinkStore implements EventLinkStore, InMemoryDepartureStore.CommunityPart {

    private final Map<CommunityRef, Map<String, String>> links = new HashMap<>();

    @Override
    public synchronized Optional<String> find(CommunityRef community, String circleId) {
        return Optional.ofNullable(links.getOrDefault(community, Map.of()).get(circleId));
    }

    @Override
    public synchronized boolean replace(CommunityRef community, String circleId, String expected, String updated) {
        if (updated != null && updated.isBlank()) {
            throw new IllegalArgumentException("an event id is not blank");
        }
        Map<String, String> ofCommunity = links.computeIfAbsent(community, c -> new HashMap<>());
        String current = ofCommunity.get(circleId);
        if (!Objects.equals(current, expected)) {
            return false;
        }
        if (updated == null) {
            ofCommunity.remove(circleId);
            return true;
        }
        if (current == null && ofCommunity.size() >= CircleStore.MAX_CIRCLES) {
            return false;
        }
        ofCommunity.put(circleId, updated);
        return true;
    }

    /** Forgets which events showed the community's circles (its erasure as a whole). */
    @Override
    public synchronized void eraseCommunity(CommunityRef community) {
        links.remove(community);
    }

    /** The moved community's event links join the new id's, the moved one winning for the same circle. */
    @Override
    public synchronized void moveCommunity(CommunityRef from, CommunityRef to) {
        Map<String, String> moved = links.remove(from);
        if (moved != null) {
            links.computeIfAbsent(to, k -> new HashMap<>()).putAll(moved);
        }
    }
}
