package org.circlekeeper.core.testing;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.circle.Circle;
import org.circlekeeper.core.circle.CircleSettings;
import org.circlekeeper.core.circle.CircleStore;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;

/** Circles and circle settings in memory, with the same version check as Redis, for the core's unit tests only. */
public final class InMemoryCircleStore implements CircleStore, InMemoryDepartureStore.CommunityPart {

    private final Map<String, Map<String, Circle>> circles = new ConcurrentHashMap<>();
    private final Map<String, CircleSettings> settings = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> lost = new ConcurrentHashMap<>();

    private Map<String, Circle> of(CommunityRef community) {
        return circles.computeIfAbsent(community.key(), k -> new ConcurrentHashMap<>());
    }

    @Override
    public List<Circle> all(CommunityRef community) {
        return List.copyOf(of(community).values());
    }

    @Override
    public Optional<Circle> find(CommunityRef community, String circleId) {
        return Optional.ofNullable(of(community).get(circleId));
    }

    @Override
    public boolean add(CommunityRef community, Circle circle) {
        return of(community).putIfAbsent(circle.id(), circle) == null;
    }

    @Override
    public synchronized boolean replace(CommunityRef community, Circle updated) {
        Circle stored = of(community).get(updated.id());
        if (stored == null || stored.version() != updated.version() - 1) {
            return false;
        }
        of(community).put(updated.id(), updated);
        return true;
    }

    @Override
    public boolean remove(CommunityRef community, String circleId) {
        return of(community).remove(circleId) != null;
    }

    @Override
    public CircleSettings settings(CommunityRef community) {
        return settings.getOrDefault(community.key(), CircleSettings.DEFAULT);
    }

    @Override
    public void saveSettings(CommunityRef community, CircleSettings value) {
        settings.put(community.key(), value);
    }

    @Override
    public synchronized boolean markPlaceLost(CommunityRef community, String channelId) {
        Set<String> marked = lost.computeIfAbsent(community.key(), k -> new HashSet<>());
        return marked.size() < MAX_LOST_PLACES && marked.add(channelId);
    }

    @Override
    public synchronized void clearPlaceLost(CommunityRef community, String channelId) {
        lost.getOrDefault(community.key(), new HashSet<>()).remove(channelId);
    }

    /** Forgets the community's circles, settings and lost places (its erasure as a whole). */
    @Override
    public synchronized void eraseCommunity(CommunityRef community) {
        circles.remove(community.key());
        settings.remove(community.key());
        lost.remove(community.key());
    }

    /** The moved community's circles join the new id's (the moved one winning for the same id); its settings win. */
    @Override
    public synchronized void moveCommunity(CommunityRef from, CommunityRef to) {
        moveCommunity(from, to, Map.of(), Map.of());
    }

    /** As the other overload, and a circle whose channel is a key of {@code channels} is in its value now. */
    @Override
    public synchronized void moveCommunity(CommunityRef from, CommunityRef to, Map<String, String> jobIds,
                                           Map<ChannelRef, ChannelRef> channels) {
        Map<String, Circle> moved = circles.remove(from.key());
        if (moved != null) {
            moved.forEach((id, circle) -> of(to).put(id, channels.containsKey(circle.channel())
                    ? circle.withChannel(channels.get(circle.channel())) : circle));
        }
        CircleSettings movedSettings = settings.remove(from.key());
        if (movedSettings != null) {
            settings.put(to.key(), movedSettings);
        }
        Set<String> movedLost = lost.remove(from.key());
        if (movedLost != null) {
            lost.computeIfAbsent(to.key(), k -> ConcurrentHashMap.newKeySet()).addAll(movedLost);
        }
    }
}
