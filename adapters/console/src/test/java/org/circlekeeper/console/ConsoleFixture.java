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
import org.circlekeeper.core.circle.CircleStores;
import org.circlekeeper.core.testing.InMemoryActionTokens;
import org.circlekeeper.core.testing.InMemoryCheckinStore;
import org.circlekeeper.core.testing.InMemoryCircleStore;
import org.circlekeeper.core.testing.InMemoryFeedTokenStore;
import org.circlekeeper.core.testing.InMemoryReminderChoiceStore;
import org.circlekeeper.core.testing.InMemoryRsvpStore;
import org.circlekeeper.core.testing.InMemoryCommunitySettingsStore;
import org.circlekeeper.core.testing.InMemoryJobQueue;
import org.circlekeeper.core.testing.InMemoryMemberSettingsStore;
import org.circlekeeper.core.testing.InMemoryPendingForms;
import org.circlekeeper.core.testing.InMemoryResourceStore;
import org.circlekeeper.core.testing.InMemoryWordingStore;

/** The real bot on in-memory stores and a virtual clock, with a console session in front of it. */
final class ConsoleFixture {

    static final Instant START = Instant.parse("2026-11-27T09:00:00Z");

    final VirtualClock clock = new VirtualClock(START);
    final InMemoryMemberSettingsStore memberSettings = new InMemoryMemberSettingsStore();
    final InMemoryActionTokens tokens = new InMemoryActionTokens(clock);
    final ConsoleMessenger messenger = new ConsoleMessenger();
    final InMemoryCheckinStore checkins = new InMemoryCheckinStore(clock);
    final Bot.Assembly bot = Bot.assemble(new Stores(memberSettings, new InMemoryCommunitySettingsStore(),
            new InMemoryWordingStore(), tokens, new InMemoryPendingForms(clock), new InMemoryJobQueue(), new InMemoryResourceStore(),
            new CircleStores(new InMemoryCircleStore(), new InMemoryRsvpStore(clock), new InMemoryReminderChoiceStore(),
                    new InMemoryFeedTokenStore()), checkins), Bot.templates(null), Bot.Defaults.english(), clock,
            new Messengers(List.of(messenger)), CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey())));
    final Engine engine = bot.engine();
    final ConsoleSession session = new ConsoleSession(engine, clock, messenger);

    ConsoleFixture() {
        session.addClockListener(now -> bot.scheduler().runDue());
    }
}
