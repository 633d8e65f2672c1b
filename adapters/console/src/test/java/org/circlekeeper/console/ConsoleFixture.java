package org.circlekeeper.console;

import java.time.Instant;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.template.TemplateSource;
import org.circlekeeper.core.testing.InMemoryActionTokens;
import org.circlekeeper.core.testing.InMemoryCommunitySettingsStore;
import org.circlekeeper.core.testing.InMemoryMemberSettingsStore;
import org.circlekeeper.core.testing.InMemoryWordingStore;

/** The real bot on in-memory stores and a virtual clock, with a console session in front of it. */
final class ConsoleFixture {

    static final Instant START = Instant.parse("2026-11-27T09:00:00Z");

    final VirtualClock clock = new VirtualClock(START);
    final InMemoryMemberSettingsStore memberSettings = new InMemoryMemberSettingsStore();
    final InMemoryActionTokens tokens = new InMemoryActionTokens(clock);
    final Engine engine = Bot.assemble(new Stores(memberSettings, new InMemoryCommunitySettingsStore(),
            new InMemoryWordingStore(), tokens), TemplateSource.shipped(), Bot.Defaults.english(), clock);
    final ConsoleMessenger messenger = new ConsoleMessenger();
    final ConsoleSession session = new ConsoleSession(engine, clock, messenger);
}
