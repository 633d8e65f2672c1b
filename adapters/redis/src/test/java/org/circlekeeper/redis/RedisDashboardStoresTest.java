package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.circlekeeper.core.dashboard.SignIn;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The organisers' page's links and sessions on a real Redis: a link is taken once, whoever races for it. */
class RedisDashboardStoresTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final MemberRef OLIVIA = new MemberRef(Platform.TELEGRAM, "1001", "Olivia");
    private static final CommunityRef GROUP = new CommunityRef(Platform.TELEGRAM, "-100200");
    private static final SignIn SIGN_IN = new SignIn(OLIVIA, GROUP, new ChannelRef(Platform.TELEGRAM, "-100200", ChannelRef.Kind.GROUP),
            SignIn.Kind.ORGANISER);
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    /** The bot's clock, which the console can run apart from Redis's own time. */
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    private final RedisDashboardStores stores = new RedisDashboardStores(REDIS.connection());

    @Test
    void aLinkIsTakenOnceAndExpiresWithItsTtl() {
        stores.put("digest-one", SIGN_IN, NOW.plus(TEN_MINUTES), TEN_MINUTES);
        assertThat(REDIS.ttlMillis(RedisDashboardStores.link("digest-one"))).isBetween(1L, TEN_MINUTES.toMillis());

        Optional<SignIn> taken = stores.take("digest-one", NOW);
        assertThat(taken).contains(SIGN_IN);
        assertThat(taken.get().member().displayName()).as("no display name is kept").isEqualTo("1001");
        assertThat(stores.take("digest-one", NOW)).isEmpty();
        assertThat(stores.take("never-issued", NOW)).isEmpty();
    }

    @Test
    void aLinkPastItsEndByTheBotsClockIsRefusedThoughItsKeyStillLives() {
        stores.put("digest-late", SIGN_IN, NOW.plus(TEN_MINUTES), TEN_MINUTES);
        assertThat(stores.take("digest-late", NOW.plus(TEN_MINUTES))).isEmpty();
        assertThat(REDIS.ttlMillis(RedisDashboardStores.link("digest-late"))).as("taken all the same").isLessThan(0L);

        stores.put("digest-in-time", SIGN_IN, NOW.plus(TEN_MINUTES), TEN_MINUTES);
        assertThat(stores.take("digest-in-time", NOW.plus(TEN_MINUTES).minusMillis(1))).contains(SIGN_IN);
    }

    @Test
    void ofManyOpeningsAtOnceExactlyOneTakesTheLink() throws Exception {
        stores.put("digest-race", SIGN_IN, NOW.plus(TEN_MINUTES), TEN_MINUTES);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<SignIn>>> openings = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                openings.add(() -> new RedisDashboardStores(REDIS.connection()).take("digest-race", NOW));
            }
            int won = 0;
            for (Future<Optional<SignIn>> result : pool.invokeAll(openings)) {
                won += result.get().isPresent() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void asksAreCountedInAWindowThatTheFirstAskStarts() {
        MemberRef member = new MemberRef(Platform.DISCORD, "77", null);
        assertThat(stores.countAsked(member, TEN_MINUTES)).isEqualTo(1);
        assertThat(stores.countAsked(member, TEN_MINUTES)).isEqualTo(2);
        assertThat(REDIS.ttlMillis(RedisDashboardStores.asked(member))).isBetween(1L, TEN_MINUTES.toMillis());
    }

    @Test
    void aSessionIsReadAndRenewedEndsAndIsCountedAndErasedPerMember() {
        WebSession session = new WebSession(SIGN_IN, "csrf-token", Instant.parse("2026-12-01T10:00:00Z"));
        stores.create("session-a", session, Duration.ofSeconds(30));
        stores.create("session-b", session, Duration.ofSeconds(30));
        assertThat(stores.touch("session-a", TEN_MINUTES)).contains(session);
        assertThat(REDIS.ttlMillis(RedisDashboardStores.session("session-a"))).isGreaterThan(30_000L);
        assertThat(stores.openOf(OLIVIA)).isEqualTo(2);

        stores.end("session-a");
        assertThat(stores.touch("session-a", TEN_MINUTES)).isEmpty();
        assertThat(stores.openOf(OLIVIA)).isEqualTo(1);

        stores.endAllOf(OLIVIA);
        assertThat(stores.touch("session-b", TEN_MINUTES)).isEmpty();
        assertThat(stores.openOf(OLIVIA)).isZero();
        assertThat(REDIS.exists(RedisDashboardStores.sessionsOf(OLIVIA))).isFalse();
    }

    @Test
    void aMembersOwnPageSessionKeepsItsKindAndAnOlderSessionWithoutItsChannelIsEnded() {
        SignIn own = new SignIn(OLIVIA, GROUP, new ChannelRef(Platform.TELEGRAM, "1001", ChannelRef.Kind.DIRECT), SignIn.Kind.MEMBER);
        WebSession session = new WebSession(own, "csrf-own", Instant.parse("2026-12-01T10:00:00Z"));
        stores.create("session-own", session, TEN_MINUTES);
        assertThat(stores.touch("session-own", TEN_MINUTES)).contains(session);

        // a session written before sessions named their channel and page (the fields of the earlier version)
        String older = RedisDashboardStores.session("session-old");
        REDIS.connection().run(older, jedis -> jedis.hset(older, Map.of("platform", "TELEGRAM", "user", "1001",
                "community", "-100200", "csrf", "x", "started", "1764583200000")));
        assertThat(stores.touch("session-old", TEN_MINUTES)).isEmpty();
        assertThat(REDIS.exists(older)).isFalse();
    }
}
