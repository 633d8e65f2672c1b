package org.circlekeeper.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;

/** The people of the month simulation: its communities and their members, as the engine sees them. */
final class People {

    private People() {
    }

    /** One simulated community: its ref, group channel, organiser and members. */
    record Community(int index, CommunityRef ref, ChannelRef group, Member organiser, List<Member> members,
                     Map<String, Member> byName) {
    }

    /** One person: their ref, and where they speak. */
    record Member(MemberRef ref, Context inGroup, Context inDirect) {

        /** A console member of the community, in its group channel and in a direct chat of their own. */
        static Member of(CommunityRef community, ChannelRef group, String userId, String name, Role role) {
            MemberRef ref = new MemberRef(Platform.CONSOLE, userId, name);
            ChannelRef direct = new ChannelRef(Platform.CONSOLE, "dm:" + userId, ChannelRef.Kind.DIRECT);
            return new Member(ref, new Context(ref, group, community, role, Locale.ENGLISH),
                    new Context(ref, direct, community, role, Locale.ENGLISH));
        }

        String name() {
            return ref.displayName();
        }
    }
}
