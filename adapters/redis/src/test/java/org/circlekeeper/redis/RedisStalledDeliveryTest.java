package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.SentMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A circle reminder whose delivery stalls for longer than its job's lease, with a second replica on the same Redis
 * taking the job over meanwhile: the member still gets it exactly once (the issue saw 50 of 50 stalled reminders
 * delivered twice).
 */
class RedisStalledDeliveryTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private final VirtualClock clock = new VirtualClock(BotTester.START);
    private final List<RedisConnection> connections = new ArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CheckinOptions checkins = CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey()));

    @AfterEach
    void close() {
        thread.shutdownNow();
        connections.forEach(RedisConnection::close);
    }

    /** A console messenger that records each send and, while told to, blocks inside it until released. */
    private static final class StallingMessenger implements Messenger {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean stall;

        @Override
        public Platform platform() {
            return Platform.CONSOLE;
        }

        @Override
        public SentMessage send(Target target, OutgoingMessage message) {
            if (stall) {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            sent.add(message.markup());
            return new SentMessage(target, "m" + sent.size());
        }

        @Override
        public void edit(SentMessage sent, OutgoingMessage message) {
            throw new UnsupportedOnPlatform(Platform.CONSOLE, "edit in this test");
        }

        @Override
        public List<PersonalData> personalData() {
            return List.of();
        }
    }

    /** One replica: the whole bot on its own connection to the shared Redis, sending through {@code messenger}. */
    private Scheduler replica(Messenger messenger) {
        RedisConnection connection = new RedisConnection(REDIS.target());
        connections.add(connection);
        return Bot.builder().stores(RedisStores.create(connection, clock)).clock(clock)
                .messengers(new Messengers(List.of(messenger)))
                .with(CheckinOptions.class, checkins).build().scheduler();
    }

    @Test
    void aReminderWhoseDeliveryOutlastsTheLeaseIsDeliveredOnceThoughAnotherReplicaTakesTheJobOver() throws Exception {
        BotTester setup = new BotTester(clock, RedisStores.create(REDIS.connection(), clock), checkins);
        setup.asOrganiser("olivia").inGroup().send("/circle create \"Tuesday circle\" every tuesday 19:00");
        Map.Entry<String, Double> first = firstReminder();
        clock.set(Instant.ofEpochMilli(first.getValue().longValue()));
        StallingMessenger messengerA = new StallingMessenger();
        StallingMessenger messengerB = new StallingMessenger();
        Scheduler a = replica(messengerA);
        Scheduler b = replica(messengerB);
        messengerA.stall = true;

        Future<Integer> ranByA = thread.submit(() -> a.runDue());
        assertThat(messengerA.entered.await(30, TimeUnit.SECONDS)).as("A is inside the send").isTrue();
        clock.advance(Bot.JOB_LEASE.multipliedBy(2));
        b.runDue();
        assertThat(messengerB.sent).as("B did not send what A is still sending").isEmpty();
        messengerA.release.countDown();
        ranByA.get(30, TimeUnit.SECONDS);
        assertThat(messengerA.sent).hasSize(1);

        clock.advance(Outbox.SEND_HOLD);
        b.runDue();
        a.runDue();

        assertThat(messengerA.sent.size() + messengerB.sent.size()).as("the reminder went out exactly once").isEqualTo(1);
        assertThat(messengerA.sent.get(0)).contains("Tuesday circle");
        Double waiting = REDIS.connection().call(RedisKeys.jobsDue(), jedis -> jedis.zscore(RedisKeys.jobsDue(), first.getKey()));
        Double held = REDIS.connection().call(RedisKeys.jobsLeased(),
                jedis -> jedis.zscore(RedisKeys.jobsLeased(), first.getKey()));
        assertThat(waiting).as("the job is done, not waiting").isNull();
        assertThat(held).as("nor held").isNull();
        assertThat(new RedisJobQueue(REDIS.connection()).dead(10)).isEmpty();
    }

    /** The earliest channel reminder waiting in the queue: its id and due score. */
    private static Map.Entry<String, Double> firstReminder() {
        return REDIS.connection().call(RedisKeys.jobsDue(), jedis -> jedis.zrangeWithScores(RedisKeys.jobsDue(), 0, -1)).stream()
                .filter(t -> t.getElement().startsWith("circle.remind:"))
                .map(t -> Map.entry(t.getElement(), t.getScore()))
                .findFirst().orElseThrow();
    }
}
