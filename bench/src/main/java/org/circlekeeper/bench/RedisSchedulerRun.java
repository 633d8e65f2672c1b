package org.circlekeeper.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisJobQueue;
import org.circlekeeper.redis.RedisUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.SetParams;

/**
 * The workload through circlekeeper's own path, in the app's configuration: {@link RedisJobQueue} and the core's
 * {@link Scheduler} with the app's lease ({@link Bot#JOB_LEASE}) and batch, several instances (threads, each with its
 * own connection pool as on its own replica) on a real wall clock, each looping as the app's {@code SchedulerRunner}
 * does: {@link Scheduler#runDue()}, then {@link Scheduler#awaitDue(Duration)} capped at {@code interval} (the app's
 * {@code circlekeeper.scheduler.interval}), which sleeps until the next due job unless a wake-up comes first.
 */
final class RedisSchedulerRun {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSchedulerRun.class);
    private final RedisUrl url;
    private final int instances;
    private final Duration interval;

    RedisSchedulerRun(RedisUrl url, int instances, Duration interval) {
        this.url = url;
        this.instances = instances;
        this.interval = interval;
    }

    /** Schedules the workload from {@code start} on an empty database, runs it, and waits at most {@code timeout}. */
    Figures run(Workload workload, Instant start, Duration timeout) throws InterruptedException {
        Deliveries deliveries = new Deliveries(workload, start);
        double scheduleSeconds;
        try (RedisConnection admin = new RedisConnection(url)) {
            admin.run(jedis -> jedis.flushDB());
            List<Job> jobs = new ArrayList<>(workload.size());
            for (int i = 0; i < workload.size(); i++) {
                jobs.add(workload.job(i, start));
            }
            long began = System.nanoTime();
            int added = new RedisJobQueue(admin).scheduleAll(jobs);
            scheduleSeconds = (System.nanoTime() - began) / 1e9;
            if (added != workload.size()) {
                throw new IllegalStateException("scheduled " + added + " of " + workload.size() + " jobs");
            }
        }
        List<RedisConnection> connections = new ArrayList<>();
        List<RedisJobQueue> queues = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        try {
            deliveries.start();
            for (int n = 0; n < instances; n++) {
                RedisConnection connection = new RedisConnection(url);
                connections.add(connection);
                RedisJobQueue queue = new RedisJobQueue(connection);
                queues.add(queue);
                Scheduler scheduler = new Scheduler(new CountingJobQueue(queue, deliveries),
                        Clock.systemUTC(), List.of(new MarkingHandler(connection, deliveries)), Bot.JOB_LEASE);
                Thread thread = new Thread(() -> runUntilDone(scheduler, deliveries, stop), "redis-scheduler-" + n);
                threads.add(thread);
                thread.start();
            }
            long waitMillis = Math.max(0, Duration.between(Instant.now(), start.plus(workload.window())).toMillis())
                    + timeout.toMillis();
            if (!deliveries.await(waitMillis)) {
                LOG.warn("not every job was delivered within {} ms", waitMillis);
            }
        } finally {
            stop.set(true);
            for (Thread thread : threads) {
                thread.interrupt();
                thread.join();
            }
            queues.forEach(RedisJobQueue::close);
            connections.forEach(RedisConnection::close);
        }
        return deliveries.figures(scheduleSeconds);
    }

    private void runUntilDone(Scheduler scheduler, Deliveries deliveries, AtomicBoolean stop) {
        try {
            while (!stop.get() && !deliveries.complete()) {
                scheduler.runDue();
                scheduler.awaitDue(interval);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("a scheduler instance stopped", e);
        }
    }

    /**
     * The handler's piece of work: a delivery marker set with SET NX, as a reminder sender would keep one so that a
     * platform never sees the same reminder twice; it also records when the job began to run.
     */
    private static final class MarkingHandler implements JobHandler {

        private static final SetParams ONCE = SetParams.setParams().nx().px(Duration.ofMinutes(30).toMillis());

        private final RedisConnection redis;
        private final Deliveries deliveries;

        MarkingHandler(RedisConnection redis, Deliveries deliveries) {
            this.redis = redis;
            this.deliveries = deliveries;
        }

        @Override
        public String kind() {
            return Workload.KIND;
        }

        @Override
        public void run(Job job, Instant now, Duration lateness) {
            Instant ranAt = Instant.now();
            String set = redis.call(jedis -> jedis.set("ck:bench:delivered:" + job.id(), "1", ONCE));
            deliveries.delivered(Workload.index(job.id()), ranAt, "OK".equals(set));
        }
    }
}
