package org.circlekeeper.discord;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.platform.Roster;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;

/**
 * A {@link Roster} that lives as long as this process: right for tests and a bot without shared state, where it
 * starts empty, so a removal while the bot was offline goes unnoticed. The application hands the adapter the
 * Redis roster instead.
 */
final class ProcessRoster implements Roster {

    private final Map<Platform, Set<String>> ids = new ConcurrentHashMap<>();

    @Override
    public void present(CommunityRef community) {
        ids.computeIfAbsent(community.platform(), p -> ConcurrentHashMap.newKeySet()).add(community.communityId());
    }

    @Override
    public boolean absent(CommunityRef community) {
        Set<String> known = ids.get(community.platform());
        return known != null && known.remove(community.communityId());
    }

    @Override
    public Set<String> communities(Platform platform) {
        return Set.copyOf(ids.getOrDefault(platform, Set.of()));
    }
}
