package org.circlekeeper.core.member;

import java.time.ZoneId;
import java.util.Locale;
import org.circlekeeper.core.community.CommunitySettings;
import org.circlekeeper.core.community.CommunitySettingsStore;
import org.circlekeeper.core.engine.CommunityRef;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Preferences;
import org.circlekeeper.core.template.Locales;

/**
 * Weighs the settings: the member's own choice, then what the platform says of them (language
 * only), then the community's, then the deployment's defaults.
 */
public final class SettingsPreferences implements Preferences.Resolver {

    private final MemberSettingsStore members;
    private final CommunitySettingsStore communities;
    private final Locale defaultLocale;
    private final ZoneId defaultZone;

    public SettingsPreferences(MemberSettingsStore members, CommunitySettingsStore communities,
                               Locale defaultLocale, ZoneId defaultZone) {
        this.members = members;
        this.communities = communities;
        this.defaultLocale = Locales.supported(defaultLocale).orElse(Locales.ENGLISH);
        this.defaultZone = defaultZone;
    }

    @Override
    public Preferences resolve(Context context) {
        MemberSettings own = members.get(context.member());
        CommunitySettings community = communities.get(context.community());
        Locale locale = own.languageSetting()
                .or(() -> context.locale().flatMap(Locales::supported))
                .or(community::languageSetting)
                .orElse(defaultLocale);
        ZoneId zone = own.zoneSetting().or(community::zoneSetting).orElse(defaultZone);
        return new Preferences(locale, zone);
    }

    @Override
    public Preferences resolve(CommunityRef community) {
        CommunitySettings settings = communities.get(community);
        return new Preferences(settings.languageSetting().orElse(defaultLocale), settings.zoneSetting().orElse(defaultZone));
    }
}
