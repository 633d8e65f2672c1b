package org.circlekeeper.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.redis.RealRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reminder to 300 members through the real library against a fake Bot API that enforces Telegram's
 * limits (it answers 429 past 30 messages a second overall or 1 a second per chat): the shared budget
 * paces the sends so that none is refused, at close to the allowed rate. Sixteen senders share the work,
 * as scheduler threads on several replicas would (one sender alone is bound by the round trip of each
 * call, not by the limit). Prints the rate achieved.
 */
class BroadcastRateTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final int MEMBERS = 300;
    private static final int SENDERS = 16;

    @Test
    void aBroadcastTo300MembersKeepsToTheLimitsWithout429() throws Exception {
        try (TelegramFixture telegram = TelegramFixture.withTelegramLimits(REDIS.connection())) {
            telegram.fake.enforceLimits();
            Messenger messenger = telegram.connection.messenger();
            OutgoingMessage reminder = OutgoingMessage.text("Our circle meets *tonight at 19:00*. See you there.").build();

            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            List<Future<?>> sends = new ArrayList<>();
            long start = System.nanoTime();
            try {
                for (int i = 0; i < MEMBERS; i++) {
                    MemberRef member = new MemberRef(Platform.TELEGRAM, Long.toString(50_000 + i), null);
                    sends.add(senders.submit(() -> messenger.send(new Target.Member(member), reminder)));
                }
                for (Future<?> send : sends) {
                    send.get(2, TimeUnit.MINUTES);
                }
            } finally {
                senders.shutdownNow();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            double rate = MEMBERS / (took.toNanos() / 1e9);
            List<FakeBotApi.Call> arrived = telegram.fake.calls("sendMessage");
            double wire = (arrived.size() - 1) / ((arrived.get(arrived.size() - 1).nanoTime() - arrived.get(0).nanoTime()) / 1e9);
            System.out.printf(Locale.ROOT, "broadcast: %d messages by %d senders in %.2f s = %.1f messages/s end to end, "
                            + "%.1f messages/s as the server saw them arrive (limit 30/s), %d answered 429%n",
                    MEMBERS, SENDERS, took.toNanos() / 1e9, rate, wire, telegram.fake.rateLimited());
            assertThat(telegram.fake.rateLimited()).as("sends refused with 429").isZero();
            assertThat(telegram.fake.calls("sendMessage")).hasSize(MEMBERS);
            // never faster than Telegram allows; how close to the limit it gets is a figure of the broadcast benchmark
            // (bench), not of this test, which a loaded machine must not fail
            assertThat(rate).as("messages per second").isLessThanOrEqualTo(30.5);
            assertThat(wire).as("messages per second on the wire").isLessThanOrEqualTo(30.5);
        }
    }
}
