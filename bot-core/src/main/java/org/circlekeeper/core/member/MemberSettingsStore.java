package org.circlekeeper.core.member;

import java.time.Duration;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.StoreKey;

/**
 * Keeps each member's own settings (one record per person and platform, across communities). The zone,
 * language and country are the member's choices and stay until they change or erase them; the community
 * (the group they last used the bot in) is not a choice, so a store keeps it for {@link #HOME_KEPT} at most
 * after it was last set.
 */
public interface MemberSettingsStore {

    /** This store's name among the bot's stores. */
    StoreKey<MemberSettingsStore> KEY = StoreKey.of("memberSettings", MemberSettingsStore.class);

    /** How long the group a member last used the bot in is kept after it was set (unless set again). */
    Duration HOME_KEPT = Duration.ofDays(90);

    /** The member's settings, {@link MemberSettings#NONE} when they set nothing. */
    MemberSettings get(MemberRef member);

    /** Saves the settings; saving empty settings removes the record. */
    void save(MemberRef member, MemberSettings settings);

    void delete(MemberRef member);
}
