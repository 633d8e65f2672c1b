package org.circlekeeper.core.circle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.testing.InMemoryCircleStore;
import org.junit.jupiter.api.Test;

/** The port through which other features see circles: only those not cancelled, by id only, and their next start. */
class StoredScheduledCirclesTest {

    private static final CommunityRef GROUP = new CommunityRef(Platform.CONSOLE, "group");
    private static final ChannelRef ROOM = new ChannelRef(Platform.CONSOLE, "#room", ChannelRef.Kind.GROUP);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final InMemoryCircleStore store = new InMemoryCircleStore();
    private final ScheduledCircles circles = new StoredScheduledCircles(store);

    private static Circle weekly(String id, String name, String start) {
        return Circle.create(id, name, ROOM, new Schedule(LocalDateTime.parse(start), BERLIN, Duration.ofMinutes(90),
                new Recurrence.Repeating("FREQ=WEEKLY;BYDAY=TU", new Recurrence.End.Never())));
    }

    @Test
    void aCancelledCircleIsNeitherListedNorFound() {
        store.add(GROUP, weekly("tuesday", "Tuesday circle", "2026-12-01T19:00"));
        store.add(GROUP, weekly("old", "Old circle", "2026-12-01T18:00").cancel(Instant.parse("2026-11-30T00:00:00Z")));

        assertThat(circles.active(GROUP)).containsExactly(new ScheduledCircle("tuesday", "Tuesday circle", ROOM));
        assertThat(circles.find(GROUP, "tuesday")).contains(new ScheduledCircle("tuesday", "Tuesday circle", ROOM));
        assertThat(circles.find(GROUP, "old")).isEmpty();
        assertThat(circles.find(GROUP, "Tuesday circle")).as("an id, never a name").isEmpty();
        assertThat(circles.find(GROUP, "../x")).isEmpty();
    }

    @Test
    void theNextStartIsTheFirstMeetingAfterTheMomentNotTheOneRunning() {
        store.add(GROUP, weekly("tuesday", "Tuesday circle", "2026-12-01T19:00"));

        Instant duringTheFirst = Instant.parse("2026-12-01T18:30:00Z");
        assertThat(circles.nextStart(GROUP, "tuesday", duringTheFirst))
                .contains(ZonedDateTime.of(LocalDateTime.parse("2026-12-08T19:00"), BERLIN));
        assertThat(circles.nextStart(GROUP, "tuesday", Instant.parse("2026-11-30T00:00:00Z")))
                .contains(ZonedDateTime.of(LocalDateTime.parse("2026-12-01T19:00"), BERLIN));
        assertThat(circles.nextStart(GROUP, "nobody", duringTheFirst)).isEmpty();
    }
}
