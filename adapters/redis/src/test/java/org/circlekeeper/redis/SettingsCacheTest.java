package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.circlekeeper.core.community.CommunitySettings;
import org.circlekeeper.core.member.MemberSettings;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas, each with its own connection and so its own {@link SettingsCache}: what one changes, the other
 * reads, once the change's announcement reached it; neither answers from its copy after a change of its own.
 */
class SettingsCacheTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final MemberRef ALICE = new MemberRef(Platform.TELEGRAM, "1001", "Alice");
    private static final CommunityRef GROUP = new CommunityRef(Platform.TELEGRAM, "-1001");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId LIMA = ZoneId.of("America/Lima");
    private static final Duration ANNOUNCEMENT = Duration.ofSeconds(10);

    private final RedisConnection one = new RedisConnection(REDIS.target());
    private final RedisConnection two = new RedisConnection(REDIS.target());

    @AfterEach
    void close() {
        one.close();
        two.close();
    }

    @Test
    void aMemberSettingChangedOnOneReplicaIsReadOnTheOther() {
        RedisMemberSettingsStore first = new RedisMemberSettingsStore(one);
        RedisMemberSettingsStore second = new RedisMemberSettingsStore(two);
        first.save(ALICE, MemberSettings.NONE.withZone(BERLIN));
        awaitLive(two);
        assertThat(second.get(ALICE).zone()).isEqualTo(BERLIN);
        assertThat(second.get(ALICE).zone()).as("now from the second replica's copy").isEqualTo(BERLIN);

        first.save(ALICE, MemberSettings.NONE.withZone(LIMA));

        assertThat(first.get(ALICE).zone()).as("the replica that wrote reads its own change at once").isEqualTo(LIMA);
        assertThat(eventually(() -> second.get(ALICE).zone(), LIMA)).as("the other replica hears of it").isEqualTo(LIMA);

        first.delete(ALICE);
        assertThat(eventually(() -> second.get(ALICE), MemberSettings.NONE)).isEqualTo(MemberSettings.NONE);
    }

    @Test
    void communitySettingsAndWordingChangedOnOneReplicaAreReadOnTheOther() {
        RedisCommunitySettingsStore first = new RedisCommunitySettingsStore(one);
        RedisCommunitySettingsStore second = new RedisCommunitySettingsStore(two);
        RedisWordingStore wordingOne = new RedisWordingStore(one);
        RedisWordingStore wordingTwo = new RedisWordingStore(two);
        awaitLive(two);
        assertThat(second.get(GROUP)).isEqualTo(CommunitySettings.NONE);
        assertThat(wordingTwo.overrides(GROUP, Locale.ENGLISH)).isEmpty();

        first.save(GROUP, new CommunitySettings(BERLIN, Locale.forLanguageTag("es")));
        wordingOne.put(GROUP, Locale.ENGLISH, "help.title", "Hello, circle");

        assertThat(eventually(() -> second.get(GROUP).zone(), BERLIN)).isEqualTo(BERLIN);
        assertThat(eventually(() -> wordingTwo.overrides(GROUP, Locale.ENGLISH), Map.of("help.title", "Hello, circle")))
                .containsEntry("help.title", "Hello, circle");

        wordingOne.remove(GROUP, Locale.ENGLISH, "help.title");
        assertThat(eventually(() -> wordingTwo.overrides(GROUP, Locale.ENGLISH), Map.of())).isEmpty();
    }

    @Test
    void aKeyChangedByHandIsReadAfterEveryCacheIsToldToForget() {
        RedisMemberSettingsStore second = new RedisMemberSettingsStore(two);
        awaitLive(two);
        assertThat(second.get(ALICE)).isEqualTo(MemberSettings.NONE);
        one.run(RedisKeys.memberSettings(ALICE), jedis -> jedis.hset(RedisKeys.memberSettings(ALICE), "zone", "Europe/Berlin"));

        one.forgetCached();

        assertThat(eventually(() -> second.get(ALICE).zone(), BERLIN)).isEqualTo(BERLIN);
    }

    @Test
    void withoutItsSubscriptionACacheReadsRedis() {
        RedisMemberSettingsStore second = new RedisMemberSettingsStore(two);
        awaitLive(two);
        assertThat(second.get(ALICE)).isEqualTo(MemberSettings.NONE);
        two.cache().close();
        // written by hand, so no announcement: only a read of Redis itself can see it
        one.run(RedisKeys.memberSettings(ALICE), jedis -> jedis.hset(RedisKeys.memberSettings(ALICE), "zone", "Europe/Berlin"));

        assertThat(second.get(ALICE).zone()).isEqualTo(BERLIN);
    }

    /** Waits until the cache of {@code connection} listens (it starts on the first read). */
    private static void awaitLive(RedisConnection connection) {
        SettingsCache cache = connection.cache();
        eventually(() -> {
            cache.get("ck:probe", () -> "x");
            return cache.isLive();
        }, true);
    }

    /** Reads until the value is {@code expected} or {@link #ANNOUNCEMENT} passed; returns the last value read. */
    private static <T> T eventually(Supplier<T> read, T expected) {
        long until = System.nanoTime() + ANNOUNCEMENT.toNanos();
        T value = read.get();
        while (!expected.equals(value) && System.nanoTime() < until) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = read.get();
        }
        return value;
    }
}
