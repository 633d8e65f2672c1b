package org.circlekeeper.core.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.community.CommunitySettings;
import org.circlekeeper.core.community.CommunitySettingsStore;
import org.circlekeeper.core.ref.CommunityRef;

/** Community settings in memory, for the core's unit tests only. */
public final class InMemoryCommunitySettingsStore implements CommunitySettingsStore, InMemoryDepartureStore.CommunityPart {

    private final Map<String, CommunitySettings> settings = new ConcurrentHashMap<>();

    @Override
    public CommunitySettings get(CommunityRef community) {
        return settings.getOrDefault(community.key(), CommunitySettings.NONE);
    }

    @Override
    public void save(CommunityRef community, CommunitySettings value) {
        settings.put(community.key(), value);
    }

    /** Forgets the community's settings (its erasure as a whole). */
    @Override
    public void eraseCommunity(CommunityRef community) {
        settings.remove(community.key());
    }

    /** The moved community's settings win over any the new id had. */
    @Override
    public void moveCommunity(CommunityRef from, CommunityRef to) {
        CommunitySettings moved = settings.remove(from.key());
        if (moved != null) {
            settings.put(to.key(), moved);
        }
    }
}
