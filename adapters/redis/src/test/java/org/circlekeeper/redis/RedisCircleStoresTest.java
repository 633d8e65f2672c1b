package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.circlekeeper.core.circle.Circle;
import org.circlekeeper.core.circle.CircleSettings;
import org.circlekeeper.core.circle.CircleStore;
import org.circlekeeper.core.circle.CircleStores;
import org.circlekeeper.core.circle.MemberRsvp;
import org.circlekeeper.core.circle.ReminderChoice;
import org.circlekeeper.core.circle.Rsvp;
import org.circlekeeper.core.ref.MemberRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The circle stores against a real Redis: the shared contract, then what only Redis has — the keys written,
 * their time to live, the per-member indexes, the bound and version checks under racing threads, and values
 * that cannot be read.
 */
class RedisCircleStoresTest extends CircleStoresContract {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final String CIRCLES = "ck:c:{telegram:-1001}:circles";
    private static final String MEETING_KEY = "ck:c:{telegram:-1001}:rsvp:tuesday:20261201T1900";
    private static final String ALICE_RSVPS = "ck:m:{telegram:4711}:rsvps";
    private static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final String NEW_TOKEN = "CCCCCCCCCCCCCCCCCCCCCC";

    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @Override
    CircleStores stores() {
        RedisConnection redis = REDIS.connection();
        return new CircleStores(new RedisCircleStore(redis), new RedisRsvpStore(redis, clock), new RedisReminderChoiceStore(redis),
                new RedisFeedTokenStore(redis), new RedisEventLinkStore(redis));
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    // ---- the keys ----

    @Test
    void aCircleIsOneFieldOfItsCommunitysHash() {
        stores().circles().add(GROUP, tuesday());

        assertThat(REDIS.keys()).containsExactly(CIRCLES);
        assertThat(REDIS.hash(CIRCLES)).containsOnlyKeys("tuesday");
        assertThat(REDIS.hash(CIRCLES).get("tuesday")).startsWith("{\"v\":1,\"id\":\"tuesday\",\"version\":1,");
        assertThat(REDIS.ttlMillis(CIRCLES)).as("circles stay until removed").isEqualTo(-1);
    }

    @Test
    void everyKeyFollowsTheDocumentedSchema() {
        CircleStores stores = stores();
        stores.circles().add(GROUP, tuesday());
        stores.circles().saveSettings(GROUP, new CircleSettings(List.of(Duration.ofDays(1), Duration.ofMinutes(15))));
        stores.rsvps().put(GROUP, MEETING, ALICE, new Rsvp(Rsvp.Answer.COMING, "Alice", START), KEPT_UNTIL);
        stores.reminders().save(GROUP, ALICE, ReminderChoice.NONE.withAll(List.of(Duration.ofHours(1))));
        stores.feeds().put(GROUP, TOKEN);
        stores.events().replace(GROUP, "tuesday", null, "900000000000000001");

        assertThat(REDIS.keys()).containsExactlyInAnyOrder(CIRCLES, "ck:c:{telegram:-1001}:circles:settings", MEETING_KEY, ALICE_RSVPS,
                "ck:c:{telegram:-1001}:reminders", "ck:m:{telegram:4711}:reminders", "ck:c:{telegram:-1001}:feed", "ck:feed:" + TOKEN,
                "ck:c:{telegram:-1001}:circles:events");
        assertThat(REDIS.hash("ck:c:{telegram:-1001}:circles:events")).isEqualTo(Map.of("tuesday", "900000000000000001"));
        assertThat(REDIS.hash("ck:c:{telegram:-1001}:circles:settings")).isEqualTo(Map.of("leads", "PT24H,PT15M"));
        assertThat(REDIS.hash(MEETING_KEY)).containsOnlyKeys("telegram:4711");
        assertThat(REDIS.hash(MEETING_KEY).get("telegram:4711")).isEqualTo(
                "{\"v\":1,\"answer\":\"coming\",\"name\":\"Alice\",\"at\":\"2026-11-27T09:00:00Z\",\"expires\":\"2026-12-08T19:00:00Z\"}");
        assertThat(index(ALICE_RSVPS)).isEqualTo(Map.of("telegram:-1001/tuesday/20261201T1900", (double) KEPT_UNTIL.toEpochMilli()));
        assertThat(REDIS.hash("ck:c:{telegram:-1001}:reminders")).isEqualTo(
                Map.of("telegram:4711", "{\"v\":1,\"all\":[\"PT1H\"],\"circles\":{}}"));
        assertThat(members("ck:m:{telegram:4711}:reminders")).containsExactly("telegram:-1001");
        assertThat(string("ck:c:{telegram:-1001}:feed")).isEqualTo(TOKEN);
        assertThat(string("ck:feed:" + TOKEN)).isEqualTo("telegram:-1001");
    }

    // ---- the bound and the version check ----

    @Test
    void aCommunityKeepsAtMostFiftyCirclesCancelledOnesIncluded() {
        CircleStore store = stores().circles();
        for (int i = 1; i <= CircleStore.MAX_CIRCLES; i++) {
            assertThat(store.add(GROUP, numbered(i).cancel(clock.instant()))).isTrue();
        }

        assertThat(store.add(GROUP, numbered(51))).isFalse();
        assertThat(REDIS.hash(CIRCLES)).hasSize(CircleStore.MAX_CIRCLES).doesNotContainKey("c51");
        assertThat(store.add(OTHER_GROUP, numbered(51))).as("the bound is per community").isTrue();

        assertThat(store.remove(GROUP, "c7")).isTrue();
        assertThat(store.add(GROUP, numbered(51))).isTrue();
        assertThat(store.all(GROUP)).hasSize(CircleStore.MAX_CIRCLES);
    }

    @Test
    void racingAddsCannotOverrunTheBound() throws Exception {
        CircleStore store = stores().circles();
        for (int i = 1; i < CircleStore.MAX_CIRCLES; i++) {
            store.add(GROUP, numbered(i));
        }
        List<Callable<Boolean>> adds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Circle circle = numbered(100 + i);
            adds.add(() -> store.add(GROUP, circle));
        }

        List<Boolean> results = all(adds);

        assertThat(results).containsOnlyOnce(true);
        assertThat(REDIS.hash(CIRCLES)).hasSize(CircleStore.MAX_CIRCLES);
    }

