package org.circlekeeper.core.message;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.ref.Platform;

/**
 * The {@link EventMirror} of each connected platform that has an event list. There is no silent
 * stand-in: asking for the mirror of a platform without events, or of one whose mirror was not
 * connected, fails with a message that says which.
 */
public final class EventMirrors {

    private final Map<Platform, EventMirror> byPlatform = new EnumMap<>(Platform.class);

    public EventMirrors(List<EventMirror> mirrors) {
        for (EventMirror mirror : mirrors) {
            if (!mirror.platform().hasScheduledEvents()) {
                throw new IllegalArgumentException(mirror.platform().id() + " has no event list to mirror events to");
            }
            if (byPlatform.putIfAbsent(mirror.platform(), mirror) != null) {
                throw new IllegalArgumentException("two event mirrors for " + mirror.platform().id());
            }
        }
    }

    /** No platform with an event list is connected (the console, Telegram, most tests). */
    public static EventMirrors none() {
        return new EventMirrors(List.of());
    }

    /** The platform's mirror; fails loudly when the platform has no event list or its mirror is not connected. */
    public EventMirror forPlatform(Platform platform) {
        if (!platform.hasScheduledEvents()) {
            throw new IllegalArgumentException(platform.id() + " has no event list; check Platform.hasScheduledEvents() first");
        }
        EventMirror mirror = byPlatform.get(platform);
        if (mirror == null) {
            throw new IllegalStateException("no " + platform.id() + " event mirror is connected, so its events cannot be kept");
        }
        return mirror;
    }
}
