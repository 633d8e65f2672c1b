package org.circlekeeper.core.platform;

import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;

/**
 * Asks a platform, now, whether a member is an organiser of a community, decided exactly as chat decides the organiser
 * role on that platform. Used where no chat event carries the role, such as the organisers' page before every change.
 */
public interface OrganiserCheck {

    /** The platform's answer; {@link #UNKNOWN} when it could not be reached just now (chat then treats them as a member). */
    enum Answer { ORGANISER, NOT_ORGANISER, UNKNOWN }

    /** The platform this check asks. */
    Platform platform();

    /** Whether the member is an organiser of the community at this moment, as the platform says. */
    Answer ask(CommunityRef community, MemberRef member);
}