    @Test
    void twoThreadsReplacingTheSameVersionCannotBothWin() throws Exception {
        CircleStore store = stores().circles();
        Circle current = tuesday();
        store.add(GROUP, current);
        for (int round = 0; round < 50; round++) {
            Circle byOlivia = current.withName("Olivia's " + round);
            Circle byOscar = current.withDescription("Oscar's " + round);

            List<Boolean> results = all(List.of(() -> store.replace(GROUP, byOlivia), () -> store.replace(GROUP, byOscar)));

            assertThat(results).as("round %d", round).containsExactlyInAnyOrder(true, false);
            current = results.get(0) ? byOlivia : byOscar;
            assertThat(store.find(GROUP, "tuesday")).contains(current);
        }
        assertThat(current.version()).isEqualTo(51);
    }

    // ---- answers: time to live and index ----

    @Test
    void answersLiveUntilTheirLastAnswerExpiresAndNotLonger() {
        CircleStores stores = stores();
        long keptFor = KEPT_UNTIL.toEpochMilli() - START.toEpochMilli();
        stores.rsvps().put(GROUP, MEETING, ALICE, new Rsvp(Rsvp.Answer.COMING, "Alice", START), KEPT_UNTIL);

        assertThat(REDIS.ttlMillis(MEETING_KEY)).isBetween(keptFor - 60_000, keptFor);
        assertThat(REDIS.ttlMillis(ALICE_RSVPS)).isBetween(keptFor - 60_000, keptFor);

        stores.rsvps().put(GROUP, MEETING, BOB, new Rsvp(Rsvp.Answer.MAYBE, "Bob", START), KEPT_UNTIL.minus(Duration.ofDays(5)));
        assertThat(REDIS.ttlMillis(MEETING_KEY)).as("a shorter answer does not shorten the others'").isBetween(keptFor - 60_000, keptFor);

        stores.rsvps().put(GROUP, MEETING, BOB, new Rsvp(Rsvp.Answer.MAYBE, "Bob", START), KEPT_UNTIL.plus(Duration.ofDays(1)));
        assertThat(REDIS.ttlMillis(MEETING_KEY)).isGreaterThan(keptFor);
    }

