package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.platform.UpdateLog;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
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

    @Test
    void aDoneMarkTravelsWithTheNextClaimAndTheClaimKeepsRepeatsOutUntilThen() {
        log.claim("20", Duration.ofMinutes(5));
        log.done("20");
        assertThat(REDIS.ttlMillis("ck:update:telegram:20")).as("not yet written: the lease holds").isLessThanOrEqualTo(Duration.ofMinutes(5).toMillis());
        RedisUpdateLog otherReplica = new RedisUpdateLog(REDIS.connection(), Platform.TELEGRAM);
        assertThat(otherReplica.claim("20", Duration.ofMinutes(5))).as("a repeat on another replica meanwhile").isFalse();

        assertThat(log.claim("21", Duration.ofMinutes(5))).isTrue();

        assertThat(REDIS.ttlMillis("ck:update:telegram:20")).isGreaterThan(Duration.ofHours(23).toMillis());
        assertThat(REDIS.ttlMillis("ck:update:telegram:21")).isLessThanOrEqualTo(Duration.ofMinutes(5).toMillis());
    }

    @Test
    void aRepeatOfAnUpdateDoneHereButNotYetWrittenIsRefusedAndItsMarkWritten() {
        log.claim("30", Duration.ofMinutes(5));
        log.done("30");

        assertThat(log.claim("30", Duration.ofMinutes(5))).isFalse();
        assertThat(REDIS.ttlMillis("ck:update:telegram:30")).isGreaterThan(Duration.ofHours(23).toMillis());
    }

    @Test
    void aFlushWritesTheDoneMarksNoClaimTookAlong() {
        log.claim("40", Duration.ofMinutes(5));
        log.claim("41", Duration.ofMinutes(5));
        log.done("40");
        log.done("41");

        log.flush();
        log.flush();

        assertThat(REDIS.ttlMillis("ck:update:telegram:40")).isGreaterThan(Duration.ofHours(23).toMillis());
        assertThat(REDIS.ttlMillis("ck:update:telegram:41")).isGreaterThan(Duration.ofHours(23).toMillis());
    }

    @Test
    void aClaimOfAPrivateMessageClearsTheWritersUnreachableMarkWinOrLose() {
        MemberRef mia = new MemberRef(Platform.TELEGRAM, "101", "Mia");
        RedisReachability reachability = new RedisReachability(REDIS.connection());
        reachability.markUnreachable(mia, Duration.ofDays(30));

        assertThat(log.claim("50", Duration.ofMinutes(5), Optional.of(mia))).isTrue();
        assertThat(reachability.isUnreachable(mia)).isFalse();

        reachability.markUnreachable(mia, Duration.ofDays(30));
        assertThat(log.claim("50", Duration.ofMinutes(5), Optional.of(mia))).isFalse();
        assertThat(reachability.isUnreachable(mia)).isFalse();
    }

    @Test
    void aClaimReadsTheGroupsCachedAdministratorsAndTheSendersMarkWinOrLose() {
        CommunityRef group = new CommunityRef(Platform.TELEGRAM, "-100500");
        MemberRef sender = new MemberRef(Platform.TELEGRAM, "77", "Mia");
        RedisAdminCache roles = new RedisAdminCache(REDIS.connection());
        RedisReachability reachability = new RedisReachability(REDIS.connection());
        UpdateLog.Claim claim = new UpdateLog.Claim("50", Duration.ofMinutes(5), Optional.empty(), Optional.of(group), Optional.of(sender));

        UpdateLog.Claimed nothingKept = log.claim(claim);
        assertThat(nothingKept.first()).isTrue();
        assertThat(nothingKept.admins()).as("no list cached: the caller asks Telegram").isEmpty();
        assertThat(nothingKept.unreachable()).contains(false);

        roles.put(group, List.of("900", "77"), Duration.ofMinutes(10));
        reachability.markUnreachable(sender, Duration.ofDays(1));
        UpdateLog.Claimed repeat = log.claim(claim);
        assertThat(repeat.first()).isFalse();
        assertThat(repeat.admins()).contains(Set.of("900", "77"));
        assertThat(repeat.unreachable()).contains(true);

        assertThat(log.claim(UpdateLog.Claim.of("51", Duration.ofMinutes(5))))
                .as("nothing asked, nothing read").isEqualTo(new UpdateLog.Claimed(true, Optional.empty(), Optional.empty()));
    }

    @Test
    void aMemberWhoWritesPrivatelyIsReachableWithoutAReadOfTheMarkTheClaimClears() {
        MemberRef writer = new MemberRef(Platform.TELEGRAM, "78", "Olga");
        new RedisReachability(REDIS.connection()).markUnreachable(writer, Duration.ofDays(1));

        UpdateLog.Claimed claimed = log.claim(new UpdateLog.Claim("60", Duration.ofMinutes(5), Optional.of(writer), Optional.empty(),
                Optional.of(writer)));

        assertThat(claimed.unreachable()).contains(false);
        assertThat(new RedisReachability(REDIS.connection()).isUnreachable(writer)).isFalse();
    }

    @Test
    void aPollsBatchIsClaimedTogetherAndASecondClaimOfOneIdInItIsARepeat() {
        CommunityRef group = new CommunityRef(Platform.TELEGRAM, "-100600");
        MemberRef mia = new MemberRef(Platform.TELEGRAM, "79", "Mia");
        new RedisReachability(REDIS.connection()).markUnreachable(mia, Duration.ofDays(1));
        new RedisAdminCache(REDIS.connection()).put(group, List.of("900"), Duration.ofMinutes(10));
        log.claim("70", Duration.ofMinutes(5));
        log.done("70");

        List<UpdateLog.Claimed> claimed = log.claimAll(List.of(
                new UpdateLog.Claim("71", Duration.ofMinutes(5), Optional.empty(), Optional.of(group), Optional.of(mia)),
                UpdateLog.Claim.of("72", Duration.ofMinutes(5)),
                UpdateLog.Claim.of("71", Duration.ofMinutes(5)),
                UpdateLog.Claim.of("70", Duration.ofMinutes(5))));

        assertThat(claimed).extracting(UpdateLog.Claimed::first).containsExactly(true, true, false, false);
        assertThat(claimed.get(0).admins()).contains(Set.of("900"));
        assertThat(claimed.get(0).unreachable()).contains(true);
        assertThat(REDIS.ttlMillis("ck:update:telegram:70")).as("the done mark went along").isGreaterThan(Duration.ofHours(23).toMillis());
    }
}
