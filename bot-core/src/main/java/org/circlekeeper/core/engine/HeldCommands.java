package org.circlekeeper.core.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;

/**
 * Commands held until someone confirms who may run them: a platform that hides who sent a command (Telegram's
 * anonymous group administrators) asks an organiser to press a button, and the command runs as that organiser.
 * Each held command is kept under a fresh token for a while and taken atomically, so of any number of presses on any
 * number of replicas exactly one runs it. Redis in production.
 */
public interface HeldCommands {

    /**
     * A command as it was typed, where it was typed.
     *
     * @param rest the words after the command's name, as typed
     */
    record Held(CommunityRef community, ChannelRef channel, String command, String rest) {
        public Held {
            Objects.requireNonNull(community, "community");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(rest, "rest");
        }
    }

    /** Keeps the command for {@code ttl} and returns its token (22 URL-safe characters: it fits a button). */
    String hold(Held command, Duration ttl);

    /** Takes the held command once: a second take, an expired or an unknown token finds nothing. */
    Optional<Held> take(String token);
}
