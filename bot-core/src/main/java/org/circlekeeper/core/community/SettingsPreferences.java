package org.circlekeeper.core.community;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.PreferenceResolver;
import org.circlekeeper.core.member.MemberSettings;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Preferences;
import org.circlekeeper.core.template.Locales;

/**
 * Weighs the settings: the member's own choice, then what the platform says of them (language
 * only), then the community's, then the deployment's defaults.
 */
public final class SettingsPreferences implements PreferenceResolver {

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
     * Settles a direct chat's unresolved community to the group the member last used the bot in. It only
     * reads: a member who never used a feature has no record, and reading does not make one.
     */
    @Override
    public PreferenceResolver.Settled settle(Context context) {
        MemberSettings own = members.get(context.member());
        Context settled = context;
        if (context.channel().isDirect() && context.community().isUnresolved() && own.communitySetting().isPresent()) {
            settled = context.inCommunity(new CommunityRef(context.community().platform(), own.community()));
        }
        return new PreferenceResolver.Settled(settled, preferences(settled, own));
    }

    /** The group the member last used the bot in, as {@link #settle} settles their direct chat to it. */
    @Override
    public Optional<CommunityRef> home(MemberRef member) {
        return members.get(member).communitySetting().map(group -> new CommunityRef(member.platform(), group));
    }

    /**
     * Remembers the group the member just used a feature in (a write only when it changed). The store keeps it
     * for {@link MemberSettingsStore#HOME_KEPT} at most, as it is not a choice the member made.
     */
    @Override
    public void remember(Context context) {
        if (context.channel().isDirect() || context.community().isUnresolved()) {
            return;
        }
        MemberSettings own = members.get(context.member());
        if (!context.community().communityId().equals(own.community())) {
            members.save(context.member(), own.withCommunity(context.community().communityId()));
        }
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
