package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.circlekeeper.core.member.MemberSettings;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisMemberSettingsStoreTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final MemberRef ALICE = new MemberRef(Platform.TELEGRAM, "1001", "Alice");
    private static final MemberRef BOB = new MemberRef(Platform.TELEGRAM, "1002", "Bob");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private final RedisMemberSettingsStore store = new RedisMemberSettingsStore(REDIS.connection());

    @Test
    void aMemberWhoSetNothingHasNoSettingsAndNoKey() {
        assertThat(store.get(ALICE)).isEqualTo(MemberSettings.NONE);
        assertThat(keys()).isZero();
    }

    @Test
    void settingsRoundTrip() {
        MemberSettings settings = new MemberSettings(BERLIN, SPANISH, "DE", "-1001");
        store.save(ALICE, settings);

        assertThat(store.get(ALICE)).isEqualTo(settings);
        assertThat(store.get(BOB)).isEqualTo(MemberSettings.NONE);
    }

    @Test
    void theHashHoldsOnlyTheFieldsSet() {
        store.save(ALICE, MemberSettings.NONE.withCountry("AR"));

        assertThat(REDIS.hash("ck:m:{telegram:1001}:settings"))
                .containsExactly(Map.entry("country", "AR"));
        assertThat(store.get(ALICE)).isEqualTo(new MemberSettings(null, null, "AR", null));
    }

    @Test
    void aClearedSettingIsGoneFromTheHash() {
        store.save(ALICE, new MemberSettings(BERLIN, SPANISH, "DE", "-1001"));
        store.save(ALICE, new MemberSettings(BERLIN, null, null, null));

        assertThat(store.get(ALICE)).isEqualTo(new MemberSettings(BERLIN, null, null, null));
        assertThat(REDIS.hash(RedisKeys.memberSettings(ALICE)).keySet())
                .containsExactly("zone");
    }

    @Test
    void savingEmptySettingsRemovesTheKey() {
        store.save(ALICE, new MemberSettings(BERLIN, SPANISH, "DE", "-1001"));
        store.save(BOB, MemberSettings.NONE.withZone(BERLIN));
        assertThat(keys()).as("two settings hashes and Alice's last group").isEqualTo(3);

        store.save(ALICE, MemberSettings.NONE);

        assertThat(REDIS.exists(RedisKeys.memberSettings(ALICE))).isFalse();
        assertThat(REDIS.exists(RedisKeys.memberHome(ALICE))).isFalse();
        assertThat(store.get(ALICE)).isEqualTo(MemberSettings.NONE);
        assertThat(store.get(BOB).zone()).isEqualTo(BERLIN);
    }

    @Test
    void theLastGroupIsKeptApartAndExpiresWhileTheChoicesStay() {
        store.save(ALICE, new MemberSettings(BERLIN, null, null, "-1001"));

        assertThat(REDIS.hash(RedisKeys.memberSettings(ALICE))).containsOnlyKeys("zone");
        assertThat(REDIS.ttlMillis(RedisKeys.memberSettings(ALICE))).isEqualTo(-1);
        assertThat(REDIS.ttlMillis(RedisKeys.memberHome(ALICE))).isPositive()
                .isLessThanOrEqualTo(MemberSettingsStore.HOME_KEPT.toMillis());
        store.save(BOB, MemberSettings.NONE.withCommunity("-1002"));
        assertThat(REDIS.exists(RedisKeys.memberSettings(BOB))).as("no choice, no settings hash").isFalse();
        assertThat(store.get(BOB)).isEqualTo(MemberSettings.NONE.withCommunity("-1002"));
    }

    @Test
    void deleteRemovesTheKey() {
        store.save(ALICE, new MemberSettings(BERLIN, SPANISH, "DE", "-1001"));

        store.delete(ALICE);
        store.delete(BOB);

        assertThat(keys()).isZero();
        assertThat(store.get(ALICE)).isEqualTo(MemberSettings.NONE);
    }

    @Test
    void theSameUserIdOnAnotherPlatformIsAnotherMember() {
        MemberRef aliceOnDiscord = new MemberRef(Platform.DISCORD, "1001", "Alice");
        store.save(ALICE, MemberSettings.NONE.withCountry("DE"));

        assertThat(store.get(aliceOnDiscord)).isEqualTo(MemberSettings.NONE);
    }

    @Test
    void userIdsWithSeparatorsCannotCollide() {
        MemberRef colon = new MemberRef(Platform.CONSOLE, "a:b", null);
        MemberRef escapedLookalike = new MemberRef(Platform.CONSOLE, "a%3Ab", null);
        MemberRef prefix = new MemberRef(Platform.CONSOLE, "a", null);
        MemberRef brace = new MemberRef(Platform.CONSOLE, "a}:settings", null);
        store.save(colon, MemberSettings.NONE.withCountry("AR"));
        store.save(escapedLookalike, MemberSettings.NONE.withCountry("BR"));
        store.save(prefix, MemberSettings.NONE.withCountry("CL"));
        store.save(brace, MemberSettings.NONE.withCountry("DE"));

        assertThat(keys()).isEqualTo(4);
        assertThat(store.get(colon).country()).isEqualTo("AR");
        assertThat(store.get(escapedLookalike).country()).isEqualTo("BR");
        assertThat(store.get(prefix).country()).isEqualTo("CL");
        assertThat(store.get(brace).country()).isEqualTo("DE");

        store.delete(colon);
        assertThat(store.get(escapedLookalike).country()).isEqualTo("BR");
        assertThat(store.get(prefix).country()).isEqualTo("CL");
    }

    @Test
    void aZoneThisRuntimeNoLongerKnowsReadsAsUnset() {
        REDIS.connection().run(RedisKeys.memberSettings(ALICE), jedis -> jedis.hset(RedisKeys.memberSettings(ALICE),
                Map.of("zone", "Mars/Olympus_Mons", "country", "DE")));

        assertThat(store.get(ALICE)).isEqualTo(new MemberSettings(null, null, "DE", null));
    }

    private long keys() {
        return REDIS.keys().size();
    }
}
