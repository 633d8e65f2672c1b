package org.circlekeeper.core.member;

import org.circlekeeper.core.engine.MemberRef;

/** Keeps each member's own settings (one record per person and platform, across communities). */
public interface MemberSettingsStore {

    /** The member's settings, {@link MemberSettings#NONE} when they set nothing. */
    MemberSettings get(MemberRef member);

    /** Saves the settings; saving empty settings removes the record. */
    void save(MemberRef member, MemberSettings settings);

    void delete(MemberRef member);
}
