package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.circlekeeper.core.schedule.ClaimedJob;
import org.circlekeeper.core.schedule.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Redis of its own, stopped and started again on the same data directory. */
class RedisJobQueueRestartTest {

    private static final Instant T0 = Instant.parse("2026-03-29T00:30:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    @Test
    void aRestartLosesNoJobWaitingOrClaimed(@TempDir Path dir) {
        List<Job> jobs = IntStream.range(0, 1_000)
                .mapToObj(i -> new Job("rem:c" + i + ":20260329T0300:PT1H", "circle.reminder",
                        T0.plusSeconds(i * 37L).plusNanos(i), "circle=c" + i + "; lead=PT1H"))
                .toList();
        List<ClaimedJob> claimedBeforeStop;
        try (EmbeddedRedis server = EmbeddedRedis.start(0, dir);
             RedisConnection connection = new RedisConnection(server.url())) {
            RedisJobQueue queue = new RedisJobQueue(connection);
            assertThat(queue.scheduleAll(jobs)).isEqualTo(1_000);
            claimedBeforeStop = queue.claimDue(T0.plusSeconds(37 * 9 + 1), 100, LEASE);
            assertThat(claimedBeforeStop).hasSize(10);
        }

        try (EmbeddedRedis server = EmbeddedRedis.start(0, dir);
             RedisConnection connection = new RedisConnection(server.url())) {
            RedisJobQueue queue = new RedisJobQueue(connection);
            assertThat(queue.waiting()).isEqualTo(990);
            assertThat(queue.claimed()).isEqualTo(10);
            assertThat(queue.schedule(jobs.get(0))).as("a claimed job is still known").isFalse();

            List<ClaimedJob> all = queue.claimDue(T0.plus(Duration.ofDays(2)), RedisJobQueue.MAX_CLAIM, LEASE);

            assertThat(all).extracting(ClaimedJob::job).containsExactlyElementsOf(jobs);
            Map<String, Integer> attempts = all.stream()
                    .collect(Collectors.toMap(c -> c.job().id(), ClaimedJob::attempt));
            Map<String, ClaimedJob> before = claimedBeforeStop.stream()
                    .collect(Collectors.toMap(c -> c.job().id(), Function.identity()));
            assertThat(attempts).allSatisfy((id, attempt) ->
                    assertThat(attempt).as(id).isEqualTo(before.containsKey(id) ? 2 : 1));
            all.forEach(queue::ack);
            assertThat(queue.waiting() + queue.claimed()).isZero();
        }
    }
}
