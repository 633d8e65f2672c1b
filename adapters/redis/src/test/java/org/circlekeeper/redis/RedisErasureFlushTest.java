package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /forgetme reaches the disk: after an erasure and the flush, no file in Redis's data directory (Redis 6.2's one
 * appendonly.aof, or every part of a Redis 7 appendonlydir) holds the member's id, name or sealed note, while the
 * other members' data is still there. Each test runs its own server, so it owns the files it reads.
 */
class RedisErasureFlushTest {

    private static final String NOTE = "We argued about the money again";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private EmbeddedRedis server;
    private RedisConnection redis;
    private RedisErasureFlush flush;

    @BeforeEach
    void start() {
        server = EmbeddedRedis.start(0, dir.resolve("redis"));
        redis = new RedisConnection(server.url());
        flush = new RedisErasureFlush(redis, Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        flush.close();
        redis.close();
        server.close();
    }

    @Test
    void afterForgetmeAndTheFlushTheAppendOnlyFileHoldsNothingOfTheMember() {
        VirtualClock clock = new VirtualClock(BotTester.START);
        BotTester bot = new BotTester(clock, RedisStores.create(redis, clock, flush), CheckinOptions.of(AesGcmNoteCipher.fromBase64(
                AesGcmNoteCipher.newKey())));
        Talk rosalind = bot.as("Rosalind").inDirect();
        bot.as("Rosalind").inGroup().send("/resource");
        rosalind.send("/country ES");
        rosalind.send("/timezone Europe/Madrid");
        rosalind.send("/checkin").press("Okay").press("Add a note");
        assertThat(rosalind.send(NOTE).text()).contains("Your note is saved");
        bot.as("Bartholomew").inDirect().send("/timezone Europe/Lisbon");
        String sealed = sealedNote();

        awaitOnDisk(() -> onDisk().contains("rosalind") && onDisk().contains(sealed.toLowerCase(Locale.ROOT)),
                "her data written to the append-only file");
        assertThat(flush.runDue()).as("nothing erased yet").isEqualTo(RedisErasureFlush.Outcome.NOTHING_PENDING);

        rosalind.send("/forgetme").press("Yes, erase everything");
        assertThat(redis.<Set<String>>call(jedis -> jedis.keys("*"))).noneMatch(key -> key.toLowerCase(Locale.ROOT).contains("rosalind"));
        assertThat(onDisk()).as("deleting keys alone leaves her in the file").contains("rosalind");

        assertThat(flush.runDue()).isEqualTo(RedisErasureFlush.Outcome.STARTED);
        awaitFlushed();

        String files = onDisk();
        assertThat(files).as("her id and name").doesNotContain("rosalind");
        assertThat(files).as("her sealed note").doesNotContain(sealed.toLowerCase(Locale.ROOT));
        assertThat(files).as("the others' data is still kept").contains("bartholomew").contains("europe/lisbon");
    }

    @Test
    void rewritesAreBatchedAndAPendingErasureSurvivesARestartOfTheBot() {
        flush.erased();
        assertThat(flush.runDue()).as("the first erasure after a quiet interval goes at once").isEqualTo(RedisErasureFlush.Outcome.STARTED);
        awaitFlushed();
        assertThat(redis.<Boolean>call(jedis -> jedis.exists(RedisKeys.persistenceErased()))).isFalse();

        flush.erased();
        assertThat(flush.runDue()).isEqualTo(RedisErasureFlush.Outcome.WAITING_FOR_INTERVAL);
        long window = redis.call(RedisKeys.persistenceWindow(), jedis -> jedis.pttl(RedisKeys.persistenceWindow()));
        assertThat(window).isPositive().isLessThanOrEqualTo(Duration.ofHours(1).toMillis());

        // the bot restarts: a new flush finds the request in Redis; the interval has passed
        RedisErasureFlush afterRestart = new RedisErasureFlush(redis, Duration.ofHours(1));
        redis.run(RedisKeys.persistenceWindow(), jedis -> jedis.pexpire(RedisKeys.persistenceWindow(), 1));
        awaitOnDisk(() -> !redis.call(RedisKeys.persistenceWindow(),
                jedis -> jedis.exists(RedisKeys.persistenceWindow())), "the interval to pass");
        assertThat(afterRestart.runDue()).isEqualTo(RedisErasureFlush.Outcome.STARTED);
        awaitFlushed();
        assertThat(afterRestart.runDue()).isEqualTo(RedisErasureFlush.Outcome.NOTHING_PENDING);
    }

    @Test
    void aRedisThatKeepsNothingOnDiskHasNothingToRewrite() {
        redis.run(jedis -> jedis.configSet("appendonly", "no"));
        awaitOnDisk(() -> redis.call(jedis -> jedis.info("persistence")).contains("aof_enabled:0"), "the AOF to be off");
        flush.erased();
        assertThat(flush.runDue()).isEqualTo(RedisErasureFlush.Outcome.NOTHING_ON_DISK);
        assertThat(redis.<Boolean>call(jedis -> jedis.exists(RedisKeys.persistenceErased()))).isFalse();
    }

    private void awaitFlushed() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        RedisErasureFlush.Outcome outcome;
        do {
            outcome = flush.runDue();
            if (outcome == RedisErasureFlush.Outcome.IN_PROGRESS) {
                pause();
            }
        } while (outcome == RedisErasureFlush.Outcome.IN_PROGRESS && System.nanoTime() < deadline);
        assertThat(outcome).isEqualTo(RedisErasureFlush.Outcome.FLUSHED);
        String info = redis.call(jedis -> jedis.info("persistence"));
        assertThat(info).contains("aof_rewrite_in_progress:0").contains("aof_last_bgrewrite_status:ok");
    }

    private String sealedNote() {
        MemberRef member = new MemberRef(Platform.CONSOLE, "rosalind", null);
        List<String> days = redis.call(RedisKeys.checkins(member, BotTester.COMMUNITY),
                jedis -> jedis.zrange(RedisKeys.checkins(member, BotTester.COMMUNITY), 0, -1));
        assertThat(days).singleElement().asString().contains("\"note\":\"v1:");
        return days.get(0).replaceAll(".*\"note\":\"([^\"]+)\".*", "$1");
    }

    /** Every file under the data directory (an AOF, its parts and manifest, a snapshot), as one lower-case text. */
    private String onDisk() {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(server.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }

    private static void awaitOnDisk(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited in vain for " + what);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
