package org.circlekeeper.core.checkin;

import org.circlekeeper.core.ref.CommunityRef;

/** Keeps each community's check-in prompt settings, as its organisers set them. */
public interface CheckinSettingsStore {

    /** The community's prompt settings, {@link CheckinSettings#OFF} until organisers set them. */
    CheckinSettings settings(CommunityRef community);

    void saveSettings(CommunityRef community, CheckinSettings settings);
}
