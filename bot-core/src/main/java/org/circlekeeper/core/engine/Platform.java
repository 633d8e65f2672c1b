package org.circlekeeper.core.engine;

import java.util.Locale;

/** The chat platforms circlekeeper speaks on; part of every member, channel and community identity. */
public enum Platform {
    CONSOLE, TELEGRAM, DISCORD;

    /** A short lower-case id used in storage keys and logs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
