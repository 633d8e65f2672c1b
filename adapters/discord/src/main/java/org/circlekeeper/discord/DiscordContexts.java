package org.circlekeeper.discord;

import java.util.Locale;
import java.util.Objects;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.template.Locales;

/**
 * Resolves who, where and with which role an event happened, as the core's {@link Context}: the
 * server is the community, a server channel is a group channel, a direct message is the member's
 * direct chat (its community settled by the engine), and organisers are members with Manage Server
 * or the role the server configured.
 */
final class DiscordContexts {

    private final DiscordSettings settings;

    DiscordContexts(DiscordSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The context of an event.
     *
     * @param guild   the server, or null in a direct message
     * @param member  the person as a server member, or null in a direct message
     * @param locale  the language the person's Discord client uses, or null when the event has none
     */
    Context context(User user, Member member, Guild guild, Channel channel, DiscordLocale locale) {
        String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
        MemberRef who = new MemberRef(Platform.DISCORD, user.getId(), name);
        if (guild == null) {
            return new Context(who, new ChannelRef(Platform.DISCORD, channel.getId(), ChannelRef.Kind.DIRECT),
                    CommunityRef.unresolved(Platform.DISCORD), Role.MEMBER, localeHint(locale));
        }
        return new Context(who, new ChannelRef(Platform.DISCORD, channel.getId(), ChannelRef.Kind.GROUP),
                new CommunityRef(Platform.DISCORD, guild.getId()), role(member), localeHint(locale));
    }

    /** Organiser: Manage Server (owners and administrators have it too) or the server's organiser role. */
    Role role(Member member) {
        if (member == null) {
            return Role.MEMBER;
        }
        if (member.hasPermission(Permission.MANAGE_SERVER)) {
            return Role.ORGANISER;
        }
        String roleId = settings.organiserRole(member.getGuild().getId());
        if (roleId != null && member.getRoles().stream().anyMatch(r -> r.getId().equals(roleId))) {
            return Role.ORGANISER;
        }
        return Role.MEMBER;
    }

    /** The client's language as a hint the core understands (es-ES and es-419 are both es); null if none. */
    static Locale localeHint(DiscordLocale locale) {
        if (locale == null || locale == DiscordLocale.UNKNOWN) {
            return null;
        }
        return Locales.supported(locale.getLocale()).orElse(Locale.forLanguageTag(locale.getLocale()));
    }
}
