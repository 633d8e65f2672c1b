package org.circlekeeper.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.circlekeeper.core.testing.InMemoryJobQueue;
import org.junit.jupiter.api.Test;

class JobHandlerTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-27T09:00:00Z"));
    private final InMemoryJobQueue queue = new InMemoryJobQueue();
    private final List<String> ran = new ArrayList<>();

    @Test
    void aHandlerMadeOfAMethodRunsOnlyItsOwnKindWithTheJobAndItsLateness() {
        JobHandler plan = JobHandler.of("plan", (job, now, lateness) -> ran.add("plan " + job.id() + "@" + lateness.toMinutes()));
        JobHandler remind = JobHandler.of("remind", (job, now, lateness) -> ran.add("remind " + job.id() + " " + now));
        Scheduler scheduler = new Scheduler(queue, clock, List.of(plan, remind), Duration.ofSeconds(60));
        queue.schedule(new Job("p1", "plan", clock.instant(), ""));
        queue.schedule(new Job("r1", "remind", clock.instant().plusSeconds(300), ""));

        clock.advance(Duration.ofMinutes(5));
        assertThat(scheduler.runDue()).isEqualTo(2);

        assertThat(plan.kind()).isEqualTo("plan");
        assertThat(remind.kind()).isEqualTo("remind");
        assertThat(ran).containsExactlyInAnyOrder("plan p1@5", "remind r1 2026-11-27T09:05:00Z");
    }

    @Test
    void aHandlerNeedsAKindAndAMethod() {
        assertThatThrownBy(() -> JobHandler.of(null, (job, now, lateness) -> { })).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JobHandler.of("plan", null)).isInstanceOf(NullPointerException.class);
    }
}
