package org.circlekeeper.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.circlekeeper.core.schedule.ClaimedJob;
import org.circlekeeper.core.schedule.DeadJob;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobQueue;

/** A job queue that tells {@link Deliveries} how many jobs each claim took, so claims per second can be shown. */
final class CountingJobQueue implements JobQueue {

    private final JobQueue queue;
    private final Deliveries deliveries;

    CountingJobQueue(JobQueue queue, Deliveries deliveries) {
        this.queue = queue;
        this.deliveries = deliveries;
    }

    @Override
    public boolean schedule(Job job) {
        return queue.schedule(job);
    }

    @Override
    public void reschedule(Job job) {
        queue.reschedule(job);
    }

    @Override
    public boolean cancel(String jobId) {
        return queue.cancel(jobId);
    }

    @Override
    public int cancelAll(Predicate<Job> which) {
        return queue.cancelAll(which);
    }

    @Override
    public List<ClaimedJob> claimDue(Instant now, int max, Duration lease) {
        List<ClaimedJob> claimed = queue.claimDue(now, max, lease);
        deliveries.claimed(claimed.size());
        return claimed;
    }

    @Override
    public void ack(ClaimedJob claimed) {
        queue.ack(claimed);
    }

    @Override
    public void ackAll(List<ClaimedJob> claimed) {
        queue.ackAll(claimed);
    }

    @Override
    public void retry(ClaimedJob claimed, Instant at) {
        queue.retry(claimed, at);
    }

    @Override
    public boolean renew(ClaimedJob claimed, Instant now, Duration lease) {
        return queue.renew(claimed, now, lease);
    }

    @Override
    public void bury(ClaimedJob claimed, String reason, Instant at) {
        queue.bury(claimed, reason, at);
    }

    @Override
    public List<DeadJob> dead(int max) {
        return queue.dead(max);
    }

    @Override
    public long waiting() {
        return queue.waiting();
    }

    @Override
    public Optional<Instant> nextDue() {
        return queue.nextDue();
    }

    @Override
    public long wakeups() {
        return queue.wakeups();
    }

    @Override
    public void awaitWakeup(long seen, Duration max) throws InterruptedException {
        queue.awaitWakeup(seen, max);
    }
}
