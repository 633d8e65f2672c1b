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
        return preferences(context, members.get(context.member()));
    }

    /**
     * Settles a direct chat's unresolved community to the group the member last used the bot in,
     * and remembers the group when they act in one (a write only when it changed).
     */
    @Override
    public Preferences.Settled settle(Context context) {
        MemberSettings own = members.get(context.member());
        Context settled = context;
        if (context.channel().isDirect()) {
            if (context.community().isUnresolved() && own.communitySetting().isPresent()) {
                settled = context.inCommunity(new CommunityRef(context.community().platform(), own.community()));
            }
        } else if (!context.community().isUnresolved() && !context.community().communityId().equals(own.community())) {
            own = own.withCommunity(context.community().communityId());
            members.save(context.member(), own);
        }
        return new Preferences.Settled(settled, preferences(settled, own));
    }

    private Preferences preferences(Context context, MemberSettings own) {
        CommunitySettings community = communities.get(context.community());
        Locale locale = own.languageSetting()
                .or(() -> context.locale().flatMap(Locales::supported))
                .or(community::languageSetting)
                .orElse(defaultLocale);
        ZoneId zone = own.zoneSetting().or(community::zoneSetting).orElse(defaultZone);
        return new Preferences(locale, zone);
    }

    @Override
    public Preferences fallback(Context context) {
        return new Preferences(context.locale().flatMap(Locales::supported).orElse(defaultLocale), defaultZone);
    }

    @Override
    public Preferences resolve(CommunityRef community) {
        CommunitySettings settings = communities.get(community);
        return new Preferences(settings.languageSetting().orElse(defaultLocale), settings.zoneSetting().orElse(defaultZone));
    }
}
