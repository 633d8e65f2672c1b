package org.circlekeeper.bench;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.SentMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.ref.Platform;

/**
 * The simulation's platform: a {@link Messenger} that sends nothing over a network but records each message the bot
 * starts itself (with the virtual moment it was sent), so the simulated members can answer it and the simulation can
 * count reminders. Single-threaded, like the simulation.
 */
final class CountingMessenger implements Messenger {

    /** One message the bot sent (or edited) on its own, at a virtual moment. */
    record Sent(Target target, OutgoingMessage message, String messageId, Instant at, boolean edit) {
    }

    private final Platform platform;
    private final Clock clock;
    private final List<Sent> pending = new ArrayList<>();
    private long sends;
    private long edits;

    CountingMessenger(Platform platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public SentMessage send(Target target, OutgoingMessage message) {
        sends++;
        String id = "m" + sends;
        pending.add(new Sent(target, message, id, clock.instant(), false));
        return new SentMessage(target, id);
    }

    @Override
    public void edit(SentMessage sent, OutgoingMessage message) {
        edits++;
        pending.add(new Sent(sent.target(), message, sent.messageId(), clock.instant(), true));
    }

    /** The messages sent or edited since the last call, oldest first. */
    List<Sent> drain() {
        List<Sent> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    long sends() {
        return sends;
    }

    long edits() {
        return edits;
    }

    /** Nothing is kept about members: the messages are forgotten once drained. */
    @Override
    public List<PersonalData> personalData() {
        return List.of();
    }
}
