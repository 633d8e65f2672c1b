package org.circlekeeper.core.ref;

import java.util.Locale;

/** The chat platforms circlekeeper speaks on; part of every member, channel and community identity. */
public enum Platform {
    CONSOLE, TELEGRAM, DISCORD;

    /** Made once: every storage key of every event holds it. */
    private final String id = name().toLowerCase(Locale.ROOT);

    /**
     * True when the platform shows forms itself (Discord's modals); elsewhere the engine takes the
     * member's next private message as a form's answer.
     */
    public boolean hasNativeForms() {
        return this == DISCORD;
    }

    /**
     * True when the platform has an event list of its own that the bot can fill (Discord's server
     * Events, through an {@code EventMirror}); Telegram and the console have none.
     */
    public boolean hasScheduledEvents() {
        return this == DISCORD;
    }

    /**
     * True when the platform shows a moment ({@code Markup.time}) in each viewer's own time zone
     * (Discord's timestamps); elsewhere a moment reads in one zone, which messages then name.
     */
    public boolean showsTimesInViewersZone() {
        return this == DISCORD;
    }

    /** A short lower-case id used in storage keys and logs. */
    public String id() {
        return id;
    }

    /**
     * The platform an {@link #id()} names, read back from a stored key or payload (in any case).
     *
     * @throws IllegalArgumentException when the text names no platform
     */
    public static Platform fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
