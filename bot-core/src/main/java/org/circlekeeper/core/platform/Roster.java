package org.circlekeeper.core.platform;

import java.util.Set;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;

/**
 * The communities a platform last showed the bot to be in, kept for every replica: a platform that tells of a
 * removal only while the bot is connected (Discord's {@code GUILD_DELETE}) simply leaves a community out of its list
 * when the bot connects again, so what was here and is missing then was removed while the bot was offline.
 */
public interface Roster {

    /** Notes that the bot is in the community. */
    void present(CommunityRef community);

    /** Forgets the community: the bot was removed from it. True when it was noted. */
    boolean absent(CommunityRef community);

    /** The ids of the platform's communities the bot was last seen in. */
    Set<String> communities(Platform platform);
}
