package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.resource.ResourceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replicas racing on one community (threads with their own store, as replicas have): Redis keeps the rules. */
class RedisResourceStoreRaceTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final CommunityRef GROUP = new CommunityRef(Platform.DISCORD, "555");
    private static final int THREADS = 8;

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void racingAddsAtTheLimitNeverOverrunIt() throws Exception {
        int room = 5;
        RedisResourceStore setup = new RedisResourceStore(REDIS.connection());
        for (int i = 0; i < ResourceStore.MAX_ENTRIES - room; i++) {
            setup.save(GROUP, RedisResourceStoreTest.entry("own-" + i, "Entry " + i));
        }
        long versionBefore = setup.version(GROUP);

        List<Integer> added = race(thread -> {
            RedisResourceStore replica = new RedisResourceStore(REDIS.connection());
            int mine = 0;
            for (int i = 0; i < room; i++) {
                try {
                    replica.save(GROUP, RedisResourceStoreTest.entry("own-t" + thread + "-" + i, "Thread entry"));
                    mine++;
                } catch (IllegalStateException full) {
                    // the community is full: what a replica that lost the race sees
                }
            }
            return mine;
        });

        assertThat(added.stream().mapToInt(Integer::intValue).sum()).isEqualTo(room);
        assertThat(REDIS.hash(RedisKeys.resourceEntries(GROUP))).hasSize(ResourceStore.MAX_ENTRIES);
        assertThat(setup.catalog(GROUP).entries()).hasSize(ResourceStore.MAX_ENTRIES);
        assertThat(setup.version(GROUP)).as("one move per accepted save").isEqualTo(versionBefore + room);
    }

    @Test
    void racingSafetyRepliesStartOneCooldown() throws Exception {
        MemberRef member = new MemberRef(Platform.DISCORD, "42", "Sam");
        Instant now = Instant.parse("2025-03-01T10:00:00Z");

        List<Integer> started = race(thread -> new RedisResourceStore(REDIS.connection())
                .startCooldown(GROUP, member, now.plusMillis(thread), Duration.ofHours(4)) ? 1 : 0);

        assertThat(started.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
    }

    /** Runs {@code work} on every thread at once and returns what each returned. */
    private List<Integer> race(ThreadWork work) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<Integer> task = () -> {
                ready.countDown();
                go.await();
                return work.run(thread);
            };
            results.add(pool.submit(task));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Integer> values = new ArrayList<>();
        for (Future<Integer> result : results) {
            values.add(result.get(30, TimeUnit.SECONDS));
        }
        return values;
    }

    @FunctionalInterface
    private interface ThreadWork {
        int run(int thread);
    }
}
