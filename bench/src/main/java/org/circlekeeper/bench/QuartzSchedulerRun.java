package org.circlekeeper.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisUrl;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger.CompletedExecutionInstruction;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerListener;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.SetParams;

/**
 * The same workload through Quartz with its in-memory {@code RAMJobStore}: one job and one {@code SimpleTrigger}
 * per reminder at the same due time, a worker pool as large as the number of Redis scheduler instances, and a job
 * that does the same piece of work (the SET NX delivery marker in the same Redis).
 */
final class QuartzSchedulerRun {

    private static final Logger LOG = LoggerFactory.getLogger(QuartzSchedulerRun.class);
    private static final String GROUP = "reminders";
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final RedisUrl url;
    private final int threads;

    QuartzSchedulerRun(RedisUrl url, int threads) {
        this.url = url;
        this.threads = threads;
    }

    /** Schedules the workload from {@code start}, runs it, and waits at most {@code timeout} after the window. */
    Figures run(Workload workload, Instant start, Duration timeout) throws InterruptedException, SchedulerException {
        Deliveries deliveries = new Deliveries(workload, start);
        try (RedisConnection redis = new RedisConnection(url)) {
            redis.run(jedis -> jedis.flushDB());
            Scheduler quartz = new StdSchedulerFactory(properties()).getScheduler();
            try {
                Delivery delivery = new Delivery(redis, deliveries);
                quartz.setJobFactory((bundle, scheduler) -> delivery);
                quartz.getListenerManager().addTriggerListener(new FiringCounter(deliveries));
                Map<JobDetail, Set<? extends Trigger>> jobs = new HashMap<>();
                for (int i = 0; i < workload.size(); i++) {
                    String id = workload.id(i);
                    JobDetail job = JobBuilder.newJob(Delivery.class).withIdentity(id, GROUP).build();
                    Trigger trigger = TriggerBuilder.newTrigger().withIdentity(id, GROUP)
                            .startAt(Date.from(workload.due(i, start)))
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                            .build();
                    jobs.put(job, Set.of(trigger));
                }
                long began = System.nanoTime();
                quartz.scheduleJobs(jobs, false);
                double scheduleSeconds = (System.nanoTime() - began) / 1e9;
                jobs.clear();

                deliveries.start();
                quartz.start();
                long waitMillis = Math.max(0, Duration.between(Instant.now(), start.plus(workload.window())).toMillis())
                        + timeout.toMillis();
                if (!deliveries.await(waitMillis)) {
                    LOG.warn("not every Quartz job was delivered within {} ms", waitMillis);
                }
                quartz.shutdown(true);
                return deliveries.figures(scheduleSeconds);
            } finally {
                if (!quartz.isShutdown()) {
                    quartz.shutdown(false);
                }
            }
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "circlekeeper-bench-" + RUNS.incrementAndGet());
        p.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
        // a late trigger still fires (it is the lateness being measured), not handled as a misfire
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(Duration.ofHours(1).toMillis()));
        // Quartz's documented throughput setting: acquire as many due triggers at once as there are free workers
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(threads));
        return p;
    }

    /** The Quartz job: the same delivery marker as the Redis run's handler, and the time it began. */
    static final class Delivery implements Job {

        private static final SetParams ONCE = SetParams.setParams().nx().px(Duration.ofMinutes(30).toMillis());

        private final RedisConnection redis;
        private final Deliveries deliveries;

        Delivery(RedisConnection redis, Deliveries deliveries) {
            this.redis = redis;
            this.deliveries = deliveries;
        }

        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            Instant ranAt = Instant.now();
            String id = context.getJobDetail().getKey().getName();
            String set = redis.call(jedis -> jedis.set("ck:bench:delivered:" + id, "1", ONCE));
            deliveries.delivered(Workload.index(id), ranAt, "OK".equals(set));
        }
    }

    /** Counts trigger firings, Quartz's counterpart of a claim. */
    private static final class FiringCounter implements TriggerListener {

        private final Deliveries deliveries;

        FiringCounter(Deliveries deliveries) {
            this.deliveries = deliveries;
        }

        @Override
        public String getName() {
            return "firing-counter";
        }

        @Override
        public void triggerFired(Trigger trigger, JobExecutionContext context) {
            deliveries.claimed(1);
        }

        @Override
        public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
            return false;
        }

        @Override
        public void triggerMisfired(Trigger trigger) {
            LOG.warn("Quartz handled trigger {} as a misfire", trigger.getKey());
        }

        @Override
        public void triggerComplete(Trigger trigger, JobExecutionContext context,
                                    CompletedExecutionInstruction instruction) {
            // nothing to count: the job itself records its delivery
        }
    }
}
