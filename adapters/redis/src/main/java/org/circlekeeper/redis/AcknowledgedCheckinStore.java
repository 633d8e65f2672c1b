package org.circlekeeper.redis;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.checkin.Checkin;
import org.circlekeeper.core.checkin.CheckinProfile;
import org.circlekeeper.core.checkin.CheckinSettings;
import org.circlekeeper.core.checkin.CheckinStore;
import org.circlekeeper.core.checkin.DayMood;
import org.circlekeeper.core.checkin.JourneyMark;
import org.circlekeeper.core.checkin.PendingShare;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * A check-in store whose writes that must survive a failover (a check-in, its removal, a member's erasure) return only
 * once the connection's {@link RedisConnection.Acknowledgement} replicas have them ({@link RedisConnection#acknowledged});
 * everything else goes straight to {@code store}. With no acknowledgement configured it is {@code store} exactly.
 */
final class AcknowledgedCheckinStore implements CheckinStore {

    private final CheckinStore store;
    private final RedisConnection redis;

    AcknowledgedCheckinStore(CheckinStore store, RedisConnection redis) {
        this.store = Objects.requireNonNull(store, "store");
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public void put(CommunityRef community, MemberRef member, Checkin checkin, Instant expires) {
        redis.acknowledged(() -> {
            store.put(community, member, checkin, expires);
            return null;
        });
    }

    @Override
    public boolean remove(CommunityRef community, MemberRef member, LocalDate day) {
        return redis.acknowledged(() -> store.remove(community, member, day));
    }

    @Override
    public void eraseMember(MemberRef member) {
        redis.acknowledged(() -> {
            store.eraseMember(member);
            return null;
        });
    }

    @Override
    public Optional<Checkin> find(CommunityRef community, MemberRef member, LocalDate day) {
        return store.find(community, member, day);
    }

    @Override
    public List<Checkin> between(CommunityRef community, MemberRef member, LocalDate from, LocalDate to) {
        return store.between(community, member, from, to);
    }

    @Override
    public void mark(CommunityRef community, MemberRef member, JourneyMark mark, Instant expires) {
        store.mark(community, member, mark, expires);
    }

    @Override
    public List<JourneyMark> journey(CommunityRef community, MemberRef member) {
        return store.journey(community, member);
    }

    @Override
    public void clearJourney(CommunityRef community, MemberRef member) {
        store.clearJourney(community, member);
    }

    @Override
    public CheckinProfile profile(CommunityRef community, MemberRef member) {
        return store.profile(community, member);
    }

    @Override
    public void saveProfile(CommunityRef community, MemberRef member, CheckinProfile profile, Instant expires) {
        store.saveProfile(community, member, profile, expires);
    }

    @Override
    public Set<MemberRef> prompted(CommunityRef community) {
        return store.prompted(community);
    }

    @Override
    public Map<CommunityRef, Set<MemberRef>> buddyOf(MemberRef buddy) {
        return store.buddyOf(buddy);
    }

    @Override
    public void holdShare(CommunityRef community, MemberRef member, PendingShare share, Duration ttl) {
        store.holdShare(community, member, share, ttl);
    }

    @Override
    public Optional<PendingShare> takeShare(CommunityRef community, MemberRef member) {
        return store.takeShare(community, member);
    }

    @Override
    public Optional<PendingShare> heldShare(CommunityRef community, MemberRef member) {
        return store.heldShare(community, member);
    }

    @Override
    public boolean startAlertCooldown(CommunityRef community, MemberRef member, Duration length) {
        return store.startAlertCooldown(community, member, length);
    }

    @Override
    public CheckinSettings settings(CommunityRef community) {
        return store.settings(community);
    }

    @Override
    public void saveSettings(CommunityRef community, CheckinSettings settings) {
        store.saveSettings(community, settings);
    }

    @Override
    public List<List<DayMood>> moodsSince(CommunityRef community, LocalDate from) {
        return store.moodsSince(community, from);
    }

    @Override
    public Set<CommunityRef> communities(MemberRef member) {
        return store.communities(member);
    }
}
