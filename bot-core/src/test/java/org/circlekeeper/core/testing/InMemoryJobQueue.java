package org.circlekeeper.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.schedule.ClaimedJob;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobQueue;

/** Due jobs in memory with the same claim/lease/ack rules as Redis, for unit tests only. */
public final class InMemoryJobQueue implements JobQueue {

    private record Entry(Job job, int attempts, Instant leaseExpires) {
    }

    private final Map<String, Entry> jobs = new HashMap<>();

    @Override
    public synchronized boolean schedule(Job job) {
        if (jobs.containsKey(job.id())) {
            return false;
        }
        jobs.put(job.id(), new Entry(job, 0, null));
        return true;
    }

    @Override
    public synchronized void reschedule(Job job) {
        Entry old = jobs.get(job.id());
        jobs.put(job.id(), new Entry(job, old == null ? 0 : old.attempts(), null));
    }

    @Override
    public synchronized boolean cancel(String jobId) {
        return jobs.remove(jobId) != null;
    }

    @Override
    public synchronized List<ClaimedJob> claimDue(Instant now, int max, Duration lease) {
        List<Entry> due = jobs.values().stream()
                .filter(e -> e.leaseExpires() == null ? !e.job().due().isAfter(now) : !e.leaseExpires().isAfter(now))
                .sorted(Comparator.comparing((Entry e) -> e.job().due()).thenComparing(e -> e.job().id()))
                .limit(max).toList();
        List<ClaimedJob> claimed = new ArrayList<>();
        for (Entry e : due) {
            Entry taken = new Entry(e.job(), e.attempts() + 1, now.plus(lease));
            jobs.put(e.job().id(), taken);
            claimed.add(new ClaimedJob(e.job(), taken.attempts(), taken.leaseExpires()));
        }
        return claimed;
    }

    @Override
    public synchronized void ack(ClaimedJob claimed) {
        Entry e = jobs.get(claimed.job().id());
        if (e != null && e.leaseExpires() != null && e.attempts() == claimed.attempt()) {
            jobs.remove(claimed.job().id());
        }
    }

    @Override
    public synchronized void retry(ClaimedJob claimed, Instant at) {
        Entry e = jobs.get(claimed.job().id());
        if (e != null && e.attempts() == claimed.attempt()) {
            Job job = claimed.job();
            jobs.put(job.id(), new Entry(new Job(job.id(), job.kind(), at, job.payload()), e.attempts(), null));
        }
    }

    @Override
    public synchronized long waiting() {
        return jobs.values().stream().filter(e -> e.leaseExpires() == null).count();
    }

    /** Every waiting job, for assertions. */
    public synchronized List<Job> all() {
        return jobs.values().stream().map(Entry::job).sorted(Comparator.comparing(Job::due)).toList();
    }
}
