package org.circlekeeper.discord;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.platform.OrganiserCheck;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a member organises a server now, decided as chat decides it ({@link DiscordContexts#role}): Manage Server
 * (which owners and administrators have) or the server's configured organiser role. The member is always fetched
 * afresh ("Get Guild Member", {@code GET /guilds/{guild.id}/members/{user.id}}, API reference, Resources, Guild), since
 * without the Server Members intent a cached member's roles are not kept current. A server in this replica's cache is
 * read through JDA with its cached roles; a server another replica's shard carries is read through the REST API alone:
 * "Get Guild" gives its owner and roles, and the member's permissions are computed as "Permissions", "Permission
 * Hierarchy" (Topics) lays out: the owner has all; otherwise {@code @everyone}'s permissions (the role whose id is the
 * server's) OR those of each of the member's roles, ADMINISTRATOR meaning all. Someone who is not a member (JSON error
 * 10007 Unknown Member) of a server the bot is in (else 10004 or 50001) is no organiser; any other failure leaves the
 * answer unknown.
 */
final class DiscordOrganisers implements OrganiserCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordOrganisers.class);
    /** "Bitwise Permission Flags": ADMINISTRATOR (1 << 3) and MANAGE_GUILD (1 << 5). */
    private static final long ADMINISTRATOR = 1L << 3;
    private static final long MANAGE_GUILD = 1L << 5;
    /** "JSON Error Codes": 10007 Unknown Member, 10004 Unknown Guild, 50001 Missing Access. */
    private static final Set<ErrorResponse> GONE = EnumSet.of(ErrorResponse.UNKNOWN_MEMBER, ErrorResponse.UNKNOWN_GUILD,
            ErrorResponse.MISSING_ACCESS);

    private final Supplier<ShardManager> shards;
    private final DiscordSettings settings;
    private final DiscordContexts contexts;

    DiscordOrganisers(Supplier<ShardManager> shards, DiscordSettings settings) {
        this.shards = Objects.requireNonNull(shards, "shards");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.contexts = new DiscordContexts(settings);
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public Answer ask(CommunityRef community, MemberRef member) {
        if (community.platform() != Platform.DISCORD || member.platform() != Platform.DISCORD
                || !snowflake(community.communityId()) || !snowflake(member.userId())) {
            return Answer.NOT_ORGANISER;
        }
        ShardManager manager = shards.get();
        if (manager == null) {
            throw new IllegalStateException("the Discord connection is not started yet");
        }
        try {
            Guild guild = manager.getGuildById(community.communityId());
            boolean organiser;
            if (guild != null) {
                Member fresh = guild.retrieveMemberById(member.userId()).useCache(false).complete();
                organiser = contexts.role(fresh) == Role.ORGANISER;
            } else {
                organiser = remote(anyShard(manager), community.communityId(), member.userId());
            }
            return organiser ? Answer.ORGANISER : Answer.NOT_ORGANISER;
        } catch (ErrorResponseException e) {
            // not a member, or a server the bot is not in (or no longer knows): nobody organises it for the bot
            if (GONE.contains(e.getErrorResponse())) {
                return Answer.NOT_ORGANISER;
            }
            LOG.warn("Discord did not say whether a member organises a server (error {}); the answer is unknown", e.getErrorCode());
            return Answer.UNKNOWN;
        } catch (RuntimeException e) {
            LOG.warn("Discord could not be asked whether a member organises a server ({}); the answer is unknown",
                    e.getClass().getSimpleName());
            return Answer.UNKNOWN;
        }
    }

    private boolean remote(JDA jda, String guildId, String userId) {
        DataObject member = get(jda, Route.Guilds.GET_MEMBER.compile(guildId, userId));
        DataObject guild = get(jda, Route.Guilds.GET_GUILD.compile(guildId));
        if (userId.equals(guild.getString("owner_id", ""))) {
            return true;
        }
        Set<String> roles = new HashSet<>();
        DataArray held = member.getArray("roles");
        for (int i = 0; i < held.length(); i++) {
            roles.add(held.getString(i));
        }
        String organiserRole = settings.organiserRole(guildId);
        if (organiserRole != null && roles.contains(organiserRole)) {
            return true;
        }
        long permissions = 0;
        DataArray all = guild.getArray("roles");
        for (int i = 0; i < all.length(); i++) {
            DataObject role = all.getObject(i);
            String id = role.getString("id");
            if (id.equals(guildId) || roles.contains(id)) {
                permissions |= Long.parseUnsignedLong(role.getString("permissions", "0"));
            }
        }
        return (permissions & (ADMINISTRATOR | MANAGE_GUILD)) != 0;
    }

    private static DataObject get(JDA jda, Route.CompiledRoute route) {
        return new RestActionImpl<DataObject>(jda, route, (response, request) -> response.getObject()).complete();
    }

    private static JDA anyShard(ShardManager manager) {
        return manager.getShardCache().stream().min(Comparator.comparingInt(jda -> jda.getShardInfo().getShardId()))
                .orElseThrow(() -> new IllegalStateException("no Discord shard is running on this replica"));
    }

    private static boolean snowflake(String id) {
        return id.matches("\\d{1,20}");
    }
}
