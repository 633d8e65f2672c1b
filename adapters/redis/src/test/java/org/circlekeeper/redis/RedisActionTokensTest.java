package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.circlekeeper.core.engine.ActionTokens.Outcome;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisActionTokensTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final MemberRef ALICE = new MemberRef(Platform.TELEGRAM, "1001", "Alice");
    private static final MemberRef BOB = new MemberRef(Platform.TELEGRAM, "1002", "Bob");
    private static final String PURPOSE = "forgetme";
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private final RedisActionTokens tokens = new RedisActionTokens(REDIS.connection());

    @Test
    void aTokenIsShortUrlSafeAndFitsInAButton() {
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String token = tokens.issue(ALICE, PURPOSE, TEN_MINUTES);
            assertThat(token).hasSize(RedisActionTokens.TOKEN_LENGTH).matches("[A-Za-z0-9_-]+");
            assertThat(("privacy.erase:" + token).getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64);
            issued.add(token);
        }
        assertThat(issued).hasSize(200);
    }

    @Test
    void theOwnerConsumesOnceAndTheSecondPressFindsItGone() {
        String token = tokens.issue(ALICE, PURPOSE, TEN_MINUTES);

        assertThat(tokens.consume(token, ALICE, PURPOSE)).isEqualTo(Outcome.CONSUMED);
        assertThat(tokens.consume(token, ALICE, PURPOSE)).isEqualTo(Outcome.GONE);
        assertThat(REDIS.exists(RedisKeys.token(token))).isFalse();
    }

    @Test
    void someoneElsesPressLeavesTheTokenForItsOwner() {
        String token = tokens.issue(ALICE, PURPOSE, TEN_MINUTES);

        assertThat(tokens.consume(token, BOB, PURPOSE)).isEqualTo(Outcome.NOT_YOURS);
        assertThat(tokens.consume(token, BOB, PURPOSE)).isEqualTo(Outcome.NOT_YOURS);
        assertThat(tokens.consume(token, ALICE, PURPOSE)).isEqualTo(Outcome.CONSUMED);
        assertThat(tokens.consume(token, BOB, PURPOSE)).isEqualTo(Outcome.GONE);
    }

    @Test
    void theSameUserIdOnAnotherPlatformIsNotTheOwner() {
        String token = tokens.issue(ALICE, PURPOSE, TEN_MINUTES);

        assertThat(tokens.consume(token, new MemberRef(Platform.DISCORD, "1001", "Alice"), PURPOSE))
                .isEqualTo(Outcome.NOT_YOURS);
    }

    @Test
    void aTokenForAnotherPurposeIsGoneForThisOneAndStaysForItsOwn() {
        String token = tokens.issue(ALICE, PURPOSE, TEN_MINUTES);

        assertThat(tokens.consume(token, ALICE, "circle.delete")).isEqualTo(Outcome.GONE);
        assertThat(tokens.consume(token, ALICE, PURPOSE)).isEqualTo(Outcome.CONSUMED);
    }

    @Test
    void unknownAndMalformedTokensAreGone() {
        assertThat(tokens.consume("AAAAAAAAAAAAAAAAAAAAAA", ALICE, PURPOSE)).isEqualTo(Outcome.GONE);
        assertThat(tokens.consume("*", ALICE, PURPOSE)).isEqualTo(Outcome.GONE);
        assertThat(tokens.consume("ck:m:{telegram:1001}:settings", ALICE, PURPOSE)).isEqualTo(Outcome.GONE);
        assertThat(tokens.consume(null, ALICE, PURPOSE)).isEqualTo(Outcome.GONE);
    }

    @Test
    void everyTokenKeyExpires() {
        String token = tokens.issue(ALICE, PURPOSE, TEN_MINUTES);

        long ttl = REDIS.ttlMillis(RedisKeys.token(token));
        assertThat(ttl).isBetween(TEN_MINUTES.toMillis() - 5_000, TEN_MINUTES.toMillis());
    }

    @Test
    void anExpiredTokenIsGone() throws InterruptedException {
        String token = tokens.issue(ALICE, PURPOSE, Duration.ofMillis(50));
        String other = tokens.issue(ALICE, PURPOSE, TEN_MINUTES);
        waitUntilExpired(token);

        assertThat(tokens.consume(token, ALICE, PURPOSE)).isEqualTo(Outcome.GONE);
        assertThat(tokens.consume(token, BOB, PURPOSE)).isEqualTo(Outcome.GONE);
        assertThat(tokens.consume(other, ALICE, PURPOSE)).isEqualTo(Outcome.CONSUMED);
    }

    @Test
    void ofEightRacingPressesExactlyOneConsumes() throws Exception {
        int presses = 8;
        for (int round = 0; round < 5; round++) {
            String token = tokens.issue(ALICE, PURPOSE, TEN_MINUTES);
            CyclicBarrier start = new CyclicBarrier(presses);
            ExecutorService pool = Executors.newFixedThreadPool(presses);
            try {
                List<Future<Outcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < presses; i++) {
                    outcomes.add(pool.submit(() -> {
                        start.await(5, TimeUnit.SECONDS);
                        return tokens.consume(token, ALICE, PURPOSE);
                    }));
                }
                List<Outcome> results = new ArrayList<>();
                for (Future<Outcome> outcome : outcomes) {
                    results.add(outcome.get(10, TimeUnit.SECONDS));
                }
                assertThat(results).containsOnlyOnce(Outcome.CONSUMED)
                        .filteredOn(o -> o != Outcome.CONSUMED).containsOnly(Outcome.GONE).hasSize(presses - 1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void consumingWorksAfterTheServerForgotItsScripts() {
        String token = tokens.issue(ALICE, PURPOSE, TEN_MINUTES);
        REDIS.connection().onPrimaries(jedis -> jedis.scriptFlush());

        assertThat(tokens.consume(token, ALICE, PURPOSE)).isEqualTo(Outcome.CONSUMED);
    }

    @Test
    void issuingNeedsAPurposeAndATimeToLive() {
        assertThatThrownBy(() -> tokens.issue(ALICE, " ", TEN_MINUTES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue(ALICE, PURPOSE, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue(ALICE, PURPOSE, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void waitUntilExpired(String token) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (REDIS.ttlMillis(RedisKeys.token(token)) != -2) {
            assertThat(System.nanoTime()).as("the token should have expired within 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
