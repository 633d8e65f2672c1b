package org.circlekeeper.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlannedEventTest {

    private static final Instant START = Instant.parse("2026-12-08T18:00:00Z");

    @Test
    void aNameOrDescriptionCannotTurnThePlatformsTextAroundItBackwards() {
        PlannedEvent event = new PlannedEvent("Circle \u202Eelcric", "About \u202Dus\u202C", new PlannedEvent.Venue.Link(URI.create("https://example.org/room")),
                START, START.plusSeconds(3600));

        assertThat(event.name()).isEqualTo("Circle elcric").doesNotContain("\u202E");
        assertThat(event.description()).isEqualTo("About us");
    }
}
