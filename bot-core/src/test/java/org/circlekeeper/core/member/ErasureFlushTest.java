package org.circlekeeper.core.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.InMemoryStores;
import org.junit.jupiter.api.Test;

/** Every confirmed /forgetme asks the store to carry the erasure to its files on disk; keeping or a spent button does not. */
class ErasureFlushTest {

    private final AtomicInteger asked = new AtomicInteger();
    private final VirtualClock clock = new VirtualClock(BotTester.START);
    private final BotTester bot = new BotTester(clock, withFlush(InMemoryStores.create(clock), asked::incrementAndGet));
    private final Talk alice = bot.as("alice").inDirect();

    @Test
    void aConfirmedErasureAsksForTheFlushOnce() {
        alice.send("/timezone Europe/Berlin");
        BotTester.Replies ask = alice.send("/forgetme");
        assertThat(ask.press("Yes, erase everything").text()).contains("I erased everything");
        assertThat(asked).hasValue(1);
        ask.press("Yes, erase everything");
        assertThat(asked).as("a spent button erases nothing more").hasValue(1);
    }

    @Test
    void keepingAsksForNothing() {
        alice.send("/forgetme").press("No, keep it");
        assertThat(asked).hasValue(0);
    }

    @Test
    void aFailingFlushDoesNotSpoilTheErasure() {
        BotTester failing = new BotTester(clock, withFlush(InMemoryStores.create(clock), () -> {
            throw new IllegalStateException("the store is unreachable");
        }));
        Talk bea = failing.as("bea").inDirect();
        bea.send("/country ES");
        assertThat(bea.send("/forgetme").press("Yes, erase everything").text()).contains("I erased everything");
        assertThat(failing.stores().memberSettings().get(failing.as("bea").member()).isEmpty()).isTrue();
    }

    private static Stores withFlush(Stores stores, ErasureFlush flush) {
        return stores.toBuilder().erasure(flush).build();
    }
}
