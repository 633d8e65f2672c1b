package org.circlekeeper.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.platform.RoleCache;
import org.circlekeeper.core.ref.CommunityRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatAdministrators;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;

/**
 * A group's administrators are its organisers. Their list comes from {@code getChatAdministrators},
 * cached in the shared {@link RoleCache} for a while and dropped when Telegram reports a change in
 * the group's members, so every replica asks Telegram at most once per group and TTL.
 */
final class Organisers {

    private static final Logger LOG = LoggerFactory.getLogger(Organisers.class);

    private final TelegramApi api;
    private final RoleCache roles;
    private final Duration ttl;
    private final AtomicLong changes = new AtomicLong();

    Organisers(TelegramApi api, RoleCache roles, Duration ttl) {
        this.api = Objects.requireNonNull(api, "api");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    /** The person's role in the group: organiser when Telegram lists them as an administrator (or the creator). */
    Role roleIn(CommunityRef group, String userId) {
        return admins(group).contains(userId) ? Role.ORGANISER : Role.MEMBER;
    }

    /**
     * The person's role from the list the update's claim read ahead ({@link UpdateClaims}), when one was cached then and no
     * group's administrators changed since; else as {@link #roleIn(CommunityRef, String)} finds it now.
     */
    Role roleIn(CommunityRef group, String userId, UpdateClaims.Prefetched prefetched) {
        if (prefetched.admins().isPresent() && prefetched.rolesSeen() == changes.get()) {
            return prefetched.admins().get().contains(userId) ? Role.ORGANISER : Role.MEMBER;
        }
        return roleIn(group, userId);
    }

    /**
     * How many changes of administrators this replica has been told of: a list read before a change (by an update's claim)
     * is not used after it. Counted once the cached list is dropped, so a read that precedes the drop is always caught.
     */
    long changes() {
        return changes.get();
    }

    /** Drops the cached list; the next look-up asks Telegram. */
    void changed(CommunityRef group) {
        try {
            roles.forget(group);
        } finally {
            changes.incrementAndGet();
        }
    }

    private Set<String> admins(CommunityRef group) {
        return listed(group).orElse(Set.of());
    }

    /**
     * The group's administrators' user ids, from the shared cache or else {@code getChatAdministrators}; none when
     * Telegram refuses (the bot is not in the group); empty when Telegram cannot be reached just now.
     */
    Optional<Set<String>> listed(CommunityRef group) {
        Optional<Set<String>> cached = roles.admins(group);
        if (cached.isPresent()) {
            return cached;
        }
        long chatId;
        try {
            chatId = Long.parseLong(group.communityId());
        } catch (NumberFormatException e) {
            return Optional.of(Set.of());
        }
        try {
            GetChatAdministrators request = GetChatAdministrators.builder().chatId(chatId).build();
            List<ChatMember> listed = api.call("getChatAdministrators", client -> client.execute(request));
            List<String> ids = new ArrayList<>();
            for (ChatMember admin : listed) {
                if (admin.getUser() != null && !Boolean.TRUE.equals(admin.getUser().getIsBot())) {
                    ids.add(Long.toString(admin.getUser().getId()));
                }
            }
            roles.put(group, ids, ttl);
            return Optional.of(Set.copyOf(ids));
        } catch (TelegramApi.Refused refused) {
            // the bot is not in the group (any more): nobody is an organiser there for it
            LOG.warn("getChatAdministrators refused ({}); treating everyone in that group as a member", refused.code());
            roles.put(group, List.of(), ttl);
            return Optional.of(Set.of());
        } catch (TelegramApi.Unavailable unavailable) {
            LOG.warn("getChatAdministrators failed; the administrators are unknown this time");
            return Optional.empty();
        }
    }
}
