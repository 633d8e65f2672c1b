package org.circlekeeper.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.resource.CommunityCatalog;
import org.circlekeeper.core.resource.OutdatedReport;
import org.circlekeeper.core.resource.Resource;
import org.circlekeeper.core.resource.ResourceStore;
import org.circlekeeper.core.resource.SafetySettings;

/** The resource feature's community data in memory, for the core's unit tests only. */
public final class InMemoryResourceStore implements ResourceStore, InMemoryDepartureStore.CommunityPart {

    private static final class Community {
        long version;
        final Map<String, Resource> entries = new LinkedHashMap<>();
        final Set<String> hidden = new LinkedHashSet<>();
        final Map<String, OutdatedReport> reports = new LinkedHashMap<>();
        SafetySettings safety = SafetySettings.OFF;
    }

    private final Map<String, Community> communities = new ConcurrentHashMap<>();
    /** member key → community key → cooldown end. */
    private final Map<String, Map<String, Instant>> cooldowns = new ConcurrentHashMap<>();

    private Community of(CommunityRef community) {
        return communities.computeIfAbsent(community.key(), k -> new Community());
    }

    @Override
    public synchronized long version(CommunityRef community) {
        Community c = communities.get(community.key());
        return c == null ? 0 : c.version;
    }

    @Override
    public synchronized CommunityCatalog catalog(CommunityRef community) {
        Community c = communities.get(community.key());
        return c == null ? CommunityCatalog.EMPTY : new CommunityCatalog(c.version, List.copyOf(c.entries.values()), Set.copyOf(c.hidden));
    }

    @Override
    public synchronized void save(CommunityRef community, Resource entry) {
        Community c = of(community);
        if (!c.entries.containsKey(entry.id()) && c.entries.size() >= MAX_ENTRIES) {
            throw new IllegalStateException("a community keeps at most " + MAX_ENTRIES + " entries");
        }
        c.entries.put(entry.id(), entry);
        c.version++;
    }

    @Override
    public synchronized boolean remove(CommunityRef community, String id) {
        Community c = of(community);
        boolean removed = c.entries.remove(id) != null;
        if (removed) {
            c.version++;
        }
        return removed;
    }

    @Override
    public synchronized boolean hide(CommunityRef community, String shippedId) {
        Community c = of(community);
        boolean added = c.hidden.add(shippedId);
        if (added) {
            c.version++;
        }
        return added;
    }

    @Override
    public synchronized boolean unhide(CommunityRef community, String shippedId) {
        Community c = of(community);
        boolean removed = c.hidden.remove(shippedId);
        if (removed) {
            c.version++;
        }
        return removed;
    }

    @Override
    public synchronized void recordOutdated(CommunityRef community, String lineId, Instant at) {
        of(community).reports.merge(lineId, new OutdatedReport(lineId, 1, at, at),
                (old, fresh) -> new OutdatedReport(lineId, old.count() + 1, old.firstReported(), at));
    }

    @Override
    public synchronized List<OutdatedReport> outdatedReports(CommunityRef community) {
        Community c = communities.get(community.key());
        if (c == null) {
            return List.of();
        }
        List<OutdatedReport> reports = new ArrayList<>(c.reports.values());
        reports.sort(Comparator.comparing(OutdatedReport::lastReported).reversed());
        return reports;
    }

    @Override
    public synchronized void clearOutdatedReports(CommunityRef community) {
        of(community).reports.clear();
    }

    @Override
    public synchronized SafetySettings safety(CommunityRef community) {
        Community c = communities.get(community.key());
        return c == null ? SafetySettings.OFF : c.safety;
    }

    @Override
    public synchronized void saveSafety(CommunityRef community, SafetySettings settings) {
        of(community).safety = settings;
    }

    @Override
    public synchronized boolean startCooldown(CommunityRef community, MemberRef member, Instant now, Duration length) {
        Map<String, Instant> running = cooldowns.computeIfAbsent(member.key(), k -> new LinkedHashMap<>());
        running.values().removeIf(end -> !end.isAfter(now));
        if (running.containsKey(community.key())) {
            return false;
        }
        running.put(community.key(), now.plus(length));
        return true;
    }

    @Override
    public synchronized Map<String, Instant> cooldowns(MemberRef member, Instant now) {
        Map<String, Instant> running = new LinkedHashMap<>(cooldowns.getOrDefault(member.key(), Map.of()));
        running.values().removeIf(end -> !end.isAfter(now));
        return running;
    }

    @Override
    public synchronized void clearCooldowns(MemberRef member) {
        cooldowns.remove(member.key());
    }

    /** How many communities have anything stored, for "nothing changed" assertions. */
    public synchronized int entryCount(CommunityRef community) {
        Community c = communities.get(community.key());
        return c == null ? 0 : c.entries.size();
    }

    /** Forgets the community's entries, hidden ids, reports and safety settings (its erasure as a whole). */
    @Override
    public void eraseCommunity(CommunityRef community) {
        communities.remove(community.key());
    }

    /** The moved community's entries, hidden ids and reports join the new id's, the moved one winning for the same id. */
    @Override
    public synchronized void moveCommunity(CommunityRef from, CommunityRef to) {
        moveCommunity(from, to, Map.of(), Map.of());
    }

    /** As the other overload, and a safety alert channel that is a key of {@code channels} is its value now. */
    @Override
    public synchronized void moveCommunity(CommunityRef from, CommunityRef to, Map<String, String> jobIds,
                                           Map<ChannelRef, ChannelRef> channels) {
        Community moved = communities.remove(from.key());
        if (moved == null) {
            return;
        }
        ChannelRef alerts = moved.safety == null ? null : moved.safety.alertChannel();
        if (alerts != null && channels.containsKey(alerts)) {
            moved.safety = new SafetySettings(moved.safety.detection(), moved.safety.alerts(), channels.get(alerts));
        }
        Community there = communities.get(to.key());
        if (there == null) {
            communities.put(to.key(), moved);
            return;
        }
        there.entries.putAll(moved.entries);
        there.hidden.addAll(moved.hidden);
        there.reports.putAll(moved.reports);
        there.safety = moved.safety;
        there.version = Math.max(there.version, moved.version) + 1;
    }
}
