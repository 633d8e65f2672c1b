/**
 * Benchmarks: programs with a {@code main} that measure and print figures, never timed tests. {@link
 * org.circlekeeper.bench.SchedulerBenchmark} runs the same reminder workload through the Redis job queue and
 * through Quartz's in-memory scheduler.
 */
package org.circlekeeper.bench;