    @Test
    void aMembersIndexIsPrunedOnWrite() {
        CircleStores stores = stores();
        Rsvp coming = new Rsvp(Rsvp.Answer.COMING, "Alice", START);
        stores.rsvps().put(GROUP, MEETING, ALICE, coming, KEPT_UNTIL);
        stores.rsvps().put(OTHER_GROUP, MEETING, ALICE, coming, KEPT_UNTIL.plus(Duration.ofDays(30)));
        assertThat(index(ALICE_RSVPS)).hasSize(2);

        clock.set(KEPT_UNTIL.plusSeconds(1));
        stores.rsvps().put(GROUP, NEXT_MEETING, ALICE, coming, KEPT_UNTIL.plus(Duration.ofDays(7)));

        assertThat(index(ALICE_RSVPS)).containsOnlyKeys("telegram:-1002/tuesday/20261201T1900", "telegram:-1001/tuesday/20261208T1900");
        long untilLast = Duration.ofDays(30).toMillis() - 1_000;
        assertThat(REDIS.ttlMillis(ALICE_RSVPS)).as("the index lives as long as its last entry").isBetween(untilLast - 60_000, untilLast);
    }

    @Test
    void erasingAMemberLeavesNothingOfThemInRedis() {
        CircleStores stores = stores();
        Rsvp coming = new Rsvp(Rsvp.Answer.COMING, "Alice", START);
        ReminderChoice choice = ReminderChoice.NONE.withAll(List.of(Duration.ofHours(1)));
        for (var community : List.of(GROUP, OTHER_GROUP)) {
            stores.rsvps().put(community, MEETING, ALICE, coming, KEPT_UNTIL);
            stores.rsvps().put(community, NEXT_MEETING, ALICE, coming, KEPT_UNTIL.plus(Duration.ofDays(7)));
            stores.reminders().save(community, ALICE, choice);
        }
        stores.rsvps().put(GROUP, MEETING, BOB, coming, KEPT_UNTIL);
        stores.reminders().save(GROUP, BOB, choice);
        clock.set(KEPT_UNTIL.plusSeconds(1));

        stores.rsvps().eraseMember(ALICE);
        stores.reminders().eraseMember(ALICE);

        assertThat(REDIS.keys()).noneMatch(key -> key.contains("4711"))
                .containsExactlyInAnyOrder(MEETING_KEY, "ck:c:{telegram:-1001}:reminders", "ck:m:{telegram:4712}:rsvps",
                        "ck:m:{telegram:4712}:reminders");
        for (String key : REDIS.keys()) {
            String type = REDIS.connection().call(key, jedis -> jedis.type(key));
            if (type.equals("hash")) {
                assertThat(REDIS.hash(key)).as(key).containsOnlyKeys("telegram:4712");
            }
        }
    }

    // ---- values that cannot be read ----

    @Test
    void aCircleThatCannotBeReadIsSkippedAndNeverReplaced() {
        CircleStores stores = stores();
        stores.circles().add(GROUP, tuesday());
        String valid = REDIS.hash(CIRCLES).get("tuesday");
        REDIS.connection().run(CIRCLES, jedis -> jedis.hset(CIRCLES, Map.of(
                "garbage", "not json at all",
                "newer", valid.replace("\"v\":1", "\"v\":2").replace("\"id\":\"tuesday\"", "\"id\":\"newer\""),
                "nozone", valid.replace("Europe/Berlin", "Mars/Olympus").replace("\"id\":\"tuesday\"", "\"id\":\"nozone\""),
                "elsewhere", valid)));

        assertThat(stores.circles().all(GROUP)).containsExactly(tuesday());
        assertThat(stores.circles().find(GROUP, "garbage")).isEmpty();
        assertThat(stores.circles().find(GROUP, "elsewhere")).as("a circle stored under another id").isEmpty();
        assertThat(stores.circles().replace(GROUP, Circle.create("garbage", "Garbage", CHANNEL, tuesday().schedule()).withName("G")))
                .isFalse();
        assertThat(REDIS.hash(CIRCLES)).containsEntry("garbage", "not json at all");

        REDIS.connection().run("ck:c:{telegram:-1001}:circles:settings",
                jedis -> jedis.hset("ck:c:{telegram:-1001}:circles:settings", "leads", "PT1H,soon"));
        assertThat(stores.circles().settings(GROUP)).isEqualTo(CircleSettings.DEFAULT);
    }

