package org.circlekeeper.core.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.circlekeeper.core.message.EventMirror;
import org.circlekeeper.core.message.PlannedEvent;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;

/**
 * A platform event list in memory that records every call, for core tests: events can be made to
 * vanish (as when someone deletes one on the platform) and the platform can be made to refuse.
 */
public final class RecordingEventMirror implements EventMirror {

    /** One call: what was asked, of which event, with what. {@code event} is null for a removal. */
    public record Call(String what, String eventId, PlannedEvent event) {
    }

    private final Platform platform;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, PlannedEvent> events = new HashMap<>();
    private final AtomicLong ids = new AtomicLong(900);
    private RuntimeException failure;
    private Runnable beforeCreateReturns = () -> { };

    public RecordingEventMirror(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public String create(CommunityRef community, PlannedEvent event) {
        String id;
        synchronized (this) {
            failIfAsked();
            id = "e" + ids.incrementAndGet();
            events.put(id, event);
            calls.add(new Call("create", id, event));
        }
        beforeCreateReturns.run();
        return id;
    }

    @Override
    public synchronized boolean update(CommunityRef community, String eventId, PlannedEvent event) {
        failIfAsked();
        calls.add(new Call("update", eventId, event));
        if (!events.containsKey(eventId)) {
            return false;
        }
        events.put(eventId, event);
        return true;
    }

    @Override
    public synchronized void remove(CommunityRef community, String eventId) {
        failIfAsked();
        calls.add(new Call("remove", eventId, null));
        events.remove(eventId);
    }

    /** The events on the platform now, by id. */
    public synchronized Map<String, PlannedEvent> events() {
        return Map.copyOf(events);
    }

    /** Returns and forgets the calls so far. */
    public synchronized List<Call> drain() {
        List<Call> out = List.copyOf(calls);
        calls.clear();
        return out;
    }

    /** Someone deleted the event on the platform. */
    public synchronized void vanish(String eventId) {
        events.remove(eventId);
    }

    /** Every call fails with this until {@code null} is given. */
    public synchronized void failWith(RuntimeException next) {
        failure = next;
    }

    /** Runs after an event is made and before its id is returned (another replica acting meanwhile). */
    public void beforeCreateReturns(Runnable action) {
        beforeCreateReturns = action;
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }
}
