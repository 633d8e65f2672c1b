package org.circlekeeper.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one run delivered: how many times each job ran, how late its first run was, whether the delivery marker
 * in Redis was already set (a second delivery seen by the platform), and when claims and deliveries happened.
 * Thread-safe.
 */
final class Deliveries {

    private final Instant[] due;
    private final AtomicIntegerArray runs;
    private final long[] latenessMicros;
    private final CountDownLatch allDelivered;
    private final AtomicInteger markerAlreadySet = new AtomicInteger();
    private final AtomicInteger claimed = new AtomicInteger();
    private final AtomicLong lastClaimNanos = new AtomicLong();
    private final AtomicLong lastDeliveryNanos = new AtomicLong();
    private volatile long startNanos;

    Deliveries(Workload workload, Instant start) {
        int size = workload.size();
        this.due = new Instant[size];
        for (int i = 0; i < size; i++) {
            due[i] = workload.due(i, start);
        }
        this.runs = new AtomicIntegerArray(size);
        this.latenessMicros = new long[size];
        this.allDelivered = new CountDownLatch(size);
    }

    /**
     * Marks the moment throughput is measured from: the schedulers' start, or the first due time when that is
     * later (in a window run, jobs cannot be delivered faster than they fall due).
     */
    void start() {
        long untilFirstDue = Duration.between(Instant.now(), due.length == 0 ? Instant.now() : firstDue()).toNanos();
        startNanos = System.nanoTime() + Math.max(0, untilFirstDue);
    }

    private Instant firstDue() {
        Instant first = due[0];
        for (Instant d : due) {
            if (d.isBefore(first)) {
                first = d;
            }
        }
        return first;
    }

    void claimed(int count) {
        if (count > 0) {
            claimed.addAndGet(count);
            lastClaimNanos.accumulateAndGet(System.nanoTime(), Math::max);
        }
    }

    /** Records one run of job {@code index}, begun at {@code ranAt}; {@code markerWasNew} is SET NX's answer. */
    void delivered(int index, Instant ranAt, boolean markerWasNew) {
        if (!markerWasNew) {
            markerAlreadySet.incrementAndGet();
        }
        if (runs.incrementAndGet(index) == 1) {
            latenessMicros[index] = ChronoUnit.MICROS.between(due[index], ranAt);
            lastDeliveryNanos.accumulateAndGet(System.nanoTime(), Math::max);
            allDelivered.countDown();
        }
    }

    boolean complete() {
        return allDelivered.getCount() == 0;
    }

    /** Waits until every job ran once, or the time is up; true when all ran. */
    boolean await(long millis) throws InterruptedException {
        return allDelivered.await(millis, TimeUnit.MILLISECONDS);
    }

    /** The figures of this run, which took {@code scheduleSeconds} to schedule; call once the schedulers stopped. */
    Figures figures(double scheduleSeconds) {
        int size = due.length;
        int missing = 0;
        int duplicates = 0;
        long[] lateness = new long[size];
        int delivered = 0;
        for (int i = 0; i < size; i++) {
            int n = runs.get(i);
            if (n == 0) {
                missing++;
            } else {
                duplicates += n - 1;
                lateness[delivered++] = latenessMicros[i];
            }
        }
        long[] sorted = Arrays.copyOf(lateness, delivered);
        Arrays.sort(sorted);
        double claimSeconds = (lastClaimNanos.get() - startNanos) / 1e9;
        double deliverySeconds = (lastDeliveryNanos.get() - startNanos) / 1e9;
        return new Figures(scheduleSeconds, size, delivered, duplicates, missing, markerAlreadySet.get(),
                claimed.get() / claimSeconds, delivered / deliverySeconds,
                percentile(sorted, 0.0), percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0));
    }

    private static double percentile(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, rank))] / 1000.0;
    }
}
