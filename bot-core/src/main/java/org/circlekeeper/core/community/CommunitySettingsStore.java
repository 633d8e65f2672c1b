package org.circlekeeper.core.community;

import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.StoreKey;

/** Keeps each community's defaults. */
public interface CommunitySettingsStore {

    /** This store's name among the bot's stores. */
    StoreKey<CommunitySettingsStore> KEY = StoreKey.of("communitySettings", CommunitySettingsStore.class);

    /** The community's settings, {@link CommunitySettings#NONE} when its organisers set nothing. */
    CommunitySettings get(CommunityRef community);

    void save(CommunityRef community, CommunitySettings settings);
}