    @Test
    void aCircleParsedOnceIsReadAgainWhenAnotherReplicaChangesIt() throws Exception {
        CircleStore here = stores().circles();
        CircleStore otherReplica = new RedisCircleStore(REDIS.connection());
        here.add(GROUP, tuesday());
        assertThat(here.all(GROUP)).containsExactly(tuesday());
        assertThat(here.find(GROUP, "tuesday")).contains(tuesday());

        Circle renamed = tuesday().withName("Tuesday evening");
        assertThat(otherReplica.replace(GROUP, renamed)).isTrue();
        assertThat(here.all(GROUP)).as("the changed text is parsed, not the kept circle of the old one").containsExactly(renamed);
        assertThat(here.find(GROUP, "tuesday")).contains(renamed);

        String stored = REDIS.hash(CIRCLES).get("tuesday");
        REDIS.connection().run(CIRCLES, jedis -> jedis.hset(CIRCLES, "tuesday", stored.replace("Europe/Berlin", "Mars/Olympus")));
        assertThat(here.all(GROUP)).as("a text made unreadable is never answered from the kept circle").isEmpty();
        assertThat(RedisCircleStore.parsed(stored)).as("one text, one parse").isSameAs(RedisCircleStore.parsed(stored));
    }

    @Test
    void answersAndIndexEntriesThatCannotBeReadAreSkipped() {
        CircleStores stores = stores();
        Rsvp coming = new Rsvp(Rsvp.Answer.COMING, "Alice", START);
        stores.rsvps().put(GROUP, MEETING, ALICE, coming, KEPT_UNTIL);
        REDIS.connection().run(MEETING_KEY, jedis -> {
            jedis.hset(MEETING_KEY, "telegram:4713", "{\"v\":1,\"answer\":\"perhaps\"}");
            jedis.hset(MEETING_KEY, "nobody", REDIS.hash(MEETING_KEY).get("telegram:4711"));
        });
        REDIS.connection().run(ALICE_RSVPS, jedis -> {
            jedis.zadd(ALICE_RSVPS, KEPT_UNTIL.toEpochMilli(), "not an entry");
            jedis.zadd(ALICE_RSVPS, KEPT_UNTIL.toEpochMilli(), "telegram:-1001/tuesday/yesterday");
        });

        assertThat(stores.rsvps().answers(GROUP, MEETING)).isEqualTo(Map.of(withoutName(ALICE), coming));
        assertThat(stores.rsvps().get(GROUP, MEETING, new MemberRef(ALICE.platform(), "4713", null))).isEmpty();
        assertThat(stores.rsvps().ofMember(ALICE)).containsExactly(new MemberRsvp(GROUP, MEETING, coming));

        stores.rsvps().eraseMember(ALICE);
        assertThat(REDIS.exists(ALICE_RSVPS)).as("unreadable entries go with the rest").isFalse();
    }

    @Test
    void choicesAndIndexEntriesThatCannotBeReadAreSkipped() {
        CircleStores stores = stores();
        ReminderChoice choice = ReminderChoice.NONE.withAll(List.of(Duration.ofHours(1)));
        stores.reminders().save(GROUP, ALICE, choice);
        REDIS.connection().run("ck:c:{telegram:-1001}:reminders", jedis -> jedis.hset("ck:c:{telegram:-1001}:reminders",
                "telegram:4712", "{\"v\":1,\"all\":[\"-PT1H\"],\"circles\":{}}"));
        REDIS.connection().run("ck:m:{telegram:4711}:reminders", jedis -> jedis.sadd("ck:m:{telegram:4711}:reminders", "nowhere",
                "telegram:%zz"));

        assertThat(stores.reminders().all(GROUP)).isEqualTo(Map.of(withoutName(ALICE), choice));
        assertThat(stores.reminders().get(GROUP, BOB)).isEqualTo(ReminderChoice.NONE);
        assertThat(stores.reminders().ofMember(ALICE)).isEqualTo(Map.of(GROUP, choice));

        stores.reminders().eraseMember(ALICE);
        assertThat(REDIS.exists("ck:m:{telegram:4711}:reminders")).isFalse();
    }

