package org.circlekeeper.core.platform;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;

/**
 * The running platforms' {@link OrganiserCheck}s, one per platform, as the app wires them. A member of a platform with
 * no check here is no organiser: nothing can confirm the role, so nothing an organiser may do is allowed.
 */
public final class OrganiserChecks {

    private final Map<Platform, OrganiserCheck> checks = new EnumMap<>(Platform.class);

    public OrganiserChecks(Collection<OrganiserCheck> checks) {
        for (OrganiserCheck check : checks) {
            if (this.checks.put(check.platform(), check) != null) {
                throw new IllegalArgumentException("two organiser checks for " + check.platform().id());
            }
        }
    }

    /** Whether the member is an organiser of the community now, asked of the community's platform. */
    public OrganiserCheck.Answer ask(CommunityRef community, MemberRef member) {
        OrganiserCheck check = checks.get(community.platform());
        if (check == null || community.platform() != member.platform()) {
            return OrganiserCheck.Answer.NOT_ORGANISER;
        }
        return check.ask(community, member);
    }
}
