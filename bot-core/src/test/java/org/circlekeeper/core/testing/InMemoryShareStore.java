package org.circlekeeper.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.share.ChairRotation;
import org.circlekeeper.core.share.SessionSummary;
import org.circlekeeper.core.share.ShareCodec;
import org.circlekeeper.core.share.ShareRoom;
import org.circlekeeper.core.share.ShareSession;
import org.circlekeeper.core.share.ShareSettings;
import org.circlekeeper.core.share.ShareStore;
import org.circlekeeper.core.share.Volunteer;

/**
 * The share circle's state in memory with the same compare-and-set rules as Redis, for unit tests only.
 * Values are kept as the JSON every store writes, so a test also proves they survive the round trip.
 */
public final class InMemoryShareStore implements ShareStore, InMemoryDepartureStore.CommunityPart {

    private record Anonymous(long count, Instant expires) {
    }

    private final Clock clock;
    private final Map<ShareRoom, String> live = new HashMap<>();
    private final Map<ShareRoom, String> rotations = new HashMap<>();
    private final Map<String, List<String>> history = new HashMap<>();
    private final Map<String, Map<String, String>> volunteers = new HashMap<>();
    private final Map<String, ShareSettings> settings = new HashMap<>();
    private final Map<String, Anonymous> anonymous = new HashMap<>();
    private final Map<String, Set<ShareRoom>> rooms = new HashMap<>();

    public InMemoryShareStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<ShareSession> live(ShareRoom room) {
        return Optional.ofNullable(live.get(room)).map(ShareCodec::readLive);
    }

    @Override
    public synchronized boolean start(ShareRoom room, ShareSession circle) {
        if (circle.version() != 1 || live.containsKey(room)) {
            return false;
        }
        live.put(room, ShareCodec.write(circle));
        return true;
    }

    @Override
    public synchronized boolean update(ShareRoom room, ShareSession next) {
        Optional<ShareSession> stored = live(room);
        if (stored.isEmpty() || stored.get().version() != next.version() - 1) {
            return false;
        }
        live.put(room, ShareCodec.write(next));
        return true;
    }

    @Override
    public synchronized boolean finish(ShareRoom room, long version, SessionSummary summary) {
        Optional<ShareSession> stored = live(room);
        if (stored.isEmpty() || stored.get().version() != version) {
            return false;
        }
        live.remove(room);
        List<String> kept = history.computeIfAbsent(room.community().key(), k -> new ArrayList<>());
        kept.add(0, ShareCodec.write(summary));
        while (kept.size() > HISTORY_KEPT) {
            kept.remove(kept.size() - 1);
        }
        return true;
    }

    @Override
    public synchronized List<SessionSummary> history(CommunityRef community, int max) {
        return history.getOrDefault(community.key(), List.of()).stream().limit(max).map(ShareCodec::readSummary).toList();
    }

    @Override
    public synchronized ChairRotation rotation(ShareRoom room) {
        String stored = rotations.get(room);
        return stored == null ? ChairRotation.NONE : ShareCodec.readRotation(stored);
    }

    @Override
    public synchronized boolean saveRotation(ShareRoom room, ChairRotation next) {
        if (rotation(room).version() != next.version() - 1) {
            return false;
        }
        rotations.put(room, ShareCodec.write(next));
        return true;
    }

    @Override
    public synchronized List<Volunteer> volunteers(CommunityRef community) {
        return volunteers.getOrDefault(community.key(), Map.of()).values().stream().map(ShareCodec::readVolunteer).toList();
    }

    @Override
    public synchronized void saveVolunteer(CommunityRef community, Volunteer volunteer) {
        volunteers.computeIfAbsent(community.key(), k -> new HashMap<>()).put(volunteer.person().key(), ShareCodec.write(volunteer));
    }

    @Override
    public synchronized boolean removeVolunteer(CommunityRef community, String memberKey) {
        Map<String, String> of = volunteers.get(community.key());
        return of != null && of.remove(memberKey) != null;
    }

    @Override
    public synchronized ShareSettings settings(CommunityRef community) {
        return settings.getOrDefault(community.key(), ShareSettings.DEFAULT);
    }