    // ---- calendar-feed tokens ----

    @Test
    void aRotatedTokenLeavesNoKeyBehind() {
        CircleStores stores = stores();
        stores.feeds().put(GROUP, TOKEN);

        stores.feeds().put(GROUP, NEW_TOKEN);

        assertThat(REDIS.keys()).containsExactlyInAnyOrder("ck:c:{telegram:-1001}:feed", "ck:feed:" + NEW_TOKEN);
    }

    @Test
    void aTokenCountsOnlyWhileItsCommunityStillNamesIt() {
        CircleStores stores = stores();
        stores.feeds().put(GROUP, NEW_TOKEN);
        // as if a rotation had stopped before it removed the old token's key
        REDIS.connection().run("ck:feed:" + TOKEN, jedis -> jedis.set("ck:feed:" + TOKEN, "telegram:-1001"));

        assertThat(stores.feeds().community(TOKEN)).isEmpty();
        assertThat(stores.feeds().community(NEW_TOKEN)).contains(GROUP);
    }

    @Test
    void malformedOrUnreadableTokensFindNothing() {
        CircleStores stores = stores();
        stores.feeds().put(GROUP, TOKEN);
        for (String token : new String[] {null, "", "../" + TOKEN, TOKEN + "=", "x".repeat(65), "ck:feed:" + TOKEN}) {
            assertThat(stores.feeds().community(token)).as("token %s", token).isEmpty();
        }
        REDIS.connection().run("ck:feed:BBBB", jedis -> jedis.set("ck:feed:BBBB", "somewhere else"));
        REDIS.connection().run("ck:c:{telegram:-1002}:feed", jedis -> jedis.set("ck:c:{telegram:-1002}:feed", "not a token!"));
        assertThat(stores.feeds().community("BBBB")).isEmpty();
        assertThat(stores.feeds().token(OTHER_GROUP)).isEmpty();
    }

    @Test
    void racingRotationsLeaveExactlyOneWorkingToken() throws Exception {
        CircleStores stores = stores();
        stores.feeds().put(GROUP, TOKEN);
        for (int round = 0; round < 30; round++) {
            String first = String.format("first%017d", round);
            String second = String.format("secnd%017d", round);

            all(List.of(() -> {
                stores.feeds().put(GROUP, first);
                return true;
            }, () -> {
                stores.feeds().put(GROUP, second);
                return true;
            }));

            String winner = stores.feeds().token(GROUP).orElseThrow();
            assertThat(winner).isIn(first, second);
            assertThat(stores.feeds().community(winner)).contains(GROUP);
            assertThat(stores.feeds().community(winner.equals(first) ? second : first)).isEmpty();
            assertThat(REDIS.keys()).as("round %d", round).containsExactlyInAnyOrder("ck:c:{telegram:-1001}:feed", "ck:feed:" + winner);
        }
    }

    // ---- helpers ----

    private static Circle numbered(int n) {
        return Circle.create("c" + n, "Circle " + n, CHANNEL, tuesday().schedule());
    }

    /** Runs the tasks at the same moment on separate threads and returns their results in order. */
    private <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                return task.call();
            }));
        }
        ready.await();
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private static Map<String, Double> index(String key) {
        return REDIS.connection().call(key, jedis -> jedis.zrangeWithScores(key, 0, -1)).stream()
                .collect(Collectors.toMap(t -> t.getElement(), t -> t.getScore()));
    }

    private static Set<String> members(String key) {
        return REDIS.connection().call(key, jedis -> jedis.smembers(key));
    }

    private static String string(String key) {
        return REDIS.connection().call(key, jedis -> jedis.get(key));
    }
}
