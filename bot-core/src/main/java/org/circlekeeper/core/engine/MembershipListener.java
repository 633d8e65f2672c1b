package org.circlekeeper.core.engine;

/**
 * A feature that acts when a platform reports a change of membership ({@link MembershipEvent}); the engine hands
 * every such event to every feature that implements this.
 */
@FunctionalInterface
public interface MembershipListener {
    void onMembership(MembershipEvent event);
}
