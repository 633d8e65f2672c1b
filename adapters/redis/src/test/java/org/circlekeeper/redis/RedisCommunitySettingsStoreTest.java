package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.circlekeeper.core.community.CommunitySettings;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisCommunitySettingsStoreTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final CommunityRef GROUP = new CommunityRef(Platform.TELEGRAM, "-100200300");
    private static final CommunityRef OTHER = new CommunityRef(Platform.DISCORD, "-100200300");

    private final RedisCommunitySettingsStore store = new RedisCommunitySettingsStore(REDIS.connection());

    @Test
    void aNewCommunityHasNoSettings() {
        assertThat(store.get(GROUP)).isEqualTo(CommunitySettings.NONE);
    }

    @Test
    void settingsRoundTripPerCommunity() {
        CommunitySettings madrid = new CommunitySettings(ZoneId.of("Europe/Madrid"), Locale.forLanguageTag("es"));
        store.save(GROUP, madrid);

        assertThat(store.get(GROUP)).isEqualTo(madrid);
        assertThat(store.get(OTHER)).isEqualTo(CommunitySettings.NONE);
        assertThat(REDIS.hash("ck:c:{telegram:-100200300}:settings"))
                .isEqualTo(Map.of("zone", "Europe/Madrid", "language", "es"));
    }

    @Test
    void oneSettingAloneIsKeptAlone() {
        store.save(GROUP, new CommunitySettings(ZoneId.of("America/Bogota"), Locale.ENGLISH));
        store.save(GROUP, CommunitySettings.NONE.withLanguage(Locale.ENGLISH));

        assertThat(store.get(GROUP)).isEqualTo(new CommunitySettings(null, Locale.ENGLISH));
        assertThat(REDIS.hash(RedisKeys.communitySettings(GROUP)).keySet())
                .containsExactly("language");
    }

    @Test
    void savingNothingRemovesTheKey() {
        store.save(GROUP, new CommunitySettings(ZoneId.of("America/Bogota"), Locale.ENGLISH));
        store.save(GROUP, CommunitySettings.NONE);

        assertThat(REDIS.exists(RedisKeys.communitySettings(GROUP))).isFalse();
        assertThat(store.get(GROUP)).isEqualTo(CommunitySettings.NONE);
    }
}
