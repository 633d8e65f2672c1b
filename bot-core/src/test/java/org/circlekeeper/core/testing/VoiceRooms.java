package org.circlekeeper.core.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.PlacePresence;
import org.circlekeeper.core.engine.PresenceEvent;
import org.circlekeeper.core.engine.PresenceReports;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;

/**
 * Voice rooms of the test community ({@link BotTester#COMMUNITY}, on the console platform), for tests: who is in
 * each, and their comings and goings reported to the bot as a platform with voice reports them, in order.
 */
public final class VoiceRooms implements PlacePresence {

    private final Map<String, List<MemberRef>> rooms = new ConcurrentHashMap<>();
    private volatile PresenceReports reports;

    /** Empty voice rooms with these channel ids; every other channel is only written to. */
    public VoiceRooms(String... channelIds) {
        for (String id : channelIds) {
            rooms.put(id, new CopyOnWriteArrayList<>());
        }
    }

    /** From now on, comings and goings are reported to this bot. */
    public VoiceRooms attach(Engine engine) {
        reports = new PresenceReports(engine);
        return this;
    }

    public void join(String room, MemberRef member) {
        List<MemberRef> in = in(room);
        in.removeIf(m -> m.key().equals(member.key()));
        in.add(member);
        report(new PresenceEvent.Joined(BotTester.COMMUNITY, channel(room), member));
    }

    public void leave(String room, MemberRef member) {
        if (in(room).removeIf(m -> m.key().equals(member.key()))) {
            report(new PresenceEvent.Left(BotTester.COMMUNITY, channel(room), member));
        }
    }

    @Override
    public Platform platform() {
        return Platform.CONSOLE;
    }

    @Override
    public Optional<List<MemberRef>> present(ChannelRef place) {
        return Optional.ofNullable(rooms.get(place.channelId())).map(List::copyOf);
    }

    private List<MemberRef> in(String room) {
        List<MemberRef> in = rooms.get(room);
        if (in == null) {
            throw new IllegalArgumentException("no voice room " + room);
        }
        return in;
    }

    private void report(PresenceEvent event) {
        PresenceReports to = reports;
        if (to != null) {
            to.presenceChanged(event);
        }
    }

    private static ChannelRef channel(String room) {
        return new ChannelRef(Platform.CONSOLE, room, ChannelRef.Kind.GROUP);
    }
}
