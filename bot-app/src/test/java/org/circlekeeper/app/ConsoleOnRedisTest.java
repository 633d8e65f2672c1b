package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.circlekeeper.console.ConsoleMessenger;
import org.circlekeeper.console.ConsoleSession;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.redis.EmbeddedRedis;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console on the real bot with a real Redis of its own: Redis stopped in the middle of a conversation
 * gets every member the kind "I can't reach my memory right now" and the console goes on; Redis started again
 * on the same data, the next command works. And a refused command writes no key to Redis, however often tried.
 */
class ConsoleOnRedisTest {

    @TempDir
    Path dir;

    private EmbeddedRedis server;
    private RedisConnection redis;
    private ConsoleSession session;
    private Bot.Assembly bot;

    private void start() {
        server = EmbeddedRedis.start(0, dir);
        redis = new RedisConnection(server.url());
        VirtualClock clock = new VirtualClock(Instant.parse("2026-11-27T09:00:00Z"));
        ConsoleMessenger messenger = new ConsoleMessenger();
        bot = Bot.builder().stores(RedisStores.create(redis, clock)).clock(clock)
                .messengers(new Messengers(List.of(messenger)))
                .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey()))).build();
        session = new ConsoleSession(bot.engine(), clock, messenger);
        session.addClockListener(now -> bot.scheduler().runDue());
    }

    @AfterEach
    void stop() {
        if (redis != null) {
            redis.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private String say(String line) {
        return String.join("\n", session.handle(line));
    }

    @Test
    void aRedisOutageGetsTheKindAnswerTheConsoleGoesOnAndRedisBackWorksAgain() {
        start();
        say(":as olivia organiser");
        assertThat(say("/circle create \"Tuesday circle\" every tuesday 19:00")).contains("New circle: Tuesday circle");
        int port = server.port();

        server.close();
        String kind = "I can't reach my memory right now";
        assertThat(say("/timezone Europe/Berlin")).contains(kind).doesNotContain("something went wrong");
        assertThat(say("/circles")).contains(kind);
        assertThat(say("hello there")).doesNotContain("something went wrong");
        assertThat(say(":as alice")).isEqualTo("(console) you are alice (member).");
        assertThat(say("/checkin")).contains(kind);
        assertThat(say(":clock +1h")).startsWith("(console) the time is now").doesNotContain("something went wrong");
        assertThat(session.ended()).isFalse();

        server = EmbeddedRedis.start(port, dir, server.url().password());
        assertThat(say("/timezone Europe/Berlin")).contains("Done: your time zone is now Europe/Berlin").doesNotContain(kind);
        assertThat(say("/circles")).contains("Tuesday circle");
    }

    @Test
    void aRefusedCircleCommandWritesNoKeyToRedis() {
        start();
        say(":as olivia organiser");
        say("/circle create \"Tuesday circle\" every tuesday 19:00");
        Set<String> before = redis.call(jedis -> jedis.keys("*"));
        long size = redis.call(jedis -> jedis.dbSize());

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(say("/circle create \"Once\" 2033-01-04 10:00")).contains("more than 5 years ahead").contains("Nothing was changed");
            assertThat(say("/circle create \"   \" every tuesday 19:00")).contains("Nothing was changed");
            assertThat(say("/circle edit tuesday-circle when 2033-01-04 10:00")).contains("Nothing was changed");
        }

        long sizeAfter = redis.call(jedis -> jedis.dbSize());
        Set<String> after = redis.call(jedis -> jedis.keys("*"));
        assertThat(sizeAfter).isEqualTo(size);
        assertThat(after).isEqualTo(before);
    }
}
