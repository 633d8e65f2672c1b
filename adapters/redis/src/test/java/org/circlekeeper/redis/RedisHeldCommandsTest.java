package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.circlekeeper.core.engine.HeldCommands;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisHeldCommandsTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private final RedisHeldCommands held = new RedisHeldCommands(REDIS.connection());
    private final HeldCommands.Held command = new HeldCommands.Held(new CommunityRef(Platform.TELEGRAM, "-1001"),
            new ChannelRef(Platform.TELEGRAM, "-1001/42", ChannelRef.Kind.GROUP), "circle",
            "create \"Tuesday circle\" every tuesday 19:00 & more: 100% ü");

    @Test
    void aHeldCommandComesBackAsTypedOnceAndExpires() {
        String token = held.hold(command, Duration.ofMinutes(10));
        assertThat(token).matches("[A-Za-z0-9_-]{22}");
        assertThat(REDIS.keys()).containsExactly("ck:held:" + token);
        assertThat(REDIS.ttlMillis("ck:held:" + token)).isBetween(1L, Duration.ofMinutes(10).toMillis());
        assertThat(held.take(token)).isEqualTo(Optional.of(command));
        assertThat(held.take(token)).isEmpty();
        assertThat(REDIS.keys()).isEmpty();
    }

    @Test
    void whatIsNoTokenFindsNothingWithoutAskingForAKey() {
        assertThat(held.take("not a token!")).isEmpty();
        assertThat(held.take("")).isEmpty();
        assertThat(held.take(null)).isEmpty();
        assertThat(held.take("AAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
    }

    @Test
    void ofManyPressesAtOnceExactlyOneTakesTheCommand() throws Exception {
        String token = held.hold(command, Duration.ofMinutes(10));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<HeldCommands.Held>>> presses = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                presses.add(() -> held.take(token));
            }
            int taken = 0;
            for (Future<Optional<HeldCommands.Held>> press : pool.invokeAll(presses)) {
                taken += press.get().isPresent() ? 1 : 0;
            }
            assertThat(taken).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
