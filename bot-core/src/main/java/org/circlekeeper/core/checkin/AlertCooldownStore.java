package org.circlekeeper.core.checkin;

import java.time.Duration;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/** Keeps the pause after a member's buddy was alerted, so that a buddy hears at most once in a while. */
public interface AlertCooldownStore {

    /** Starts the buddy-alert cooldown unless one runs: true when it started (the caller may alert). Atomic. */
    boolean startAlertCooldown(CommunityRef community, MemberRef member, Duration length);
}
