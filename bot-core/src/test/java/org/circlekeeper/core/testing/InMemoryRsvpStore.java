package org.circlekeeper.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.circle.MemberRsvp;
import org.circlekeeper.core.circle.OccurrenceRef;
import org.circlekeeper.core.circle.Rsvp;
import org.circlekeeper.core.circle.RsvpStore;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * Answers in memory, laid out as in Redis (one map per meeting, a per-member index), expiring on the
 * given clock; for the core's unit tests only.
 */
public final class InMemoryRsvpStore implements RsvpStore, InMemoryDepartureStore.CommunityPart {

    private record Entry(Rsvp rsvp, Instant expires) {
    }

    private record Where(CommunityRef community, OccurrenceRef occurrence) {
    }

    private final Clock clock;
    private final Map<Where, Map<String, Entry>> byMeeting = new ConcurrentHashMap<>();
    private final Map<String, Set<Where>> byMember = new ConcurrentHashMap<>();

    public InMemoryRsvpStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void put(CommunityRef community, OccurrenceRef occurrence, MemberRef member, Rsvp rsvp, Instant expires) {
        Where where = new Where(community, occurrence);
        byMeeting.computeIfAbsent(where, k -> new ConcurrentHashMap<>()).put(member.key(), new Entry(rsvp, expires));
        byMember.computeIfAbsent(member.key(), k -> ConcurrentHashMap.newKeySet()).add(where);
    }

    @Override
    public synchronized Optional<Rsvp> get(CommunityRef community, OccurrenceRef occurrence, MemberRef member) {
        Entry entry = byMeeting.getOrDefault(new Where(community, occurrence), Map.of()).get(member.key());
        return live(entry) ? Optional.of(entry.rsvp()) : Optional.empty();
    }

    @Override
    public synchronized Map<MemberRef, Rsvp> answers(CommunityRef community, OccurrenceRef occurrence) {
        Map<MemberRef, Rsvp> out = new LinkedHashMap<>();
        byMeeting.getOrDefault(new Where(community, occurrence), Map.of()).forEach((key, entry) -> {
            if (live(entry)) {
                int colon = key.indexOf(':');
                out.put(new MemberRef(community.platform(), key.substring(colon + 1), null), entry.rsvp());
            }
        });
        return out;
    }

    @Override
    public synchronized List<MemberRsvp> ofMember(MemberRef member) {
        List<MemberRsvp> out = new ArrayList<>();
        for (Where where : byMember.getOrDefault(member.key(), Set.of())) {
            Entry entry = byMeeting.getOrDefault(where, Map.of()).get(member.key());
            if (live(entry)) {
                out.add(new MemberRsvp(where.community(), where.occurrence(), entry.rsvp()));
            }
        }
        return out;
    }

    @Override
    public synchronized void eraseMember(MemberRef member) {
        Set<Where> wheres = byMember.remove(member.key());
        if (wheres != null) {
            wheres.forEach(where -> byMeeting.getOrDefault(where, new ConcurrentHashMap<>()).remove(member.key()));
        }
    }

    /** How many answers are stored, expired ones included: to prove an erasure left nothing behind. */
    public synchronized int size() {
        return byMeeting.values().stream().mapToInt(Map::size).sum();
    }

    private boolean live(Entry entry) {
        return entry != null && entry.expires().isAfter(clock.instant());
    }

    @Override
    public synchronized void eraseMember(MemberRef member, CommunityRef community) {
        Set<Where> wheres = byMember.getOrDefault(member.key(), Set.of());
        for (Where where : List.copyOf(wheres)) {
            if (where.community().equals(community)) {
                byMeeting.getOrDefault(where, new ConcurrentHashMap<>()).remove(member.key());
                wheres.remove(where);
            }
        }
    }

    /** Forgets every answer in the community and the members' index entries pointing to them (its erasure as a whole). */
    @Override
    public synchronized void eraseCommunity(CommunityRef community) {
        byMeeting.keySet().removeIf(where -> where.community().equals(community));
        byMember.values().forEach(wheres -> wheres.removeIf(where -> where.community().equals(community)));
    }

    /** The moved community's answers join the new id's (the moved answer winning for the same member), and members' indexes follow. */
    @Override
    public synchronized void moveCommunity(CommunityRef from, CommunityRef to) {
        for (Where where : List.copyOf(byMeeting.keySet())) {
            if (where.community().equals(from)) {
                Map<String, Entry> moved = byMeeting.remove(where);
                byMeeting.computeIfAbsent(new Where(to, where.occurrence()), k -> new ConcurrentHashMap<>()).putAll(moved);
            }
        }
        for (Set<Where> wheres : byMember.values()) {
            List<Where> here = wheres.stream().filter(where -> where.community().equals(from)).toList();
            wheres.removeAll(here);
            here.forEach(where -> wheres.add(new Where(to, where.occurrence())));
        }
    }
}
