package org.circlekeeper.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import java.time.Duration;
import java.util.Locale;
import org.circlekeeper.redis.RealRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reminder bursts to members' direct messages against a fake Discord that keeps Discord's rate limits (the global
 * 50 requests a second, the DM-channel route's bucket, each channel's message bucket): every reminder goes out exactly
 * once and no run of a job holds the scheduler past its lease, whether the bot keeps to its pace or overruns it and
 * meets Discord's 429s.
 */
class DiscordRateLimitTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    @Test
    void aBurstTo300MembersDirectMessagesFromTwoReplicasReachesEachOnceWithinTheLeaseAndNeverMeetsTheGlobalLimit() throws Exception {
        try (FakeDiscord discord = new FakeDiscord()) {
            RequestPace shared = ReminderReplica.sharedPace(REDIS.connection(), RequestPace.PER_SECOND);
            DmBurst.Result burst = DmBurst.run(discord, REDIS.connection(), 300, 2, replica -> shared, MAX_WAIT, LEASE,
                    Duration.ofMinutes(3));
            System.out.printf(Locale.ROOT, "DM burst: %d reminders in %.1f s, %.1f requests/s on the wire (limit %d/s)%n",
                    burst.members(), DmBurst.seconds(burst.took()), burst.wirePerSecond(), FakeRateLimits.GLOBAL_PER_SECOND);

            assertThat(burst.delivered()).as("members reached").isEqualTo(300);
            assertThat(burst.doubled()).as("members reached twice").isZero();
            assertThat(burst.dead()).as("reminders given up").isZero();
            assertThat(burst.wireRequests()).as("a DM channel opened and one message, per member").isEqualTo(600);
            assertThat(burst.refusedGlobal()).as("requests refused for the global limit").isZero();
            assertThat(burst.longestRun()).as("the longest run of one reminder job").isLessThan(LEASE);
        }
    }

    @Test
    void aBotOverrunningDiscordsLimitsStillReachesEachMemberOnceWithinTheLease() throws Exception {
        // two replicas that each pace alone, and too fast, run into Discord's 429s: JDA waits them out
        try (FakeDiscord discord = new FakeDiscord()) {
            DmBurst.Result burst = DmBurst.run(discord, REDIS.connection(), 120, 2, replica -> RequestPace.local(200), MAX_WAIT,
                    LEASE, Duration.ofMinutes(3));

            assertThat(burst.refusedGlobal() + burst.refusedRoute()).as("requests Discord refused with 429").isPositive();
            assertThat(burst.delivered()).as("members reached").isEqualTo(120);
            assertThat(burst.doubled()).as("members reached twice").isZero();
            assertThat(burst.dead()).as("reminders given up").isZero();
            assertThat(burst.longestRun()).as("the longest run of one reminder job").isLessThan(LEASE);
        }
    }

    @Test
    void theFakeAnswersAsDiscordDocumentsItsLimits() throws Exception {
        try (FakeDiscord discord = new FakeDiscord()) {
            FakeRateLimits limits = discord.limits();
            Headers headers = new Headers();
            for (int i = 0; i < FakeRateLimits.MESSAGES_PER_CHANNEL; i++) {
                headers = new Headers();
                assertThat(limits.admit("POST", "/channels/42/messages", headers).refused()).isFalse();
            }
            assertThat(headers.getFirst("X-RateLimit-Limit")).isEqualTo("5");
            assertThat(headers.getFirst("X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(headers.getFirst("X-RateLimit-Bucket")).isNotBlank();
            assertThat(Double.parseDouble(headers.getFirst("X-RateLimit-Reset-After"))).isBetween(0.0, 5.0);
            assertThat(headers.getFirst("X-RateLimit-Scope")).as("only on a 429").isNull();

            headers = new Headers();
            FakeRateLimits.Verdict sixth = limits.admit("POST", "/channels/42/messages", headers);
            assertThat(sixth.refused()).isTrue();
            assertThat(sixth.body()).containsEntry("global", false).containsKey("retry_after");
            assertThat(headers.getFirst("X-RateLimit-Scope")).isEqualTo("user");
            assertThat(headers.getFirst("Retry-After")).isNotBlank();
            assertThat(limits.admit("POST", "/channels/43/messages", new Headers()).refused())
                    .as("another channel has a bucket of its own").isFalse();

            int admitted = 6;
            for (int i = 0; admitted < FakeRateLimits.GLOBAL_PER_SECOND; i++, admitted++) {
                assertThat(limits.admit("GET", "/guilds/" + i, new Headers()).refused()).isFalse();
            }
            headers = new Headers();
            FakeRateLimits.Verdict over = limits.admit("GET", "/guilds/1", headers);
            assertThat(over.refused()).as("the 51st request within a second").isTrue();
            assertThat(over.body()).containsEntry("global", true);
            assertThat(headers.getFirst("X-RateLimit-Global")).isEqualTo("true");
            assertThat(headers.getFirst("X-RateLimit-Scope")).isEqualTo("global");
            assertThat(limits.admit("POST", "/interactions/1/token/callback", new Headers()).refused())
                    .as("interaction answers are outside the global limit").isFalse();
        }
    }
}
