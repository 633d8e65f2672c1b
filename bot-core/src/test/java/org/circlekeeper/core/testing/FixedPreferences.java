package org.circlekeeper.core.testing;

import java.time.ZoneId;
import java.util.Locale;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.PreferenceResolver;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Preferences;

/** The same language and zone for everyone, for engine tests that need no settings. */
public final class FixedPreferences implements PreferenceResolver {

    private final Preferences preferences;

    public FixedPreferences(Locale locale, ZoneId zone) {
        this.preferences = new Preferences(locale, zone);
    }

    public static FixedPreferences englishUtc() {
        return new FixedPreferences(Locale.ENGLISH, ZoneId.of("UTC"));
    }

    @Override
    public Preferences resolve(Context context) {
        return preferences;
    }

    @Override
    public Preferences fallback(Context context) {
        return preferences;
    }

    @Override
    public Preferences resolve(CommunityRef community) {
        return preferences;
    }
}
