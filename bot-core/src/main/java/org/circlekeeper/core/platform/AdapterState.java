package org.circlekeeper.core.platform;

import java.util.Objects;

/**
 * Everything one platform's adapter keeps beside the features' stores, in one value so that the application and
 * the adapter's tests hand over the same thing: its update log, role cache, reachability marks and send budget.
 */
public record AdapterState(UpdateLog updates, RoleCache roles, Reachability reachability, SendBudget budget) {

    public AdapterState {
        Objects.requireNonNull(updates, "updates");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(reachability, "reachability");
        Objects.requireNonNull(budget, "budget");
    }
}
