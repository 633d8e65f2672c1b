package org.circlekeeper.core.ref;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/** The language and time zone to use for one person in one community, after all settings are weighed. */
public record Preferences(Locale locale, ZoneId zone) {

    public Preferences {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(zone, "zone");
    }

    /** Preferences for whom the bot writes to first: a whole community, or one member of it. */
    public interface Lookup {

        /** For the whole community (messages to a group channel). */
        Preferences resolve(CommunityRef community);

        /** For one member in a community when the bot writes first (a private reminder). */
        Preferences resolve(MemberRef member, CommunityRef community);
    }
}
