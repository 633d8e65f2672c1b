package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.share.ChairRotation;
import org.circlekeeper.core.share.Person;
import org.circlekeeper.core.share.SessionSummary;
import org.circlekeeper.core.share.ShareRoom;
import org.circlekeeper.core.share.ShareSession;
import org.circlekeeper.core.share.ShareSettings;
import org.circlekeeper.core.share.ShareStore;
import org.circlekeeper.core.share.Volunteer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The share circle's keys, and the compare-and-set of its scripts, on a real Redis. */
class RedisShareStoreTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final Instant T = Instant.parse("2026-11-27T09:00:00Z");
    private static final CommunityRef GROUP = new CommunityRef(Platform.TELEGRAM, "-1001");
    private static final ShareRoom ROOM = new ShareRoom(GROUP, new ChannelRef(Platform.TELEGRAM, "-1001", ChannelRef.Kind.GROUP));
    private static final Person OLIVIA = new Person("telegram:7", "Olivia");
    private static final MemberRef ALICE = new MemberRef(Platform.TELEGRAM, "8", "alice");

    private final RedisShareStore store = new RedisShareStore(REDIS.connection());

    private static ShareSession circle(long version) {
        return new ShareSession("m1", version, "basic", 0, OLIVIA, List.of(OLIVIA), List.of(), null, (int) version, 0, 0, T, T, null,
                null, false, 0, 0, null, new ShareSession.Counts(1, (int) version, 0, 0), Map.of(), List.of());
    }

    @Test
    void aLiveCircleIsAVersionedHashThatExpires() {
        assertThat(store.start(ROOM, circle(1))).isTrue();

        String key = "ck:c:{telegram:-1001}:share:live:-1001";
        assertThat(REDIS.keys()).containsExactly(key);
        assertThat(REDIS.hash(key)).containsEntry("v", "1").containsKey("s");
        assertThat(REDIS.ttlMillis(key)).isBetween(ShareStore.LIVE_TTL.toMillis() - 5_000, ShareStore.LIVE_TTL.toMillis());
        assertThat(store.live(ROOM)).contains(circle(1));
    }

    @Test
    void onlyOneCircleStartsInAChannel() {
        assertThat(store.start(ROOM, circle(1))).isTrue();
        ShareSession other = new ShareSession("m2", 1, "checkin", 0, OLIVIA, List.of(OLIVIA), List.of(), null, 1, 0, 0, T, T, null, null,
                false, 0, 0, null, ShareSession.Counts.NONE, Map.of(), List.of());
        assertThat(store.start(ROOM, other)).isFalse();
        assertThat(store.live(ROOM).orElseThrow().id()).isEqualTo("m1");
    }

    @Test
    void anUpdateLandsOnlyOnTheVersionItWasComputedFrom() {
        store.start(ROOM, circle(1));
        assertThat(store.update(ROOM, circle(2))).isTrue();
        assertThat(store.update(ROOM, circle(2))).as("computed from version 1, which is gone").isFalse();
        assertThat(store.update(ROOM, circle(4))).isFalse();
        assertThat(store.update(ROOM, circle(3))).isTrue();
        assertThat(store.live(ROOM).orElseThrow().version()).isEqualTo(3);
        assertThat(store.update(new ShareRoom(GROUP, new ChannelRef(Platform.TELEGRAM, "-1002", ChannelRef.Kind.GROUP)), circle(2)))
                .as("no circle there").isFalse();
    }

    @Test
    void finishingRemovesTheCircleAndKeepsOnlyItsCounts() {
        store.start(ROOM, circle(1));
        SessionSummary summary = new SessionSummary("basic", T, T.plusSeconds(3600), 5, 7, 1, 1);
        assertThat(store.finish(ROOM, 2, summary)).isFalse();
        assertThat(store.live(ROOM)).isPresent();
        assertThat(store.finish(ROOM, 1, summary)).isTrue();
        assertThat(store.finish(ROOM, 1, summary)).isFalse();

        assertThat(store.live(ROOM)).isEmpty();
        assertThat(REDIS.keys()).containsExactly("ck:c:{telegram:-1001}:share:history");
        assertThat(store.history(GROUP, 10)).containsExactly(summary);
        for (int i = 0; i < ShareStore.HISTORY_KEPT + 5; i++) {
            store.start(ROOM, circle(1));
            store.finish(ROOM, 1, new SessionSummary("checkin", T.plusSeconds(i), T.plusSeconds(i + 60), 1, 1, 0, 0));
        }
        List<SessionSummary> kept = store.history(GROUP, 100);
        assertThat(kept).hasSize(ShareStore.HISTORY_KEPT);
        assertThat(kept.get(0).startedAt()).isEqualTo(T.plusSeconds(ShareStore.HISTORY_KEPT + 4));
    }

    @Test
    void aChairRotationIsComparedAndSetFromNone() {
        assertThat(store.rotation(ROOM)).isEqualTo(ChairRotation.NONE);
        ChairRotation asked = new ChairRotation(1, 1, OLIVIA, List.of(), null);
        assertThat(store.saveRotation(ROOM, asked)).isTrue();
        assertThat(store.saveRotation(ROOM, asked)).isFalse();
        assertThat(store.saveRotation(ROOM, new ChairRotation(2, 1, null, List.of(), OLIVIA))).isTrue();
        assertThat(store.rotation(ROOM).accepted()).isEqualTo(OLIVIA);
        assertThat(REDIS.ttlMillis("ck:c:{telegram:-1001}:share:chair:-1001")).isGreaterThan(Duration.ofDays(59).toMillis());
    }

    @Test
    void volunteersAndSettingsAreHashesOfTheCommunity() {
        store.saveVolunteer(GROUP, new Volunteer(OLIVIA, T, null));
        store.saveVolunteer(GROUP, new Volunteer(OLIVIA, T, T.plusSeconds(5)));
        assertThat(store.volunteers(GROUP)).containsExactly(new Volunteer(OLIVIA, T, T.plusSeconds(5)));
        assertThat(store.removeVolunteer(GROUP, "telegram:7")).isTrue();
        assertThat(store.removeVolunteer(GROUP, "telegram:7")).isFalse();

        assertThat(store.settings(GROUP)).isEqualTo(ShareSettings.DEFAULT);
        store.saveSettings(GROUP, new ShareSettings(true, Map.of("tuesday", "checkin")));
        assertThat(REDIS.hash("ck:c:{telegram:-1001}:share:settings")).containsOnly(Map.entry("anonymous", "on"),
                Map.entry("format:tuesday", "checkin"));
        store.saveSettings(GROUP, new ShareSettings(false, Map.of("tuesday", "basic")));
        assertThat(store.settings(GROUP)).isEqualTo(new ShareSettings(false, Map.of("tuesday", "basic")));
        store.saveSettings(GROUP, new ShareSettings(false, Map.of("tuesday", "basic"), true));
        assertThat(REDIS.hash("ck:c:{telegram:-1001}:share:settings")).containsEntry("place-refusal", "told");
        assertThat(store.settings(GROUP).placeRefusalTold()).as("told once, remembered").isTrue();
    }

    @Test
    void theAnonymousCounterHoldsANumberOnlyAndExpires() {
        assertThat(store.countAnonymous(ALICE, Duration.ofMinutes(15))).isEqualTo(1);
        assertThat(store.countAnonymous(ALICE, Duration.ofMinutes(15))).isEqualTo(2);
        String key = "ck:m:{telegram:8}:share:anon";
        String stored = REDIS.connection().call(key, jedis -> jedis.get(key));
        assertThat(stored).isEqualTo("2");
        assertThat(REDIS.ttlMillis(key)).isBetween(Duration.ofMinutes(14).toMillis(), Duration.ofMinutes(15).toMillis());
    }

    @Test
    void aMembersRoomsAreRememberedAndForgotten() {
        store.remember(ALICE, ROOM);
        store.remember(ALICE, ROOM);
        store.countAnonymous(ALICE, Duration.ofMinutes(15));
        assertThat(store.rooms(ALICE)).containsExactly(ROOM);
        assertThat(REDIS.ttlMillis("ck:m:{telegram:8}:share:rooms")).isGreaterThan(Duration.ofDays(59).toMillis());

        store.forget(ALICE);
        assertThat(store.rooms(ALICE)).isEmpty();
        assertThat(REDIS.keys()).isEmpty();
    }
}
