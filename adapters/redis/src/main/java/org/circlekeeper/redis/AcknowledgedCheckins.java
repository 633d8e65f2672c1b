package org.circlekeeper.redis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.checkin.Checkin;
import org.circlekeeper.core.checkin.CheckinMemberIndex;
import org.circlekeeper.core.checkin.CheckinStore;
import org.circlekeeper.core.checkin.CheckinStores;
import org.circlekeeper.core.checkin.DayMood;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * The check-in stores whose writes that must survive a failover (a check-in, its removal, a member's erasure) return
 * only once the connection's {@link RedisConnection.Acknowledgement} replicas have them ({@link
 * RedisConnection#acknowledged}); everything else goes straight to the stores. With no acknowledgement configured
 * they behave exactly as the stores they wrap.
 */
final class AcknowledgedCheckins {

    private AcknowledgedCheckins() {
    }

    /** {@code stores} with the check-in store and the member index acknowledged. */
    static CheckinStores wrap(CheckinStores stores, RedisConnection redis) {
        return new CheckinStores(new Checkins(stores.checkins(), redis), stores.journeys(), stores.profiles(), stores.lines(),
                stores.cooldowns(), stores.settings(), new Members(stores.members(), redis));
    }

    /** Check-ins: saving and removing one are acknowledged. */
    private record Checkins(CheckinStore store, RedisConnection redis) implements CheckinStore {

        Checkins {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(redis, "redis");
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
        public Optional<Checkin> find(CommunityRef community, MemberRef member, LocalDate day) {
            return store.find(community, member, day);
        }

        @Override
        public List<Checkin> between(CommunityRef community, MemberRef member, LocalDate from, LocalDate to) {
            return store.between(community, member, from, to);
        }

        @Override
        public List<List<DayMood>> moodsSince(CommunityRef community, LocalDate from) {
            return store.moodsSince(community, from);
        }
    }

    /** Where a member has check-in data: erasing them is acknowledged. */
    private record Members(CheckinMemberIndex index, RedisConnection redis) implements CheckinMemberIndex {

        Members {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(redis, "redis");
        }

        @Override
        public Set<CommunityRef> communities(MemberRef member) {
            return index.communities(member);
        }

        @Override
        public void eraseMember(MemberRef member) {
            redis.acknowledged(() -> {
                index.eraseMember(member);
                return null;
            });
        }
    }
}
