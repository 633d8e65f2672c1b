package org.circlekeeper.fault;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.circlekeeper.core.Bot;

/**
 * The fault-injection suite (fault/run.sh): runs the scenarios one after another, each on a fresh Redis process, a
 * fresh fake Telegram and two fresh app processes, prints one table of lost, doubled and acknowledged-but-lost
 * counts, and exits 1 when any is not 0 (2 when the suite itself failed). See fault/README.md.
 */
public final class FaultSuite {

    private static final PrintStream OUT = System.out;

    private FaultSuite() {
    }

    public static void main(String[] args) {
        int exit;
        try {
            exit = run(Options.parse(args));
        } catch (Exception e) {
            OUT.println("fault suite: could not run: " + e);
            e.printStackTrace(OUT);
            exit = 2;
        } finally {
            Children.killAll();
        }
        System.exit(exit);
    }

    private static int run(Options options) throws Exception {
        Progress progress = new Progress(OUT);
        OUT.printf(Locale.ROOT, "circlekeeper fault injection: app %s, work dir %s%n", options.appJar(), options.work());
        OUT.printf(Locale.ROOT, "two app processes (Telegram webhook mode) on one redis-server (appendonly yes, appendfsync %s), "
                + "job lease %d s, all on 127.0.0.1%n%n", RedisProcess.FSYNC, Bot.JOB_LEASE.toSeconds());
        List<Row> rows = new ArrayList<>();
        ReminderScenarios reminders = new ReminderScenarios(options, progress);
        if (options.scenarios().contains(1)) {
            progress.say("scenario 1: %,d reminders, SIGKILL one app at %.0f%% delivered", options.reminders(), options.killAt() * 100);
            rows.add(reminders.sigkill());
        }
        if (options.scenarios().contains(2)) {
            progress.say("scenario 2: %,d reminders, one delivery stalled past the job lease", options.stallReminders());
            rows.add(reminders.stall());
        }
        if (options.scenarios().contains(3)) {
            progress.say("scenario 3: check-ins, SIGKILL Redis and start it again");
            rows.add(new CheckinScenario(options, progress).run());
        }
        print(rows);
        boolean clean = rows.stream().allMatch(Row::clean);
        OUT.println(clean ? "\nresult: every count is 0" : "\nresult: FAILED, a count is not 0");
        return clean ? 0 : 1;
    }

    private static void print(List<Row> rows) {
        OUT.println();
        String format = "%-36s %9s %10s %7s %8s %22s%n";
        OUT.printf(Locale.ROOT, format, "scenario", "expected", "delivered", "lost", "doubled", "acknowledged-but-lost");
        for (Row row : rows) {
            OUT.printf(Locale.ROOT, format, row.scenario(), row.expected(), row.delivered(), show(row.lost()), show(row.doubled()),
                    show(row.acknowledgedButLost()));
        }
        OUT.println();
        for (Row row : rows) {
            OUT.println(row.scenario() + ":");
            row.notes().forEach(note -> OUT.println("  - " + note));
        }
    }

    private static String show(Integer count) {
        return count == null ? "-" : Integer.toString(count);
    }
}
