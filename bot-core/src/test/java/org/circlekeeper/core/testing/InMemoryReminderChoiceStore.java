package org.circlekeeper.core.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.circle.ReminderChoice;
import org.circlekeeper.core.circle.ReminderChoiceStore;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/** Members' reminder choices in memory, by community with a per-member index as in Redis; for the core's unit tests only. */
public final class InMemoryReminderChoiceStore implements ReminderChoiceStore, InMemoryDepartureStore.CommunityPart {

    private final Map<CommunityRef, Map<String, ReminderChoice>> byCommunity = new ConcurrentHashMap<>();
    private final Map<String, Set<CommunityRef>> byMember = new ConcurrentHashMap<>();

    @Override
    public ReminderChoice get(CommunityRef community, MemberRef member) {
        return byCommunity.getOrDefault(community, Map.of()).getOrDefault(member.key(), ReminderChoice.NONE);
    }

    @Override
    public synchronized void save(CommunityRef community, MemberRef member, ReminderChoice choice) {
        if (choice.isEmpty()) {
            byCommunity.getOrDefault(community, new ConcurrentHashMap<>()).remove(member.key());
            byMember.getOrDefault(member.key(), ConcurrentHashMap.newKeySet()).remove(community);
            return;
        }
        byCommunity.computeIfAbsent(community, k -> new ConcurrentHashMap<>()).put(member.key(), choice);
        byMember.computeIfAbsent(member.key(), k -> ConcurrentHashMap.newKeySet()).add(community);
    }

    @Override
    public Map<MemberRef, ReminderChoice> all(CommunityRef community) {
        Map<MemberRef, ReminderChoice> out = new LinkedHashMap<>();
        byCommunity.getOrDefault(community, Map.of()).forEach((key, choice) -> {
            int colon = key.indexOf(':');
            out.put(new MemberRef(community.platform(), key.substring(colon + 1), null), choice);
        });
        return out;
    }

    @Override
    public Map<CommunityRef, ReminderChoice> ofMember(MemberRef member) {
        Map<CommunityRef, ReminderChoice> out = new LinkedHashMap<>();
        for (CommunityRef community : byMember.getOrDefault(member.key(), Set.of())) {
            ReminderChoice choice = get(community, member);
            if (!choice.isEmpty()) {
                out.put(community, choice);
            }
        }
        return out;
    }

    @Override
    public synchronized void eraseMember(MemberRef member) {
        Set<CommunityRef> communities = byMember.remove(member.key());
        if (communities != null) {
            communities.forEach(c -> byCommunity.getOrDefault(c, new ConcurrentHashMap<>()).remove(member.key()));
        }
    }

    /** Forgets every choice in the community and the members' index entries (its erasure as a whole). */
    @Override
    public synchronized void eraseCommunity(CommunityRef community) {
        byCommunity.remove(community);
        byMember.values().forEach(communities -> communities.remove(community));
    }

    /** The moved community's choices join the new id's (the moved one winning for the same member), and members' indexes follow. */
    @Override
    public synchronized void moveCommunity(CommunityRef from, CommunityRef to) {
        Map<String, ReminderChoice> moved = byCommunity.remove(from);
        if (moved != null) {
            byCommunity.computeIfAbsent(to, k -> new ConcurrentHashMap<>()).putAll(moved);
        }
        for (Set<CommunityRef> communities : byMember.values()) {
            if (communities.remove(from)) {
                communities.add(to);
            }
        }
    }
}
