package org.circlekeeper.core.message;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.template.Markup;

/**
 * A gathering as a platform's own event list shows it (Discord's server Events): what it is called,
 * what it is about, where and when. Name and description are text an organiser typed, unescaped (the
 * adapter escapes them for its platform) but with their bidi controls made harmless ({@link Markup#isolate}), so
 * a name cannot turn the platform's own text around it backwards.
 *
 * @param description empty when there is none
 */
public record PlannedEvent(String name, String description, Venue venue, Instant start, Instant end) {

    public PlannedEvent {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an event needs a name");
        }
        name = Markup.isolate(name);
        description = description == null ? "" : Markup.isolate(description);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an event ends after it starts");
        }
    }

    /** Where it takes place, as far as the core knows; the platform may know the place as one of its channels. */
    public sealed interface Venue {

        /** The group chat itself (the channel a circle was created in). */
        record Chat(ChannelRef channel) implements Venue {
            public Chat {
                Objects.requireNonNull(channel, "channel");
            }
        }

        /**
         * A channel or room as people named it ({@code #support-room}, {@code Garden room}), or a
         * platform's channel reference ({@code <#123>} on Discord).
         */
        record Named(String name) implements Venue {
            public Named {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("a named place needs a name");
                }
            }
        }

        /** A meeting link. */
        record Link(URI url) implements Venue {
            public Link {
                Objects.requireNonNull(url, "url");
            }
        }
    }
}
