package org.circlekeeper.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.circlekeeper.core.Bot;
import org.circlekeeper.telegram.FakeBotApi;

/**
 * The two reminder scenarios: reminders seeded into a fresh Redis, two apps delivering them to the fake Telegram,
 * and a fault in the middle.
 *
 * <ol>
 *   <li><b>SIGKILL</b>: once a share of the reminders is delivered, one app is killed with SIGKILL; the other must
 *       deliver the rest (the dead app's claimed jobs after their lease), each once.</li>
 *   <li><b>Stall</b>: the fake answers the first {@code sendMessage} with 429 and a {@code retry_after} longer than
 *       the job lease, so the app that sent it sits on its claimed batch past the lease while the other app goes on;
 *       every reminder must still arrive once.</li>
 * </ol>
 */
final class ReminderScenarios {

    /** How long no send may arrive, with every reminder job gone from the queue, before a run counts as drained. */
    private static final Duration QUIET = Duration.ofSeconds(15);

    private final Options options;
    private final Progress progress;

    ReminderScenarios(Options options, Progress progress) {
        this.options = options;
        this.progress = progress;
    }

    Row sigkill() throws Exception {
        List<String> notes = new ArrayList<>();
        try (Stage stage = Stage.open(options, "1-sigkill")) {
            List<AppProcess> apps = stage.startApps("1");
            List<Seeder.Reminder> reminders;
            try (Seeder seeder = new Seeder(stage.redis.url(), stage.noteKey)) {
                long began = System.nanoTime();
                reminders = seeder.seed(options.reminders(), Instant.now().plusSeconds(90), options.window(), 10_000_000L);
                progress.say("seeded %,d reminders in %.1f s", reminders.size(), (System.nanoTime() - began) / 1e9);
                stage.awaitReady();
                progress.say("both apps ready (pids %d, %d)", apps.get(0).pid(), apps.get(1).pid());

                int killWhen = (int) Math.ceil(options.reminders() * options.killAt());
                long deadline = System.nanoTime() + Duration.ofMinutes(options.window() + 5).toNanos();
                while (Deliveries.sends(stage.telegram) < killWhen && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                int before = Deliveries.sends(stage.telegram);
                int code = apps.get(0).kill();
                notes.add(String.format(Locale.ROOT, "app %s killed with SIGKILL after %,d deliveries; exit code %d%s",
                        apps.get(0).name(), before, code, code == 137 ? " (128 + 9, SIGKILL)" : " (NOT a SIGKILL exit)"));
                progress.say("killed app %s with SIGKILL at %,d deliveries (exit %d)", apps.get(0).name(), before, code);
                String drained = drain(stage.telegram, seeder, 0, Duration.ofMinutes(options.window()).plus(Bot.JOB_LEASE)
                        .plus(Duration.ofMinutes(4)));
                notes.add(drained);
            }
            Deliveries counted = Deliveries.count(stage.telegram, reminders);
            notes.add(summary(counted));
            return new Row("1 SIGKILL one app mid-run", counted.expected(), counted.delivered(), counted.lost(), counted.doubled(),
                    null, notes);
        }
    }

    Row stall() throws Exception {
        List<String> notes = new ArrayList<>();
        long retryAfter = Bot.JOB_LEASE.plusSeconds(20).toSeconds();
        try (Stage stage = Stage.open(options, "2-stall")) {
            stage.telegram.failNext("sendMessage", 429, "Too Many Requests: retry after " + retryAfter, (int) retryAfter);
            List<AppProcess> apps = stage.startApps("2");
            List<Seeder.Reminder> reminders;
            try (Seeder seeder = new Seeder(stage.redis.url(), stage.noteKey)) {
                reminders = seeder.seed(options.stallReminders(), Instant.now().plusSeconds(60), options.window(), 20_000_000L);
                progress.say("seeded %,d reminders; the first sendMessage will get 429 with retry_after %d s (job lease %d s)",
                        reminders.size(), retryAfter, Bot.JOB_LEASE.toSeconds());
                stage.awaitReady();
                progress.say("both apps ready (pids %d, %d)", apps.get(0).pid(), apps.get(1).pid());
                long deadline = System.nanoTime() + Duration.ofMinutes(options.window() + 5).toNanos();
                FakeBotApi.Call stalled = null;
                while (stalled == null && System.nanoTime() < deadline) {
                    stalled = stage.telegram.calls("sendMessage").stream().filter(FakeBotApi.Call::rejected).findFirst().orElse(null);
                    Thread.sleep(100);
                }
                if (stalled == null) {
                    notes.add("the stall never happened: no sendMessage reached the fake");
                } else {
                    notes.add(String.format(Locale.ROOT, "sendMessage #1 answered 429, retry_after %d s > job lease %d s", retryAfter,
                            Bot.JOB_LEASE.toSeconds()));
                }
                long notBefore = stalled == null ? 0 : stalled.nanoTime() + Duration.ofSeconds(retryAfter).toNanos();
                notes.add(drain(stage.telegram, seeder, notBefore,
                        Duration.ofSeconds(retryAfter).plus(Bot.JOB_LEASE).plus(Duration.ofMinutes(options.window() + 4))));
            }
            Deliveries counted = Deliveries.count(stage.telegram, reminders);
            notes.add(summary(counted));
            return new Row("2 stall a delivery past the lease", counted.expected(), counted.delivered(), counted.lost(),
                    counted.doubled(), null, notes);
        }
    }

    private static String summary(Deliveries counted) {
        return String.format(Locale.ROOT, "%,d reminders delivered more than once (%,d extra messages); %,d other messages reached "
                + "the members' chats", counted.repeated(), counted.doubled(), counted.stray());
    }

    /**
     * Waits until no reminder job is left in Redis, nothing was sent for {@link #QUIET}, and {@code notBefore} (a
     * {@link System#nanoTime()}, 0 for none) has passed by as long; or until the timeout. Says which.
     */
    private String drain(FakeBotApi telegram, Seeder seeder, long notBefore, Duration timeout) throws InterruptedException {
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        long lastReport = began;
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            long jobs = seeder.reminderJobs();
            boolean quiet = now - Math.max(Deliveries.lastSend(telegram), notBefore) > QUIET.toNanos();
            if (jobs == 0 && quiet) {
                return String.format(Locale.ROOT, "drained: no reminder job left and nothing sent for %d s (%.0f s after the fault)",
                        QUIET.toSeconds(), (now - began) / 1e9);
            }
            if (now - lastReport > Duration.ofSeconds(15).toNanos()) {
                progress.say("... %,d sends so far, %,d reminder jobs still in Redis", Deliveries.sends(telegram), jobs);
                lastReport = now;
            }
            Thread.sleep(500);
        }
        return String.format(Locale.ROOT, "NOT drained within %d s: %,d reminder jobs still in Redis", timeout.toSeconds(),
                seeder.reminderJobs());
    }
}
