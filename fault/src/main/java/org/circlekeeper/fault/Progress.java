package org.circlekeeper.fault;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The suite's running commentary on standard output: what it does, so a slow run shows where it is. */
final class Progress {

    private final PrintStream out;

    Progress(PrintStream out) {
        this.out = out;
    }

    void say(String format, Object... values) {
        out.printf(Locale.ROOT, "%s  %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), String.format(Locale.ROOT, format, values));
        out.flush();
    }
}
