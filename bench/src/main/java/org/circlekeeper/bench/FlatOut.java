package org.circlekeeper.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * N threads doing one kind of work flat out for a number of seconds, for {@link EngineBenchmark}: operations per second,
 * p50 and p99 of the latencies the work records, and the threads' own CPU time and heap allocation per operation.
 */
final class FlatOut {

    /** The JVM's per-thread CPU clock: how much work an operation costs the calling thread, apart from waiting. */
    private static final ThreadMXBean CPU = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private FlatOut() {
    }

    /** Latencies of one thread, in ns. */
    static final class Latencies {
        private long[] values = new long[1 << 16];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        long[] values() {
            return values;
        }

        int size() {
            return size;
        }
    }

    /**
     * What one run measured.
     *
     * @param cpuMicros    the worker threads' own CPU time per operation (JVM thread CPU time), in µs: less moved by the load
     * @param allocatedKib the heap the worker threads allocated per operation, in KiB: not moved by the load at all
     */
    record Throughput(double perSecond, double p50, double p99, double cpuMicros, double allocatedKib) {
    }

    /** Runs each thread's work in a loop for {@code seconds}; counts each latency recorded, or each loop when none. */
    static Throughput run(int threads, int seconds, Function<Integer, Function<Latencies, Object>> work)
            throws InterruptedException {
        AtomicLong operations = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        AtomicLong allocated = new AtomicLong();
        List<Latencies> all = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            Function<Latencies, Object> body = work.apply(t);
            Latencies latencies = new Latencies();
            all.add(latencies);
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long done = 0;
                long cpuBefore = CPU.getCurrentThreadCpuTime();
                long allocatedBefore = CPU.getCurrentThreadAllocatedBytes();
                while (System.nanoTime() < window[1]) {
                    int had = latencies.size;
                    body.apply(latencies);
                    done += latencies.size == had ? 1 : latencies.size - had;
                }
                cpu.addAndGet(CPU.getCurrentThreadCpuTime() - cpuBefore);
                allocated.addAndGet(CPU.getCurrentThreadAllocatedBytes() - allocatedBefore);
                operations.addAndGet(done);
            }, "bench-" + t);
            workers.add(worker);
            worker.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + seconds * 1_000_000_000L;
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        double took = (System.nanoTime() - window[0]) / 1e9;
        long[] merged = all.stream().flatMapToLong(l -> Arrays.stream(l.values, 0, l.size)).sorted().toArray();
        double p50 = merged.length == 0 ? 0 : merged[merged.length / 2] / 1e6;
        double p99 = merged.length == 0 ? 0 : merged[(int) (merged.length * 0.99)] / 1e6;
        return new Throughput(operations.get() / took, p50, p99, cpu.get() / 1e3 / Math.max(1, operations.get()),
                allocated.get() / 1024.0 / Math.max(1, operations.get()));
    }
}
