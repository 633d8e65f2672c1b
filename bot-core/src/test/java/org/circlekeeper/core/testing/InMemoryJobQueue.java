package org.circlekeeper.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.circlekeeper.core.schedule.ClaimedJob;
import org.circlekeeper.core.schedule.DeadJob;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobQueue;

/** Due jobs in memory with the same claim/lease/ack rules as Redis, for unit tests only. */
public final class InMemoryJobQueue implements JobQueue {

    /** As many dead jobs as the Redis queue keeps. */
    public static final int MAX_DEAD = 1_000;

    private record Entry(Job job, int attempts, Instant leaseExpires, String claim) {
    }

    private final Map<String, Entry> jobs = new HashMap<>();
    private final Deque<DeadJob> dead = new ArrayDeque<>();
    private long wakeups;

    @Override
    public synchronized boolean schedule(Job job) {
        if (jobs.containsKey(job.id())) {
            return false;
        }
        jobs.put(job.id(), new Entry(job, 0, null, null));
        wake();
        return true;
    }

    @Override
    public synchronized void reschedule(Job job) {
        Entry old = jobs.get(job.id());
        jobs.put(job.id(), new Entry(job, old == null ? 0 : old.attempts(), null, null));
        wake();
    }

    @Override
    public synchronized boolean cancel(String jobId) {
        return jobs.remove(jobId) != null;
    }

    @Override
    public synchronized int cancelAll(Predicate<Job> which) {
        List<String> picked = jobs.values().stream().map(Entry::job).filter(which).map(Job::id).toList();
        picked.forEach(jobs::remove);
        return picked.size();
    }

    @Override
    public synchronized List<ClaimedJob> claimDue(Instant now, int max, Duration lease) {
        List<Entry> due = jobs.values().stream()
                .filter(e -> e.leaseExpires() == null ? !e.job().due().isAfter(now) : !e.leaseExpires().isAfter(now))
                .sorted(Comparator.comparing((Entry e) -> e.job().due()).thenComparing(e -> e.job().id()))
                .limit(max).toList();
        String claim = UUID.randomUUID().toString();
        List<ClaimedJob> claimed = new ArrayList<>();
        for (Entry e : due) {
            Entry taken = new Entry(e.job(), e.attempts() + 1, now.plus(lease), claim);
            jobs.put(e.job().id(), taken);
            claimed.add(new ClaimedJob(e.job(), taken.attempts(), taken.leaseExpires(), claim));
        }
        return claimed;
    }

    private Entry held(ClaimedJob claimed) {
        Entry e = jobs.get(claimed.job().id());
        return e != null && e.leaseExpires() != null && claimed.claim().equals(e.claim()) ? e : null;
    }

    @Override
    public synchronized void ack(ClaimedJob claimed) {
        if (held(claimed) != null) {
            jobs.remove(claimed.job().id());
        }
    }

    @Override
    public synchronized void retry(ClaimedJob claimed, Instant at) {
        Entry e = held(claimed);
        if (e != null) {
            Job job = claimed.job();
            jobs.put(job.id(), new Entry(new Job(job.id(), job.kind(), at, job.payload()), e.attempts(), null, null));
            wake();
        }
    }

    @Override
    public synchronized boolean renew(ClaimedJob claimed, Instant now, Duration lease) {
        Entry e = held(claimed);
        if (e == null) {
            return false;
        }
        jobs.put(claimed.job().id(), new Entry(e.job(), e.attempts(), now.plus(lease), e.claim()));
        return true;
    }

    @Override
    public synchronized void bury(ClaimedJob claimed, String reason, Instant at) {
        Entry e = held(claimed);
        if (e != null) {
            jobs.remove(claimed.job().id());
            dead.addFirst(new DeadJob(DeadJob.fingerprint(e.job().id()), e.job().kind(), e.attempts(), reason, at));
            while (dead.size() > MAX_DEAD) {
                dead.removeLast();
            }
        }
    }

    @Override
    public synchronized List<DeadJob> dead(int max) {
        return dead.stream().limit(max).toList();
    }

    @Override
    public synchronized long waiting() {
        return jobs.values().stream().filter(e -> e.leaseExpires() == null).count();
    }

    @Override
    public synchronized Optional<Instant> nextDue() {
        return jobs.values().stream().map(e -> e.leaseExpires() == null ? e.job().due() : e.leaseExpires())
                .min(Comparator.naturalOrder());
    }

    /** Counts every schedule, reschedule and retry as a wake-up (Redis only wakes for an earlier job; either is correct). */
    @Override
    public synchronized long wakeups() {
        return wakeups;
    }

    @Override
    public synchronized void awaitWakeup(long seen, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (wakeups == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private void wake() {
        wakeups++;
        notifyAll();
    }

    /** Every job, waiting or claimed, for assertions. */
    public synchronized List<Job> all() {
        return jobs.values().stream().map(Entry::job).sorted(Comparator.comparing(Job::due)).toList();
    }

    /** When the job's current lease ends, or null when it waits or is gone, for assertions. */
    public synchronized Instant leaseOf(String jobId) {
        Entry e = jobs.get(jobId);
        return e == null ? null : e.leaseExpires();
    }

    /**
     * Replaces each job {@code move} re-keys by its new form (its due time as it comes back, same attempts), waiting first while any of
     * them is claimed, so that a job being run is never run again under its new id; a job whose new id is taken
     * already gives way to the one there. Returns each re-keyed job's new id by its old one.
     */
    public synchronized Map<String, String> rekeyWhenIdle(Function<Job, Optional<Job>> move) throws InterruptedException {
        while (true) {
            Map<String, Job> picked = new HashMap<>();
            boolean busy = false;
            for (Entry e : jobs.values()) {
                Optional<Job> moved = move.apply(e.job());
                if (moved.isPresent()) {
                    busy |= e.leaseExpires() != null;
                    picked.put(e.job().id(), moved.get());
                }
            }
            if (!busy) {
                picked.forEach((oldId, job) -> {
                    Entry old = jobs.remove(oldId);
                    jobs.putIfAbsent(job.id(), new Entry(job, old.attempts(), null, null));
                });
                wake();
                Map<String, String> ids = new HashMap<>();
                picked.forEach((oldId, job) -> ids.put(oldId, job.id()));
                return ids;
            }
            wait(10);
        }
    }
}
