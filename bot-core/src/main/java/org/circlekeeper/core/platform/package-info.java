/**
 * What a platform adapter keeps beside the features' stores, shared by every replica of the bot: which inbound
 * updates were handled ({@link org.circlekeeper.core.platform.UpdateLog}), a community's administrators as the
 * platform listed them ({@link org.circlekeeper.core.platform.RoleCache}), who cannot be written to privately
 * ({@link org.circlekeeper.core.platform.Reachability}), the shared send rate
 * ({@link org.circlekeeper.core.platform.SendBudget}) and the communities the bot was last seen in
 * ({@link org.circlekeeper.core.platform.Roster}). Ports only, implemented once (Redis in production), so no
 * adapter writes its own bridge and none reads a feature's store. A foundation floor: it imports only
 * {@code core.ref}.
 */
package org.circlekeeper.core.platform;
