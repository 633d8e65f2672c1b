package org.circlekeeper.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.circlekeeper.core.checkin.AlertCooldownStore;
import org.circlekeeper.core.checkin.Checkin;
import org.circlekeeper.core.checkin.CheckinMemberIndex;
import org.circlekeeper.core.checkin.CheckinProfile;
import org.circlekeeper.core.checkin.CheckinProfileStore;
import org.circlekeeper.core.checkin.CheckinSettings;
import org.circlekeeper.core.checkin.CheckinSettingsStore;
import org.circlekeeper.core.checkin.CheckinStore;
import org.circlekeeper.core.checkin.CheckinStores;
import org.circlekeeper.core.checkin.DayMood;
import org.circlekeeper.core.checkin.JourneyMark;
import org.circlekeeper.core.checkin.JourneyStore;
import org.circlekeeper.core.checkin.PendingShare;
import org.circlekeeper.core.checkin.SharedLineStore;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * Check-ins in memory, expiring on the given clock with the same rules as Redis, for unit tests only: one
 * object behind every narrow check-in port, so that a test can count what is left after an erasure.
 */
public final class InMemoryCheckinStore implements CheckinStore, JourneyStore, CheckinProfileStore, SharedLineStore,
        AlertCooldownStore, CheckinSettingsStore, CheckinMemberIndex, InMemoryDepartureStore.CommunityPart {

    private record Kept<T>(T value, Instant expires) {
    }

    private record Place(String community, String member) {
        static Place of(CommunityRef community, MemberRef member) {
            return new Place(community.key(), member.key());
        }
    }

    private final Clock clock;
    private final Map<Place, TreeMap<LocalDate, Kept<Checkin>>> checkins = new HashMap<>();
    private final Map<Place, TreeMap<LocalDate, Kept<JourneyMark>>> journeys = new HashMap<>();
    private final Map<Place, Kept<CheckinProfile>> profiles = new HashMap<>();
    private final Map<Place, Kept<PendingShare>> shares = new HashMap<>();
    private final Map<Place, Instant> cooldowns = new HashMap<>();
    private final Map<String, CheckinSettings> settings = new HashMap<>();

    public InMemoryCheckinStore(Clock clock) {
        this.clock = clock;
    }

    /** Every check-in port on a new in-memory store. */
    public static CheckinStores create(Clock clock) {
        return new InMemoryCheckinStore(clock).stores();
    }

    /** Every check-in port on this store. */
    public CheckinStores stores() {
        return new CheckinStores(this, this, this, this, this, this, this);
    }

    @Override
    public synchronized void put(CommunityRef community, MemberRef member, Checkin checkin, Instant expires) {
        checkins.computeIfAbsent(Place.of(community, member), k -> new TreeMap<>()).put(checkin.day(), new Kept<>(checkin, expires));
    }

    @Override
    public synchronized Optional<Checkin> find(CommunityRef community, MemberRef member, LocalDate day) {
        return between(community, member, day, day).stream().findFirst();
    }

    @Override
    public synchronized List<Checkin> between(CommunityRef community, MemberRef member, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, Kept<Checkin>> days = checkins.get(Place.of(community, member));
        if (days == null || from.isAfter(to)) {
            return List.of();
        }
        return days.subMap(from, true, to, true).values().stream().filter(this::alive).map(Kept::value).toList();
    }

    @Override
    public synchronized boolean remove(CommunityRef community, MemberRef member, LocalDate day) {
        TreeMap<LocalDate, Kept<Checkin>> days = checkins.get(Place.of(community, member));
        Kept<Checkin> removed = days == null ? null : days.remove(day);
        return removed != null && alive(removed);
    }

    @Override
    public synchronized void mark(CommunityRef community, MemberRef member, JourneyMark mark, Instant expires) {
        journeys.computeIfAbsent(Place.of(community, member), k -> new TreeMap<>()).put(mark.day(), new Kept<>(mark, expires));
    }

    @Override
    public synchronized List<JourneyMark> journey(CommunityRef community, MemberRef member) {
        TreeMap<LocalDate, Kept<JourneyMark>> marks = journeys.get(Place.of(community, member));
        return marks == null ? List.of() : marks.values().stream().filter(this::alive).map(Kept::value).toList();
    }

    @Override
    public synchronized void clearJourney(CommunityRef community, MemberRef member) {
        journeys.remove(Place.of(community, member));
    }

    @Override
    public synchronized CheckinProfile profile(CommunityRef community, MemberRef member) {
        Kept<CheckinProfile> kept = profiles.get(Place.of(community, member));
        return kept == null || !alive(kept) ? CheckinProfile.NONE : kept.value();
    }

    @Override
    public synchronized void saveProfile(CommunityRef community, MemberRef member, CheckinProfile profile, Instant expires) {
        if (profile.isEmpty()) {
            profiles.remove(Place.of(community, member));
        } else {
            profiles.put(Place.of(community, member), new Kept<>(profile, expires));
        }
    }

    @Override
    public synchronized Set<MemberRef> prompted(CommunityRef community) {
        Set<MemberRef> out = new LinkedHashSet<>();
        profiles.forEach((place, kept) -> {
            if (place.community().equals(community.key()) && alive(kept) && kept.value().prompts()) {
                out.add(MemberRef.fromKey(place.member()));
            }
        });
        return out;
    }

    @Override
    public synchronized Map<CommunityRef, Set<MemberRef>> buddyOf(MemberRef buddy) {
        Map<CommunityRef, Set<MemberRef>> out = new LinkedHashMap<>();
        profiles.forEach((place, kept) -> {
            if (alive(kept) && kept.value().buddy() != null && !kept.value().buddy().isOrganisers()
                    && kept.value().buddy().member().sameMember(buddy)) {
                out.computeIfAbsent(CommunityRef.fromKey(place.community()), k -> new LinkedHashSet<>())
                        .add(MemberRef.fromKey(place.member()));
            }
        });
        return out;
    }

    @Override
    public synchronized void holdShare(CommunityRef community, MemberRef member, PendingShare share, Duration ttl) {
        shares.put(Place.of(community, member), new Kept<>(share, clock.instant().plus(ttl)));
    }

    @Override
    public synchronized Optional<PendingShare> takeShare(CommunityRef community, MemberRef member) {
        Kept<PendingShare> kept = shares.remove(Place.of(community, member));
        return kept == null || !alive(kept) ? Optional.empty() : Optional.of(kept.value());
    }

    @Override
    public synchronized Optional<PendingShare> heldShare(CommunityRef community, MemberRef member) {
        Kept<PendingShare> kept = shares.get(Place.of(community, member));
        return kept == null || !alive(kept) ? Optional.empty() : Optional.of(kept.value());
    }

    @Override
    public synchronized boolean startAlertCooldown(CommunityRef community, MemberRef member, Duration length) {
        Instant now = clock.instant();
        Instant running = cooldowns.get(Place.of(community, member));
        if (running != null && running.isAfter(now)) {
            return false;
        }
        cooldowns.put(Place.of(community, member), now.plus(length));
        return true;
    }

    @Override
    public synchronized CheckinSettings settings(CommunityRef community) {
        return settings.getOrDefault(community.key(), CheckinSettings.OFF);
    }

    @Override
    public synchronized void saveSettings(CommunityRef community, CheckinSettings newSettings) {
        settings.put(community.key(), newSettings);
    }

    @Override
    public synchronized List<List<DayMood>> moodsSince(CommunityRef community, LocalDate from) {
        List<List<DayMood>> out = new ArrayList<>();
        checkins.forEach((place, days) -> {
            if (place.community().equals(community.key())) {
                List<DayMood> moods = days.tailMap(from, true).values().stream().filter(this::alive)
                        .map(k -> new DayMood(k.value().day(), k.value().mood())).toList();
                if (!moods.isEmpty()) {
                    out.add(moods);
                }
            }
        });
        return out;
    }

    @Override
    public synchronized Set<CommunityRef> communities(MemberRef member) {
        Set<CommunityRef> out = new LinkedHashSet<>();
        for (Place place : places()) {
            if (place.member().equals(member.key())) {
                out.add(CommunityRef.fromKey(place.community()));
            }
        }
        return out;
    }

    @Override
    public synchronized void eraseMember(MemberRef member) {
        checkins.keySet().removeIf(p -> p.member().equals(member.key()));
        journeys.keySet().removeIf(p -> p.member().equals(member.key()));
        profiles.keySet().removeIf(p -> p.member().equals(member.key()));
        shares.keySet().removeIf(p -> p.member().equals(member.key()));
        cooldowns.keySet().removeIf(p -> p.member().equals(member.key()));
        profiles.replaceAll((place, kept) -> {
            CheckinProfile profile = kept.value();
            boolean chose = profile.buddy() != null && !profile.buddy().isOrganisers() && profile.buddy().member().sameMember(member);
            return chose ? new Kept<>(profile.withBuddy(null), kept.expires()) : kept;
        });
        profiles.values().removeIf(kept -> kept.value().isEmpty());
    }

    /** How many check-ins, journey marks, profiles, waiting lines and cooldowns the store holds for anyone. */
    public synchronized int size() {
        return checkins.values().stream().mapToInt(Map::size).sum() + journeys.values().stream().mapToInt(Map::size).sum()
                + profiles.size() + shares.size() + cooldowns.size();
    }

    private Set<Place> places() {
        Set<Place> all = new LinkedHashSet<>();
        checkins.forEach((p, days) -> {
            if (days.values().stream().anyMatch(this::alive)) {
                all.add(p);
            }
        });
        journeys.forEach((p, marks) -> {
            if (marks.values().stream().anyMatch(this::alive)) {
                all.add(p);
            }
        });
        profiles.forEach((p, kept) -> {
            if (alive(kept)) {
                all.add(p);
            }
        });
        return all;
    }

    private boolean alive(Kept<?> kept) {
        return kept.expires().isAfter(clock.instant());
    }

    /**
     * Forgets the community's prompt settings (its erasure as a whole). Members' own check-ins here are theirs: kept
     * until they expire or the member erases them, as in Redis.
     */
    @Override
    public synchronized void eraseCommunity(CommunityRef community) {
        settings.remove(community.key());
    }

    /** The moved community's check-in settings win; members' records of it follow it (see the other overload). */
    @Override
    public synchronized void moveCommunity(CommunityRef from, CommunityRef to) {
        moveCommunity(from, to, Map.of(), Map.of());
    }

    /**
     * The moved community's check-in settings win; members' records of it follow it, as in Redis: a profile, line or
     * cooldown replaces the member's record of {@code to}, check-ins and journey marks are merged day by day (the moved
     * day winning), a planned prompt re-keyed by the move is named by its new id, and the settings' channel and a waiting line's
     * channel follow {@code channels}.
     */
    @Override
    public synchronized void moveCommunity(CommunityRef from, CommunityRef to, Map<String, String> jobIds,
                                           Map<ChannelRef, ChannelRef> channels) {
        CheckinSettings moved = settings.remove(from.key());
        if (moved != null) {
            ChannelRef channel = moved.channel() == null ? null : channels.getOrDefault(moved.channel(), moved.channel());
            settings.put(to.key(), new CheckinSettings(moved.days(), moved.time(), moved.questions(), channel));
        }
        mergeDays(checkins, from, to);
        mergeDays(journeys, from, to);
        moveRecords(profiles, from, to);
        moveRecords(shares, from, to);
        shares.replaceAll((place, kept) -> place.community().equals(to.key()) && channels.containsKey(kept.value().channel())
                ? new Kept<>(new PendingShare(channels.get(kept.value().channel()), kept.value().line()), kept.expires()) : kept);
        moveRecords(cooldowns, from, to);
        profiles.replaceAll((place, kept) -> {
            String planned = kept.value().planned();
            return place.community().equals(to.key()) && planned != null && jobIds.containsKey(planned)
                    ? new Kept<>(kept.value().withPlanned(jobIds.get(planned)), kept.expires()) : kept;
        });
    }

    private static <T> void mergeDays(Map<Place, TreeMap<LocalDate, T>> all, CommunityRef from, CommunityRef to) {
        for (Place place : List.copyOf(all.keySet())) {
            if (place.community().equals(from.key())) {
                all.computeIfAbsent(new Place(to.key(), place.member()), k -> new TreeMap<>()).putAll(all.remove(place));
            }
        }
    }

    private static <T> void moveRecords(Map<Place, T> all, CommunityRef from, CommunityRef to) {
        for (Place place : List.copyOf(all.keySet())) {
            if (place.community().equals(from.key())) {
                all.put(new Place(to.key(), place.member()), all.remove(place));
            }
        }
    }
}
