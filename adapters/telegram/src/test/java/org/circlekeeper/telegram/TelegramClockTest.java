package org.circlekeeper.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.RetryLater;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.redis.RealRedis;
import org.circlekeeper.redis.RedisAdapterState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The adapter tells time by the clock the bot was given, never by one of its own: a message Telegram holds back
 * for an hour is retried an hour after the bot's "now", which the scheduler compares with the same clock.
 */
class TelegramClockTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    @Test
    void aHeldMessageIsRetriedAtTheTimeTelegramNamedOnTheBotsClock() throws Exception {
        VirtualClock clock = new VirtualClock(Instant.parse("2031-05-04T10:00:00Z"));
        try (FakeBotApi fake = new FakeBotApi(TelegramFixture.TOKEN);
             TelegramConnection connection = new TelegramConnection(TelegramSettings.longPolling(TelegramFixture.TOKEN)
                     .withApiUrl(fake.url()), RedisAdapterState.create(REDIS.connection(), Platform.TELEGRAM), clock)) {
            fake.failNext("sendMessage", 429, "Too Many Requests: retry after 3600", 3600);
            Target group = new Target.Channel(new ChannelRef(Platform.TELEGRAM, Long.toString(TelegramFixture.GROUP),
                    ChannelRef.Kind.GROUP));

            assertThatThrownBy(() -> connection.messenger().send(group, OutgoingMessage.text("The circle meets soon").build()))
                    .isInstanceOf(RetryLater.class)
                    .satisfies(e -> assertThat(((RetryLater) e).at()).isEqualTo(clock.instant().plus(Duration.ofHours(1))));
            assertThat(fake.sentTo(TelegramFixture.GROUP)).isEmpty();
        }
    }
}
