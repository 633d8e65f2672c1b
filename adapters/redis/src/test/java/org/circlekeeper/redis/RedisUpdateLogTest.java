package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisUpdateLogTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private final RedisUpdateLog log = new RedisUpdateLog(REDIS.connection(), Platform.TELEGRAM);

    @Test
    void onlyTheFirstClaimWins() {
        assertThat(log.claim("1001", Duration.ofMinutes(5))).isTrue();
        assertThat(log.claim("1001", Duration.ofMinutes(5))).isFalse();
        assertThat(log.claim("1002", Duration.ofMinutes(5))).isTrue();
        assertThat(REDIS.keys()).containsExactlyInAnyOrder("ck:update:telegram:1001", "ck:update:telegram:1002");
    }

    @Test
    void aFinishedUpdateIsRememberedForADay() {
        log.claim("7", Duration.ofMinutes(5));
        log.done("7");
        assertThat(log.claim("7", Duration.ofMinutes(5))).isFalse();
        assertThat(REDIS.ttlMillis("ck:update:telegram:7")).isGreaterThan(Duration.ofHours(23).toMillis());
    }

    @Test
    void aClaimWhoseHolderDiedRunsOutSoARepeatIsProcessed() throws InterruptedException {
        assertThat(log.claim("8", Duration.ofMillis(50))).isTrue();
        Thread.sleep(120);
        assertThat(log.claim("8", Duration.ofMinutes(5))).isTrue();
    }
}
