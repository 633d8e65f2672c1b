package org.circlekeeper.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.circlekeeper.core.schedule.Job;

/**
 * The reminder jobs both schedulers get: one per circle, with deterministic ids in the shape the circles
 * feature uses ({@code rem:<circle>:<occurrence>:<lead>}) and due times spread evenly over a window in an order
 * unrelated to the ids, so that neither store sees them pre-sorted.
 */
final class Workload {

    static final String KIND = "circle.reminder";
    private static final String[] LEADS = {"PT15M", "PT1H", "P1D"};
    private static final LocalDate FIRST_OCCURRENCE = LocalDate.of(2026, 4, 1);
    private static final DateTimeFormatter OCCURRENCE = DateTimeFormatter.ofPattern("yyyyMMdd'T1900'");

    private final int size;
    private final Duration window;
    private final long step;

    Workload(int size, Duration window) {
        if (size < 1) {
            throw new IllegalArgumentException("the workload needs at least one job, not " + size);
        }
        this.size = size;
        this.window = window;
        this.step = coprimeStep(size);
    }

    int size() {
        return size;
    }

    Duration window() {
        return window;
    }

    /** The id of circle {@code i}'s reminder, e.g. {@code rem:c000042:20260412T1900:PT1H}. */
    String id(int i) {
        return String.format("rem:c%06d:%s:%s", i, FIRST_OCCURRENCE.plusDays(i % 28).format(OCCURRENCE),
                LEADS[i % LEADS.length]);
    }

    /** The circle number back from an id made by {@link #id(int)}. */
    static int index(String id) {
        return Integer.parseInt(id, 5, id.indexOf(':', 5), 10);
    }

    /** When circle {@code i}'s reminder is due: {@code start} plus its place in the window. */
    Instant due(int i, Instant start) {
        long slot = (i * step) % size;
        return start.plusMillis(slot * window.toMillis() / size);
    }

    Job job(int i, Instant start) {
        return new Job(id(i), KIND, due(i, start), "circle=c" + i + ";lead=" + LEADS[i % LEADS.length]);
    }

    /** A multiplier that visits every slot once (a permutation of 0..size-1) and scatters neighbours. */
    private static long coprimeStep(int size) {
        long candidate = 7_919;
        while (gcd(candidate, size) != 1) {
            candidate += 2;
        }
        return candidate;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
