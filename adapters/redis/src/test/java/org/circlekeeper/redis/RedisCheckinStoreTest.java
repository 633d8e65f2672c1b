package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.circlekeeper.core.checkin.Buddy;
import org.circlekeeper.core.checkin.Checkin;
import org.circlekeeper.core.checkin.CheckinProfile;
import org.circlekeeper.core.checkin.CheckinSettings;
import org.circlekeeper.core.checkin.CheckinStores;
import org.circlekeeper.core.checkin.DayMood;
import org.circlekeeper.core.checkin.JourneyMark;
import org.circlekeeper.core.checkin.JourneyStage;
import org.circlekeeper.core.checkin.Mood;
import org.circlekeeper.core.checkin.PendingShare;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisCheckinStoreTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final CommunityRef GROUP = new CommunityRef(Platform.TELEGRAM, "-100200300");
    private static final CommunityRef OTHER = new CommunityRef(Platform.TELEGRAM, "-100999");
    private static final MemberRef ALICE = new MemberRef(Platform.TELEGRAM, "4711", "Alice");
    private static final MemberRef BOB = new MemberRef(Platform.TELEGRAM, "4712", "Bob");
    private static final MemberRef CAROL = new MemberRef(Platform.TELEGRAM, "4713", "Carol");
    private static final Duration RETENTION = Duration.ofDays(180);

    private final VirtualClock clock = new VirtualClock(NOW);
    private final CheckinStores store = RedisCheckinStores.create(REDIS.connection(), clock);

    private static long zcard(String key) {
        return REDIS.connection().call(key, jedis -> jedis.zcard(key));
    }

    private static List<String> zrange(String key) {
        return REDIS.connection().call(key, jedis -> jedis.zrange(key, 0, -1));
    }

    private static Set<String> smembers(String key) {
        return REDIS.connection().call(key, jedis -> jedis.smembers(key));
    }

    private Checkin checkin(LocalDate day, Mood mood, String sealedNote) {
        return new Checkin(day, mood, sealedNote, clock.instant());
    }

    @Test
    void checkInsAreKeptOnePerDayInABoundedSortedSetThatExpires() {
        store.checkins().put(GROUP, ALICE, checkin(TODAY.minusDays(2), Mood.LOW, null), NOW.plus(RETENTION));
        store.checkins().put(GROUP, ALICE, checkin(TODAY, Mood.OKAY, "v1:abcd:sealed"), NOW.plus(RETENTION));
        store.checkins().put(GROUP, ALICE, checkin(TODAY, Mood.GOOD, "v1:abcd:sealed"), NOW.plus(RETENTION));

        String key = "ck:m:{telegram:4711}:checkin:telegram%3A-100200300:days";
        assertThat(RedisKeys.checkins(ALICE, GROUP)).isEqualTo(key);
        assertThat(zcard(key)).as("one entry a day").isEqualTo(2L);
        assertThat(REDIS.ttlMillis(key)).isBetween(RETENTION.minusMinutes(1).toMillis(), RETENTION.toMillis());
        assertThat(store.checkins().between(GROUP, ALICE, TODAY.minusDays(7), TODAY)).extracting(Checkin::mood).containsExactly(Mood.LOW, Mood.GOOD);
        assertThat(store.checkins().find(GROUP, ALICE, TODAY).orElseThrow().note()).isEqualTo("v1:abcd:sealed");
        assertThat(store.checkins().find(OTHER, ALICE, TODAY)).isEmpty();
        assertThat(store.members().communities(ALICE)).containsExactly(GROUP);

        assertThat(store.checkins().remove(GROUP, ALICE, TODAY)).isTrue();
        assertThat(store.checkins().remove(GROUP, ALICE, TODAY)).isFalse();
        assertThat(store.checkins().find(GROUP, ALICE, TODAY)).isEmpty();
    }

    @Test
    void aCheckInAndTheCommunitysActiveSetAreWrittenInOneRoundTripEvenWhenRedisForgotTheScript() {
        store.checkins().put(GROUP, BOB, checkin(TODAY, Mood.OKAY, null), NOW.plus(RETENTION));
        // Redis' own count of reads (one request, or one pipeline read at once), the INFO itself taken out; the least of
        // three tries, since anything else talking to this Redis meanwhile could only add to it
        if (RealRedis.onCluster()) {
            // on a cluster the entry and the community's set live in two slots, so on two nodes: two calls, same writes
            REDIS.connection().onPrimaries(jedis -> jedis.scriptFlush());
            store.checkins().put(GROUP, ALICE, checkin(TODAY, Mood.GOOD, null), NOW.plus(RETENTION));
            store.checkins().put(GROUP, CAROL, checkin(TODAY, Mood.LOW, null), NOW.plus(RETENTION));
            assertThat(store.checkins().find(GROUP, ALICE, TODAY).orElseThrow().mood()).isEqualTo(Mood.GOOD);
            assertThat(zrange(RedisKeys.checkinActive(GROUP))).containsExactlyInAnyOrder("telegram:4711", "telegram:4712",
                    "telegram:4713");
            return;
        }
        long withTheScriptSentAgain = Long.MAX_VALUE;
        long once = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            REDIS.connection().run(jedis -> jedis.scriptFlush());
            long before = readsProcessed();
            store.checkins().put(GROUP, ALICE, checkin(TODAY.minusDays(i), Mood.GOOD, null), NOW.plus(RETENTION));
            withTheScriptSentAgain = Math.min(withTheScriptSentAgain, readsProcessed() - before - 1);
            before = readsProcessed();
            store.checkins().put(GROUP, CAROL, checkin(TODAY.minusDays(i), Mood.LOW, null), NOW.plus(RETENTION));
            once = Math.min(once, readsProcessed() - before - 1);
        }

        assertThat(once).as("the day's entry and the active set in one pipeline").isEqualTo(1L);
        assertThat(withTheScriptSentAgain).as("the script sent in full after the pipeline found it unknown").isEqualTo(2L);
        assertThat(store.checkins().find(GROUP, ALICE, TODAY).orElseThrow().mood()).isEqualTo(Mood.GOOD);
        assertThat(zrange(RedisKeys.checkinActive(GROUP))).containsExactlyInAnyOrder("telegram:4711", "telegram:4712", "telegram:4713");
        assertThat(store.members().communities(ALICE)).containsExactly(GROUP);
    }

    @Test
    void aCheckInThatExpiredAlreadyIsNotKeptAndMarksNobodyActive() {
        store.checkins().put(GROUP, ALICE, checkin(TODAY, Mood.OKAY, null), NOW.minusSeconds(1));

        assertThat(store.checkins().find(GROUP, ALICE, TODAY)).isEmpty();
        assertThat(zrange(RedisKeys.checkinActive(GROUP))).isEmpty();
    }

    private static long readsProcessed() {
        String stats = REDIS.connection().call(jedis -> jedis.info("stats"));
        return stats.lines().filter(line -> line.startsWith("total_reads_processed:"))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim())).findFirst().orElseThrow();
    }

    @Test
    void anExpiredCheckInIsNeitherReadNorKept() {
        store.checkins().put(GROUP, ALICE, checkin(TODAY, Mood.OKAY, null), NOW.plus(Duration.ofDays(1)));
        clock.advance(Duration.ofDays(2));

        assertThat(store.checkins().find(GROUP, ALICE, TODAY)).isEmpty();
        store.checkins().put(GROUP, ALICE, checkin(TODAY.plusDays(2), Mood.GOOD, null), clock.instant().plus(RETENTION));

        assertThat(zrange(RedisKeys.checkins(ALICE, GROUP)))
                .singleElement().asString().contains("\"day\":\"2026-11-29\"");
    }

    @Test
    void journeyMarksRoundTripAndClear() {
        store.journeys().mark(GROUP, ALICE, new JourneyMark(TODAY.minusDays(10), JourneyStage.RESERVED), NOW.plus(RETENTION));
        store.journeys().mark(GROUP, ALICE, new JourneyMark(TODAY, JourneyStage.SHARING), NOW.plus(RETENTION));

        assertThat(store.journeys().journey(GROUP, ALICE)).extracting(JourneyMark::stage).containsExactly(JourneyStage.RESERVED, JourneyStage.SHARING);
        store.journeys().clearJourney(GROUP, ALICE);
        assertThat(store.journeys().journey(GROUP, ALICE)).isEmpty();
    }

    @Test
    void aProfileKeepsThePromptedSetAndTheBuddysIndexInStep() {
        CheckinProfile profile = CheckinProfile.NONE.withPrompts(true).withTime(LocalTime.of(7, 30)).withAway(TODAY.plusDays(3))
                .withBuddy(Buddy.member(BOB)).withSince(TODAY).withPlanned("checkin.prompt:x");
        store.profiles().saveProfile(GROUP, ALICE, profile, NOW.plus(RETENTION));

        assertThat(store.profiles().profile(GROUP, ALICE)).isEqualTo(profile.withBuddy(Buddy.member(new MemberRef(Platform.TELEGRAM, "4712", null))));
        assertThat(store.profiles().prompted(GROUP)).extracting(MemberRef::userId).containsExactly("4711");
        assertThat(store.profiles().buddyOf(BOB)).containsOnlyKeys(GROUP);
        assertThat(REDIS.hash(RedisKeys.checkinProfile(ALICE, GROUP))).containsEntry("buddy", "telegram:4712").containsEntry("prompts", "1");

        store.profiles().saveProfile(GROUP, ALICE, profile.withPrompts(false).withBuddy(Buddy.member(CAROL)), NOW.plus(RETENTION));
        assertThat(store.profiles().prompted(GROUP)).isEmpty();
        assertThat(store.profiles().buddyOf(BOB)).isEmpty();
        assertThat(smembers(RedisKeys.checkinBuddyOf(BOB))).isEmpty();
        assertThat(store.profiles().buddyOf(CAROL).get(GROUP)).extracting(MemberRef::userId).containsExactly("4711");

        store.profiles().saveProfile(GROUP, ALICE, CheckinProfile.NONE, NOW.plus(RETENTION));
        assertThat(REDIS.exists(RedisKeys.checkinProfile(ALICE, GROUP))).isFalse();
        assertThat(store.profiles().buddyOf(CAROL)).isEmpty();
    }

    @Test
    void anExpiredProfileLeavesThePromptedSetAsItIsRead() {
        store.profiles().saveProfile(GROUP, ALICE, CheckinProfile.NONE.withPrompts(true), NOW.plus(RETENTION));
        REDIS.connection().run(RedisKeys.checkinProfile(ALICE, GROUP),
                jedis -> jedis.del(RedisKeys.checkinProfile(ALICE, GROUP)));

        assertThat(store.profiles().prompted(GROUP)).isEmpty();
        assertThat(REDIS.exists(RedisKeys.checkinPrompted(GROUP))).isFalse();
    }

    @Test
    void aWaitingLineIsTakenOnceAndTheCooldownStartsOnce() {
        ChannelRef room = new ChannelRef(Platform.TELEGRAM, "-100200300", ChannelRef.Kind.GROUP);
        store.lines().holdShare(GROUP, ALICE, new PendingShare(room, "Grateful for Tuesday"), Duration.ofMinutes(30));

        assertThat(store.lines().heldShare(GROUP, ALICE)).as("looked at, it stays").contains(new PendingShare(room, "Grateful for Tuesday"));
        assertThat(store.lines().takeShare(GROUP, ALICE)).contains(new PendingShare(room, "Grateful for Tuesday"));
        assertThat(store.lines().takeShare(GROUP, ALICE)).isEmpty();
        assertThat(store.lines().heldShare(GROUP, ALICE)).isEmpty();
        // an earlier version kept the rendered post, name included: it lapses instead of being posted with the name twice
        REDIS.connection().run(RedisKeys.checkinShare(ALICE, GROUP), jedis -> jedis.set(RedisKeys.checkinShare(ALICE, GROUP),
                "{\"channel\":\"telegram group -100200300\",\"text\":\"✅ Alice checked in today.\"}"));
        assertThat(store.lines().takeShare(GROUP, ALICE)).isEmpty();
        assertThat(store.cooldowns().startAlertCooldown(GROUP, ALICE, Duration.ofHours(24))).isTrue();
        assertThat(store.cooldowns().startAlertCooldown(GROUP, ALICE, Duration.ofHours(24))).isFalse();
        assertThat(REDIS.ttlMillis(RedisKeys.checkinAlerted(ALICE, GROUP))).isPositive();
        assertThat(REDIS.ttlMillis(RedisKeys.checkinCommunities(ALICE))).isGreaterThanOrEqualTo(Duration.ofHours(23).toMillis());
    }

    @Test
    void communitySettingsRoundTrip() {
        assertThat(store.settings().settings(GROUP)).isEqualTo(CheckinSettings.OFF);
        ChannelRef room = new ChannelRef(Platform.TELEGRAM, "-100200300:topic 7", ChannelRef.Kind.GROUP);
        CheckinSettings settings = new CheckinSettings(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), "recovery", room);

        store.settings().saveSettings(GROUP, settings);

        assertThat(store.settings().settings(GROUP)).isEqualTo(settings);
        assertThat(REDIS.hash(RedisKeys.checkinSettings(GROUP))).containsEntry("days", "MONDAY,FRIDAY").containsEntry("time", "09:00");
    }

    @Test
    void thePulseReadsMoodsOnlyPerMemberWithoutWhoOrNotes() {
        store.checkins().put(GROUP, ALICE, checkin(TODAY, Mood.GOOD, "v1:abcd:sealed"), NOW.plus(RETENTION));
        store.checkins().put(GROUP, ALICE, checkin(TODAY.minusDays(1), Mood.OKAY, null), NOW.plus(RETENTION));
        store.checkins().put(GROUP, BOB, checkin(TODAY, Mood.LOW, null), NOW.plus(RETENTION));
        store.checkins().put(GROUP, CAROL, checkin(TODAY.minusDays(30), Mood.GREAT, null), NOW.plus(RETENTION));
        store.checkins().put(OTHER, CAROL, checkin(TODAY, Mood.GREAT, null), NOW.plus(RETENTION));

        List<List<DayMood>> moods = store.checkins().moodsSince(GROUP, TODAY.minusDays(13));

        assertThat(moods).containsExactlyInAnyOrder(
                List.of(new DayMood(TODAY.minusDays(1), Mood.OKAY), new DayMood(TODAY, Mood.GOOD)),
                List.of(new DayMood(TODAY, Mood.LOW)));
        assertThat(zrange(RedisKeys.checkinActive(GROUP)))
                .as("a month-old check-in is not lately active").containsExactlyInAnyOrder("telegram:4711", "telegram:4712");
    }

    @Test
    void erasingAMemberLeavesNoKeyOfTheirsAndNoTraceInOthersKeys() {
        store.checkins().put(GROUP, ALICE, checkin(TODAY, Mood.GOOD, "v1:abcd:sealed"), NOW.plus(RETENTION));
        store.checkins().put(OTHER, ALICE, checkin(TODAY, Mood.OKAY, null), NOW.plus(RETENTION));
        store.journeys().mark(GROUP, ALICE, new JourneyMark(TODAY, JourneyStage.SHARING), NOW.plus(RETENTION));
        store.profiles().saveProfile(GROUP, ALICE, CheckinProfile.NONE.withPrompts(true).withBuddy(Buddy.member(BOB)), NOW.plus(RETENTION));
        store.lines().holdShare(GROUP, ALICE, new PendingShare(new ChannelRef(Platform.TELEGRAM, "-1", ChannelRef.Kind.GROUP), "x"),
                Duration.ofMinutes(30));
        store.cooldowns().startAlertCooldown(GROUP, ALICE, Duration.ofHours(24));
        store.profiles().saveProfile(GROUP, CAROL, CheckinProfile.NONE.withBuddy(Buddy.member(ALICE)), NOW.plus(RETENTION));
        store.checkins().put(GROUP, BOB, checkin(TODAY, Mood.LOW, null), NOW.plus(RETENTION));

        store.members().eraseMember(ALICE);

        assertThat(REDIS.keys()).noneMatch(key -> key.contains("4711"));
        assertThat(smembers(RedisKeys.checkinPrompted(GROUP))).isEmpty();
        assertThat(zrange(RedisKeys.checkinActive(GROUP))).containsExactly("telegram:4712");
        assertThat(smembers(RedisKeys.checkinBuddyOf(BOB))).isEmpty();
        assertThat(REDIS.hash(RedisKeys.checkinProfile(CAROL, GROUP))).as("Carol's buddy was Alice").doesNotContainKey("buddy");
        assertThat(store.members().communities(ALICE)).isEmpty();
        assertThat(store.checkins().find(GROUP, BOB, TODAY)).isPresent();
    }
}
