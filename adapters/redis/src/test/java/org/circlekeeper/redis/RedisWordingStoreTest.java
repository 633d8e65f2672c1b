package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisWordingStoreTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final CommunityRef GROUP = new CommunityRef(Platform.TELEGRAM, "-1001");
    private static final CommunityRef OTHER = new CommunityRef(Platform.TELEGRAM, "-1002");
    private static final Locale ENGLISH = Locale.ENGLISH;
    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private final RedisWordingStore store = new RedisWordingStore(REDIS.connection());

    @Test
    void noOverridesAtFirst() {
        assertThat(store.overrides(GROUP, ENGLISH)).isEmpty();
    }

    @Test
    void overridesRoundTrip() {
        store.put(GROUP, ENGLISH, "welcome", "Hi {{name}}, glad you're here.\nTake your time.");
        store.put(GROUP, ENGLISH, "help.intro", "Here is what I can do:");

        assertThat(store.overrides(GROUP, ENGLISH)).isEqualTo(Map.of(
                "welcome", "Hi {{name}}, glad you're here.\nTake your time.",
                "help.intro", "Here is what I can do:"));
    }

    @Test
    void aSecondPutReplacesTheText() {
        store.put(GROUP, ENGLISH, "welcome", "Hi");
        store.put(GROUP, ENGLISH, "welcome", "Hello");

        assertThat(store.overrides(GROUP, ENGLISH)).containsExactly(Map.entry("welcome", "Hello"));
    }

    @Test
    void eachLocaleHasItsOwnWording() {
        store.put(GROUP, ENGLISH, "welcome", "Welcome");
        store.put(GROUP, SPANISH, "welcome", "Bienvenida");

        assertThat(store.overrides(GROUP, ENGLISH)).containsExactly(Map.entry("welcome", "Welcome"));
        assertThat(store.overrides(GROUP, SPANISH)).containsExactly(Map.entry("welcome", "Bienvenida"));
        assertThat(REDIS.keys())
                .containsExactlyInAnyOrder("ck:c:{telegram:-1001}:wording:en", "ck:c:{telegram:-1001}:wording:es");
    }

    @Test
    void aRegionalLocaleSharesItsLanguagesWording() {
        store.put(GROUP, SPANISH, "welcome", "Bienvenida");

        assertThat(store.overrides(GROUP, Locale.forLanguageTag("es-MX"))).containsExactly(Map.entry("welcome", "Bienvenida"));
    }

    @Test
    void eachCommunityHasItsOwnWording() {
        store.put(GROUP, ENGLISH, "welcome", "Welcome, circle one");

        assertThat(store.overrides(OTHER, ENGLISH)).isEmpty();
        assertThat(store.remove(OTHER, ENGLISH, "welcome")).isFalse();
        assertThat(store.overrides(GROUP, ENGLISH)).containsExactly(Map.entry("welcome", "Welcome, circle one"));
    }

    @Test
    void removeSaysWhetherThereWasSomethingToRemove() {
        store.put(GROUP, ENGLISH, "welcome", "Welcome");

        assertThat(store.remove(GROUP, ENGLISH, "welcome")).isTrue();
        assertThat(store.remove(GROUP, ENGLISH, "welcome")).isFalse();
        assertThat(store.overrides(GROUP, ENGLISH)).isEmpty();
        assertThat(REDIS.keys()).isEmpty();
    }

    @Test
    void theOverridesReturnedAreASnapshot() {
        store.put(GROUP, ENGLISH, "welcome", "Welcome");
        Map<String, String> before = store.overrides(GROUP, ENGLISH);
        store.put(GROUP, ENGLISH, "welcome", "Changed");

        assertThat(before).containsExactly(Map.entry("welcome", "Welcome"));
        assertThatThrownBy(() -> before.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aCommunityCannotKeepMoreThanTheBoundButMayStillChangeWhatItHas() {
        Map<String, String> full = new HashMap<>();
        for (int i = 0; i < RedisWordingStore.MAX_OVERRIDES; i++) {
            full.put("key." + i, "text " + i);
        }
        REDIS.connection().run(RedisKeys.wording(GROUP, ENGLISH), jedis -> jedis.hset(RedisKeys.wording(GROUP, ENGLISH), full));

        assertThatThrownBy(() -> store.put(GROUP, ENGLISH, "one.more", "text"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at most " + RedisWordingStore.MAX_OVERRIDES);
        store.put(GROUP, ENGLISH, "key.7", "changed");
        store.put(GROUP, SPANISH, "one.more", "otro");

        assertThat(store.overrides(GROUP, ENGLISH)).hasSize(RedisWordingStore.MAX_OVERRIDES)
                .containsEntry("key.7", "changed").doesNotContainKey("one.more");
        assertThat(store.overrides(GROUP, SPANISH)).containsExactly(Map.entry("one.more", "otro"));
    }

    @Test
    void overlongTextsAndEmptyKeysAreRefused() {
        assertThatThrownBy(() -> store.put(GROUP, ENGLISH, "welcome", "x".repeat(RedisWordingStore.MAX_TEXT_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put(GROUP, ENGLISH, " ", "text")).isInstanceOf(IllegalArgumentException.class);
        store.put(GROUP, ENGLISH, "welcome", "x".repeat(RedisWordingStore.MAX_TEXT_LENGTH));

        assertThat(store.overrides(GROUP, ENGLISH).get("welcome")).hasSize(RedisWordingStore.MAX_TEXT_LENGTH);
    }

    @Test
    void theBoundScriptIsSentAgainWhenTheServerForgotIt() {
        store.put(GROUP, ENGLISH, "welcome", "Welcome");
        REDIS.connection().onPrimaries(jedis -> jedis.scriptFlush());

        store.put(GROUP, ENGLISH, "welcome", "Welcome back");

        assertThat(store.overrides(GROUP, ENGLISH)).containsExactly(Map.entry("welcome", "Welcome back"));
    }
}
