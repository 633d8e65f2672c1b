package org.circlekeeper.core.circle;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Where a circle meets: the group's own chat, another channel of the group, a voice or stage room, or a link. */
public sealed interface Place {

    /** The longest place text accepted, in characters. */
    int MAX_LENGTH = 200;

    /** The text that describes the place outside the chat (an iCalendar LOCATION). */
    String text();

    /** The group chat where the circle was created. */
    record ThisChat() implements Place {
        @Override
        public String text() {
            return "";
        }
    }

    /** Another channel of the group, as the organiser named it ({@code #support-room}). */
    record Channel(String name) implements Place {
        public Channel {
            requireText(name);
        }

        @Override
        public String text() {
            return name;
        }
    }

    /** A voice or stage room, or any other named room. */
    record Room(String name) implements Place {
        public Room {
            requireText(name);
        }

        @Override
        public String text() {
            return name;
        }
    }

    /** A meeting link; only {@code https} is accepted, so a link never leaks a meeting in clear text. */
    record Link(URI url) implements Place {
        public Link {
            Objects.requireNonNull(url, "url");
            if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || url.getHost().isBlank()) {
                throw new IllegalArgumentException("a circle link must be an https address with a host");
            }
        }

        @Override
        public String text() {
            return url.toString();
        }
    }

    /**
     * Reads what an organiser typed: {@code here}, {@code #channel}, {@code voice: Room name},
     * {@code https://…}, or any other text as a room name. Empty for blank or over-long text and for
     * links that are not https.
     */
    static Optional<Place> parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty() || text.codePointCount(0, text.length()) > MAX_LENGTH) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("here") || lower.equals("aquí") || lower.equals("aqui") || lower.equals("-")) {
            return Optional.of(new ThisChat());
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                return Optional.of(new Link(new URI(text)));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (text.startsWith("#") || text.startsWith("<#")) {
            return Optional.of(new Channel(text));
        }
        for (String prefix : new String[] {"voice:", "stage:", "room:", "sala:", "voz:"}) {
            if (lower.startsWith(prefix)) {
                String name = text.substring(prefix.length()).strip();
                return name.isEmpty() ? Optional.empty() : Optional.of(new Room(name));
            }
        }
        return Optional.of(new Room(text));
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a place needs a name");
        }
    }
}
