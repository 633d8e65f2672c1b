package org.circlekeeper.core.community;

import org.circlekeeper.core.ref.CommunityRef;

/** Keeps each community's defaults. */
public interface CommunitySettingsStore {

    /** The community's settings, {@link CommunitySettings#NONE} when its organisers set nothing. */
    CommunitySettings get(CommunityRef community);

    void save(CommunityRef community, CommunitySettings settings);
}
