package org.circlekeeper.console;

import java.time.Instant;
import java.util.List;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.testing.InMemoryCheckinStore;
import org.circlekeeper.core.testing.InMemoryMemberSettingsStore;
import org.circlekeeper.core.testing.InMemoryStores;

/** The real bot on in-memory stores and a virtual clock, with a console session in front of it. */
final class ConsoleFixture {

    static final Instant START = Instant.parse("2026-11-27T09:00:00Z");

    final VirtualClock clock = new VirtualClock(START);
    final Stores stores = InMemoryStores.create(clock);
    final InMemoryMemberSettingsStore memberSettings = (InMemoryMemberSettingsStore) stores.memberSettings();
    final ConsoleMessenger messenger = new ConsoleMessenger();
    final InMemoryCheckinStore checkins = (InMemoryCheckinStore) stores.checkins().checkins();
    final Bot.Assembly bot = Bot.builder().stores(stores).clock(clock)
            .messengers(new Messengers(List.of(messenger)))
            .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey()))).build();
    final Engine engine = bot.engine();
    final ConsoleSession session = new ConsoleSession(engine, clock, messenger);

    ConsoleFixture() {
        session.addClockListener(now -> bot.scheduler().runDue());
    }
}
