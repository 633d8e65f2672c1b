package org.circlekeeper.core.share;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.StoreKey;

/**
 * Keeps the share circle's state. A session and a room's chair rotation are versioned values that
 * change only by compare-and-set, atomically even across replicas: {@link #update} stores a version
 * only while the one it was computed from is the current one. Redis in production (each change one
 * Lua script); in memory in tests.
 */
public interface ShareStore {

    /** This store's name among the bot's stores. */
    StoreKey<ShareStore> KEY = StoreKey.of("share", ShareStore.class);

    /** How long a session is kept after its last change; one nobody touched that long is gone. */
    Duration LIVE_TTL = Duration.ofHours(12);
    /** How long a chair rotation (an open question, an accepted chair) is kept after its last change. */
    Duration ROTATION_TTL = Duration.ofDays(60);
    /** How many ended sessions' counts a community keeps. */
    int HISTORY_KEPT = 50;

    /** The session running in the room, if one does. */
    Optional<ShareSession> live(ShareRoom room);

    /** Stores a new session at version 1; false (and nothing changed) when one already runs in the room. */
    boolean start(ShareRoom room, ShareSession session);

    /** Stores the next version; false (and nothing changed) when the stored one is not {@code next.version() - 1} or is gone. */
    boolean update(ShareRoom room, ShareSession next);

    /**
     * Ends the session: removes it and keeps its summary, in one step; false (and nothing changed) when the stored
     * session is not at {@code version} any more or is gone.
     */
    boolean finish(ShareRoom room, long version, SessionSummary summary);

    /** The most recent ended sessions of the community, newest first. */
    List<SessionSummary> history(CommunityRef community, int max);

    /** The room's chair rotation; {@link ChairRotation#NONE} when there is none. */
    ChairRotation rotation(ShareRoom room);

    /** Stores the next rotation; false (and nothing changed) when the stored one is not at {@code next.version() - 1}. */
    boolean saveRotation(ShareRoom room, ChairRotation next);

    /** The community's volunteers to chair, in no particular order. */
    List<Volunteer> volunteers(CommunityRef community);

    /** Adds or replaces a volunteer (by member key). */
    void saveVolunteer(CommunityRef community, Volunteer volunteer);

    /** Takes a member off the volunteers; false when they were not on it. */
    boolean removeVolunteer(CommunityRef community, String memberKey);

    ShareSettings settings(CommunityRef community);

    void saveSettings(CommunityRef community, ShareSettings settings);

    /**
     * Counts one more share without a name by the member and returns how many they made in the window: a counter
     * that expires, linked to no session and no text.
     */
    long countAnonymous(MemberRef member, Duration window);

    /** Notes that the member is part of something in the room (a session, a rotation, volunteering), for /mydata and /forgetme. */
    void remember(MemberRef member, ShareRoom room);

    /** The rooms {@link #remember} noted for the member. */
    Set<ShareRoom> rooms(MemberRef member);

    /** Forgets the member's rooms and their counter of shares without a name. */
    void forget(MemberRef member);
}
