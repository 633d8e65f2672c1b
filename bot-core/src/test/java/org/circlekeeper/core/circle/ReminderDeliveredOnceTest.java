package org.circlekeeper.core.circle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.InMemoryJobQueue;
import org.circlekeeper.core.testing.RecordingMessenger.Sent;
import org.junit.jupiter.api.Test;

/**
 * A reminder job that runs again after its message went out (its lease ran out while it was sending, and another
 * replica claimed it) sends nothing a second time: the members see each reminder once.
 */
class ReminderDeliveredOnceTest {

    private static final Instant DAY_BEFORE = Instant.parse("2026-11-30T18:00:00Z");

    private final BotTester bot = new BotTester();

    private InMemoryJobQueue jobs() {
        return (InMemoryJobQueue) bot.stores().jobs();
    }

    @Test
    void aReminderJobRunAgainAfterItsMessageWentOutSendsNothingMore() {
        bot.asOrganiser("olivia").inGroup().send("/community timezone Europe/Berlin");
        bot.asOrganiser("olivia").inGroup().send("/circle create \"Tuesday circle\" every tuesday 19:00");
        Job dayBefore = jobs().all().stream()
                .filter(j -> j.kind().equals(Reminders.CHANNEL) && j.due().equals(DAY_BEFORE))
                .findFirst().orElseThrow();

        bot.clock().set(DAY_BEFORE);
        bot.scheduler().runDue();
        List<Sent> first = bot.outbox().drain();
        assertThat(first).singleElement().satisfies(s -> assertThat(s.text()).contains("Reminder: Tuesday circle"));

        // the same job once more, as another replica holds it after the first one's lease ran out mid-send
        assertThat(jobs().schedule(dayBefore)).isTrue();
        bot.advance(Duration.ofMinutes(1));

        assertThat(bot.outbox().drain()).as("the reminder went out once").isEmpty();
        assertThat(jobs().all()).as("the repeated job is done").doesNotContain(dayBefore);
        assertThat(jobs().dead(10)).isEmpty();
    }
}