    @Override
    public synchronized void saveSettings(CommunityRef community, ShareSettings value) {
        settings.put(community.key(), value);
    }

    @Override
    public synchronized long countAnonymous(MemberRef member, Duration window) {
        Instant now = clock.instant();
        Anonymous current = anonymous.get(member.key());
        Anonymous next = current == null || !current.expires().isAfter(now)
                ? new Anonymous(1, now.plus(window)) : new Anonymous(current.count() + 1, current.expires());
        anonymous.put(member.key(), next);
        return next.count();
    }

    @Override
    public synchronized void remember(MemberRef member, ShareRoom room) {
        rooms.computeIfAbsent(member.key(), k -> new LinkedHashSet<>()).add(room);
    }

    @Override
    public synchronized Set<ShareRoom> rooms(MemberRef member) {
        return Set.copyOf(rooms.getOrDefault(member.key(), Set.of()));
    }

    @Override
    public synchronized void forget(MemberRef member) {
        rooms.remove(member.key());
        anonymous.remove(member.key());
    }

    /** True when the store keeps anything that names the member (for erasure tests). */
    public synchronized boolean mentions(MemberRef member) {
        String key = member.key();
        return live.values().stream().anyMatch(json -> json.contains("\"" + key + "\""))
                || rotations.values().stream().anyMatch(json -> json.contains("\"" + key + "\""))
                || volunteers.values().stream().anyMatch(m -> m.containsKey(key))
                || rooms.containsKey(key) || anonymous.containsKey(key);
    }

    /** Forgets the community's live circles, rotations, history, volunteers and settings, and members' rooms there. */
    @Override
    public synchronized void eraseCommunity(CommunityRef community) {
        live.keySet().removeIf(room -> room.community().equals(community));
        rotations.keySet().removeIf(room -> room.community().equals(community));
        history.remove(community.key());
        volunteers.remove(community.key());
        settings.remove(community.key());
        rooms.values().forEach(set -> set.removeIf(room -> room.community().equals(community)));
    }

    /**
     * The moved community's share settings and history win, its volunteers join the new id's, and its rooms (with
     * members' indexes of them) are named by the new id, in the channels they were in.
     */
    @Override
    public synchronized void moveCommunity(CommunityRef from, CommunityRef to) {
        moveCommunity(from, to, Map.of(), Map.of());
    }

    /** As the Redis store: a channel's chair rotation follows the channel when it changed id with the community. */
    @Override
    public synchronized void moveCommunity(CommunityRef from, CommunityRef to, Map<String, String> jobIds,
                                           Map<ChannelRef, ChannelRef> channels) {
        moveRooms(live, from, to);
        moveRooms(rotations, from, to);
        channels.forEach((old, now) -> {
            String rotation = rotations.remove(new ShareRoom(to, old));
            if (rotation != null) {
                rotations.put(new ShareRoom(to, now), rotation);
            }
        });
        List<String> movedHistory = history.remove(from.key());
        if (movedHistory != null) {
            history.put(to.key(), movedHistory);
        }
        Map<String, String> movedVolunteers = volunteers.remove(from.key());
        if (movedVolunteers != null) {
            volunteers.computeIfAbsent(to.key(), k -> new HashMap<>()).putAll(movedVolunteers);
        }
        ShareSettings movedSettings = settings.remove(from.key());
        if (movedSettings != null) {
            settings.put(to.key(), movedSettings);
        }
        for (Set<ShareRoom> set : rooms.values()) {
            List<ShareRoom> here = set.stream().filter(room -> room.community().equals(from)).toList();
            set.removeAll(here);
            here.forEach(room -> set.add(new ShareRoom(to, room.channel())));
        }
    }

    private static void moveRooms(Map<ShareRoom, String> byRoom, CommunityRef from, CommunityRef to) {
        for (ShareRoom room : List.copyOf(byRoom.keySet())) {
            if (room.community().equals(from)) {
                byRoom.put(new ShareRoom(to, room.channel()), byRoom.remove(room));
            }
        }
    }
}
