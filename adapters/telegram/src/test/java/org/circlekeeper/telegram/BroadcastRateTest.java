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
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.redis.RealRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reminder to 300 members through the real library against a fake Bot API that enforces Telegram's
 * limits over sliding windows (it answers 429 past 30 messages in any second overall, 1 per chat, 20 in any minute
 * per group): every member and group gets the reminder once, and the shared budget keeps each chat's and group's
 * limit; a 429 of the overall limit (a send held up on its way on a loaded machine) is waited out, never dropped,
 * and counted in the printed figure with the rate, which is not asserted (speed belongs in bench). Sixteen senders share the work,
 * as scheduler threads on several replicas would (one sender alone is bound by the round trip of each
 * call, not by the limit). Three groups get reminders in the same burst, which the fake holds to 1 a second and 20 a
 * minute each (Bot API FAQ). Prints the rate achieved.
 */
class BroadcastRateTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final int MEMBERS = 300;
    private static final int SENDERS = 16;
    /** Groups that get reminders in the same burst, and how many each (a group takes 1 a second, 20 a minute). */
    private static final int GROUPS = 3;
    private static final int PER_GROUP = 4;

    @Test
    void aBroadcastTo300MembersKeepsToTheLimitsWithout429() throws Exception {
        try (TelegramFixture telegram = TelegramFixture.withTelegramLimits(REDIS.connection())) {
            telegram.fake.enforceLimits();
            Messenger messenger = telegram.connection.messenger();
            OutgoingMessage reminder = OutgoingMessage.text("Our circle meets *tonight at 19:00*. See you there.").build();

            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            // a group's sends wait seconds for their slots (20 a minute): on threads of their own, as on other replicas
            ExecutorService groupSenders = Executors.newFixedThreadPool(GROUPS * PER_GROUP);
            List<Future<?>> sends = new ArrayList<>();
            long start = System.nanoTime();
            try {
                for (int i = 0; i < MEMBERS; i++) {
                    MemberRef member = new MemberRef(Platform.TELEGRAM, Long.toString(50_000 + i), null);
                    sends.add(senders.submit(() -> messenger.send(new Target.Member(member), reminder)));
                    if (i % (MEMBERS / (GROUPS * PER_GROUP)) == 0) {
                        // the groups' reminders go out in the same burst, each group's paced on its own
                        long group = -1_000_000_000_100L - (i / (MEMBERS / (GROUPS * PER_GROUP))) % GROUPS;
                        Target channel = new Target.Channel(new ChannelRef(Platform.TELEGRAM, Long.toString(group), ChannelRef.Kind.GROUP));
                        sends.add(groupSenders.submit(() -> messenger.send(channel, reminder)));
                    }
                }
                for (Future<?> send : sends) {
                    send.get(2, TimeUnit.MINUTES);
                }
            } finally {
                senders.shutdownNow();
                groupSenders.shutdownNow();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            double rate = MEMBERS / (took.toNanos() / 1e9);
            List<FakeBotApi.Call> arrived = telegram.fake.calls("sendMessage").stream().filter(c -> c.chatId() > 0).toList();
            double wire = (arrived.size() - 1) / ((arrived.get(arrived.size() - 1).nanoTime() - arrived.get(0).nanoTime()) / 1e9);
            System.out.printf(Locale.ROOT, "broadcast: %d messages by %d senders in %.2f s = %.1f messages/s end to end, "
                            + "%.1f messages/s as the server saw them arrive (limit 30/s), %d answered 429 %s%n",
                    MEMBERS, SENDERS, took.toNanos() / 1e9, rate, wire, telegram.fake.rateLimited(), telegram.fake.rateLimitedBy());
            // the pace (how close to 30 a second, how many 429s a loaded machine's jitter causes) is a figure, printed
            // above; what must hold however loaded the machine: each member and group reached as often as sent, and no
            // send refused for one chat's or one group's limit, which the pace keeps with room to spare
            for (int i = 0; i < MEMBERS; i++) {
                assertThat(telegram.fake.sentTo(50_000 + i)).as("member %d", i).hasSize(1);
            }
            for (int g = 0; g < GROUPS; g++) {
                assertThat(telegram.fake.sentTo(-1_000_000_000_100L - g)).as("group %d", g).hasSize(PER_GROUP);
            }
            assertThat(telegram.fake.rateLimitedBy()).as("refused for a chat's or a group's limit")
                    .doesNotContainKeys("chat", "group");
        }
    }
}
