package org.circlekeeper.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.platform.OrganiserCheck;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;

/**
 * The console's own platform role list: who was played as organiser or member with {@code :as}, in the console's one
 * community. Chat reads it for every line typed; as an {@link OrganiserCheck} it answers the organisers' page the same
 * way, from another thread, so {@code :as olivia member} takes the role away from the page too. Safe across threads.
 */
public final class ConsoleRoles implements OrganiserCheck {

    private final String communityId;
    private final Map<String, Role> roles = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    public ConsoleRoles(String communityId) {
        this.communityId = communityId;
    }

    /** The console's one community. */
    CommunityRef community() {
        return new CommunityRef(Platform.CONSOLE, communityId);
    }

    /** Sets the person's role (by user id). */
    void put(String userId, Role role) {
        synchronized (order) {
            if (roles.put(userId, role) == null) {
                order.add(userId);
            }
        }
    }

    /** The person's role, or null when they were never played. */
    Role get(String userId) {
        return roles.get(userId);
    }

    /** The person's role, or the given one when they were never played. */
    Role getOrDefault(String userId, Role otherwise) {
        return roles.getOrDefault(userId, otherwise);
    }

    /** The user ids of the people played so far, in order. */
    List<String> people() {
        synchronized (order) {
            return List.copyOf(order);
        }
    }

    @Override
    public Platform platform() {
        return Platform.CONSOLE;
    }

    /** An organiser: played last with the organiser role, in this console's community. */
    @Override
    public Answer ask(CommunityRef community, MemberRef member) {
        return community.equals(community()) && member.platform() == Platform.CONSOLE
                && roles.get(member.userId()) == Role.ORGANISER ? Answer.ORGANISER : Answer.NOT_ORGANISER;
    }
}
