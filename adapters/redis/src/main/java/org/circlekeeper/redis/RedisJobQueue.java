package org.circlekeeper.redis;

import static org.circlekeeper.redis.JobQueueScripts.ACK;
import static org.circlekeeper.redis.JobQueueScripts.ACK_ALL;
import static org.circlekeeper.redis.JobQueueScripts.ALL_KEYS;
import static org.circlekeeper.redis.JobQueueScripts.BURY;
import static org.circlekeeper.redis.JobQueueScripts.CANCEL;
import static org.circlekeeper.redis.JobQueueScripts.CLAIM;
import static org.circlekeeper.redis.JobQueueScripts.DUE_AND_DATA;
import static org.circlekeeper.redis.JobQueueScripts.JOBS;
import static org.circlekeeper.redis.JobQueueScripts.NEXT;
import static org.circlekeeper.redis.JobQueueScripts.RENEW;
import static org.circlekeeper.redis.JobQueueScripts.RESCHEDULE;
import static org.circlekeeper.redis.JobQueueScripts.RETRY;
import static org.circlekeeper.redis.JobQueueScripts.SCHEDULE;
import static org.circlekeeper.redis.JobQueueScripts.WITH_DEAD;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.circlekeeper.core.schedule.ClaimedJob;
import org.circlekeeper.core.schedule.DeadJob;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Durable due jobs in Redis, shared by every replica: waiting jobs in the sorted set {@link RedisKeys#jobsDue()},
 * claimed ones in {@link RedisKeys#jobsLeased()} until their lease ends (or is renewed), each claim's token in
 * {@link RedisKeys#jobsClaims()}, and each job's claim count, due time, kind and payload in the hash
 * {@link RedisKeys#jobsData()}. Every operation is one Lua script, so a claim goes to exactly one caller however many
 * replicas ask at once, and an ack, retry, renewal or burial counts only from the claim that still holds the job
 * (its token matches): a holder whose lease was taken over, or whose job was cancelled, rescheduled and claimed
 * afresh, changes nothing. Jobs given up on are kept, without payload, in the capped list
 * {@link RedisKeys#jobsDead()}.
 *
 * <p>A job scheduled, rescheduled or put back earlier than every waiting one is announced on the channel {@link
 * RedisKeys#jobsWake()} by the same script; every replica's queue listens ({@link #wakeups()}, started on first use)
 * so that its scheduler, asleep until the earliest job it knew ({@link #nextDue()}), wakes for the new one. Close the
 * queue to stop listening; the queue itself still works afterwards.
 *
 * <p>Times come from the caller's clock (the virtual one in tests and the console), never from Redis. Scores are
 * epoch milliseconds: a due time or lease end is rounded up and {@code now} down, so a job never runs early; one
 * due within the same millisecond as {@code now} waits at most one millisecond more. The job handed back keeps its
 * exact due time.
 */
public final class RedisJobQueue implements JobQueue, AutoCloseable {

    /** The longest payload a job may carry here: a handler's ids, not a document. */
    public static final int MAX_PAYLOAD_LENGTH = 4_096;
    /** The most jobs one claim takes; a larger {@code max} claims this many. */
    public static final int MAX_CLAIM = 1_000;
    /** How many dead jobs are kept for operators; older ones fall off. */
    public static final int MAX_DEAD = 1_000;
    /** How long the list of dead jobs is kept after its newest entry. */
    public static final Duration DEAD_KEPT = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(RedisJobQueue.class);
    private static final int SCHEDULE_CHUNK = 500;
    /**
     * How many expired leases one claim reads to find the earliest due among them. Leases are only as many as the
     * claims in flight (a batch per instance), so this is all of them unless many instances died holding batches;
     * beyond it the earliest-expired compete first.
     */
    static final int EXPIRED_LEASE_SCAN = 10_000;

        private final RedisConnection redis;
    private final JobWakeups wakeups;

    public RedisJobQueue(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.wakeups = new JobWakeups(redis, RedisKeys.jobsWake());
    }

    @Override
    public boolean schedule(Job job) {
        return scheduleAll(List.of(job)) == 1;
    }

    /**
     * Schedules many jobs in a few round trips (a circle's reminders for all its members, a migration); like
     * {@link #schedule}, a job whose id is already there, waiting or claimed, is left as it is.
     *
     * @return how many of the jobs were new
     */
    public int scheduleAll(Collection<Job> jobs) {
        List<String> args = new ArrayList<>();
        String wake = RedisKeys.jobsWake();
        for (Job job : jobs) {
            checkPayload(job);
            args.add(job.id());
            args.add(Long.toString(ceilMillis(job.due())));
            args.add(encode(0, job));
        }
        int added = 0;
        for (int from = 0; from < args.size(); from += 3 * SCHEDULE_CHUNK) {
            List<String> chunk = new ArrayList<>(1 + 3 * SCHEDULE_CHUNK);
            chunk.add(wake);
            chunk.addAll(args.subList(from, Math.min(args.size(), from + 3 * SCHEDULE_CHUNK)));
            added += Math.toIntExact(number(redis.call(JOBS, jedis -> SCHEDULE.run(jedis, DUE_AND_DATA, chunk)), "schedule"));
        }
        return added;
    }

    @Override
    public void reschedule(Job job) {
        checkPayload(job);
        String value = encode(0, job);
        String withoutClaims = value.substring(value.indexOf(' '));
        redis.call(JOBS, jedis -> RESCHEDULE.run(jedis, ALL_KEYS,
                List.of(RedisKeys.jobsWake(), job.id(), Long.toString(ceilMillis(job.due())), withoutClaims)));
    }

    /** Removes the job whether it waits or is claimed (a claim's later ack or retry then does nothing). */
    @Override
    public boolean cancel(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        return number(redis.call(JOBS, jedis -> CANCEL.run(jedis, ALL_KEYS, List.of(jobId))), "cancel") == 1;
    }

    /** Reads the queue's data hash in pages (HSCAN) and cancels each job picked, one by one. */
    @Override
    public int cancelAll(Predicate<Job> which) {
        Objects.requireNonNull(which, "which");
        List<String> picked = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            String from = cursor;
            ScanResult<Map.Entry<String, String>> page = redis.call(JOBS, jedis ->
                    jedis.hscan(RedisKeys.jobsData(), from, new ScanParams().count(500)));
            for (Map.Entry<String, String> entry : page.getResult()) {
                if (which.test(job(entry.getKey(), entry.getValue()))) {
                    picked.add(entry.getKey());
                }
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        int cancelled = 0;
        for (String id : picked) {
            if (cancel(id)) {
                cancelled++;
            }
        }
        return cancelled;
    }

    /**
     * Claims up to {@code max} (at most {@link #MAX_CLAIM}) jobs that are due, or whose earlier claim's lease ended
     * without an ack, earliest due time first; each comes back with its claim count, this claim included.
     */
    @Override
    public List<ClaimedJob> claimDue(Instant now, int max, Duration lease) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        if (max < 0 || lease.isNegative()) {
            throw new IllegalArgumentException("a claim takes max >= 0 jobs for a lease >= 0; not " + max + " for " + lease);
        }
        if (max == 0) {
            return List.of();
        }
        Instant leaseExpires = now.plus(lease);
        String token = UUID.randomUUID().toString();
        List<String> args = List.of(Long.toString(floorMillis(now)), Integer.toString(Math.min(max, MAX_CLAIM)),
                Long.toString(ceilMillis(leaseExpires)), Integer.toString(EXPIRED_LEASE_SCAN), token);
        Object result = redis.call(JOBS, jedis -> CLAIM.run(jedis, ALL_KEYS, args));
        if (!(result instanceof List<?> flat) || flat.size() % 2 != 0) {
            throw new IllegalStateException("the claim script answered " + result + " instead of id, value pairs");
        }
        List<ClaimedJob> claimed = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i < flat.size(); i += 2) {
            claimed.add(decode((String) flat.get(i), (String) flat.get(i + 1), leaseExpires, token));
        }
        return claimed;
    }

    /** Removes the job, but only while this claim holds it: a late ack after another instance re-claimed it is ignored. */
    @Override
    public void ack(ClaimedJob claimed) {
        String id = claimed.job().id();
        Object result = redis.call(JOBS, jedis -> ACK.run(jedis, ALL_KEYS, List.of(id, claimed.claim())));
        if (number(result, "ack") == 0) {
            LOG.debug("ack of job {} (claim {}) ignored: it was re-claimed, rescheduled or cancelled meanwhile", id,
                    claimed.attempt());
        }
    }

    /**
     * Removes every job of {@code claimed} that its own claim still holds, in one round trip; a job whose claim went
     * stale (taken over, rescheduled, cancelled) stays as it is, like a refused {@link #ack}.
     */
    @Override
    public void ackAll(List<ClaimedJob> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(2 * claimed.size());
        for (ClaimedJob job : claimed) {
            args.add(job.job().id());
            args.add(job.claim());
        }
        long acked = number(redis.call(JOBS, jedis -> ACK_ALL.run(jedis, ALL_KEYS, args)), "ack");
        if (acked < claimed.size()) {
            LOG.debug("ack of {} of {} jobs ignored: they were re-claimed, rescheduled or cancelled meanwhile",
                    claimed.size() - acked, claimed.size());
        }
    }

    /** The earliest waiting job's due time or claimed job's lease end, to the millisecond (rounded up). */
    @Override
    public Optional<Instant> nextDue() {
        Object result = redis.call(JOBS, jedis -> NEXT.run(jedis, ALL_KEYS, List.of()));
        if (!(result instanceof List<?> both) || both.size() != 2) {
            throw new IllegalStateException("the next-due script answered " + result + " instead of two scores");
        }
        Optional<Instant> next = Optional.empty();
        for (Object score : both) {
            if (score instanceof String millis) {
                Instant at = Instant.ofEpochMilli(Long.parseLong(millis));
                if (next.isEmpty() || at.isBefore(next.get())) {
                    next = Optional.of(at);
                }
            }
        }
        return next;
    }

    /** Wake-ups heard on {@link RedisKeys#jobsWake()}; the first call starts this queue's listener. */
    @Override
    public long wakeups() {
        return wakeups.heard();
    }

    @Override
    public void awaitWakeup(long seen, Duration max) throws InterruptedException {
        wakeups.await(seen, max);
    }

    /** True once this queue's listener is subscribed, so that a wake-up published now is heard (for tests). */
    boolean listening() {
        return wakeups.subscribed();
    }

    /** Stops listening for wake-ups (if this queue did); every operation still works, and waits last their cap. */
    @Override
    public void close() {
        wakeups.close();
    }

    /**
     * Puts the job back waiting until {@code at}, keeping its claim count, but only while this claim holds it (the
     * same rule as {@link #ack}): after a reschedule, cancel or another instance's claim it does nothing.
     */
    @Override
    public void retry(ClaimedJob claimed, Instant at) {
        Objects.requireNonNull(at, "at");
        Job job = claimed.job();
        Job moved = new Job(job.id(), job.kind(), at, job.payload());
        Object result = redis.call(JOBS, jedis -> RETRY.run(jedis, ALL_KEYS, List.of(job.id(),
                claimed.claim(), Long.toString(ceilMillis(at)), encode(claimed.attempt(), moved), RedisKeys.jobsWake())));
        if (number(result, "retry") == 0) {
            LOG.debug("retry of job {} (claim {}) ignored: it was re-claimed, rescheduled or cancelled meanwhile",
                    job.id(), claimed.attempt());
        }
    }

    /** Moves the lease end to {@code now + lease}, but only while this claim holds the job (as {@link #ack}). */
    @Override
    public boolean renew(ClaimedJob claimed, Instant now, Duration lease) {
        Objects.requireNonNull(now, "now");
        if (lease.isNegative()) {
            throw new IllegalArgumentException("a lease may not be negative: " + lease);
        }
        String until = Long.toString(ceilMillis(now.plus(lease)));
        return number(redis.call(JOBS, jedis -> RENEW.run(jedis, ALL_KEYS, List.of(claimed.job().id(), claimed.claim(), until))),
                "renew") == 1;
    }

    /**
     * Removes the job, while this claim holds it, and records it at the head of {@link RedisKeys#jobsDead()}: time,
     * attempts, kind, reason and the fingerprint of its id, never the id (it may name a member) or the payload.
     */
    @Override
    public void bury(ClaimedJob claimed, String reason, Instant at) {
        Job job = claimed.job();
        DeadJob dead = new DeadJob(DeadJob.fingerprint(job.id()), job.kind(), claimed.attempt(), reason, at);
        String entry = at.getEpochSecond() + " " + at.getNano() + " " + dead.attempts() + " " + dead.kind() + " "
                + dead.reason() + " " + dead.job();
        Object result = redis.call(JOBS, jedis -> BURY.run(jedis, WITH_DEAD, List.of(job.id(), claimed.claim(), entry,
                Integer.toString(MAX_DEAD), Long.toString(DEAD_KEPT.toMillis()))));
        if (number(result, "bury") == 0) {
            LOG.debug("burial of job {} ignored: it was re-claimed, rescheduled or cancelled meanwhile", job.id());
        }
    }

    @Override
    public List<DeadJob> dead(int max) {
        if (max <= 0) {
            return List.of();
        }
        List<String> entries = redis.call(JOBS, jedis -> jedis.lrange(RedisKeys.jobsDead(), 0, max - 1L));
        List<DeadJob> dead = new ArrayList<>(entries.size());
        for (String entry : entries) {
            String[] parts = entry.split(" ", 6);
            if (parts.length == 6) {
                Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                dead.add(new DeadJob(parts[5], parts[3], Integer.parseInt(parts[2]), parts[4], at));
            }
        }
        return dead;
    }

    /** How many dead jobs are kept (at most {@link #MAX_DEAD}), for health and metrics. */
    public long deadCount() {
        return redis.call(JOBS, jedis -> jedis.llen(RedisKeys.jobsDead()));
    }

    @Override
    public long waiting() {
        return redis.call(JOBS, jedis -> jedis.zcard(RedisKeys.jobsDue()));
    }

    /** How many jobs are claimed and not yet acked (some may have outlived their lease), for health and metrics. */
    public long claimed() {
        return redis.call(JOBS, jedis -> jedis.zcard(RedisKeys.jobsLeased()));
    }

    static String encode(int claims, Job job) {
        Instant due = job.due();
        return claims + " " + due.getEpochSecond() + " " + due.getNano() + " " + job.kind() + " " + job.payload();
    }

    static ClaimedJob decode(String id, String value, Instant leaseExpires, String token) {
        return new ClaimedJob(job(id, value), Integer.parseInt(value.substring(0, value.indexOf(' '))), leaseExpires, token);
    }

    /** The job a value of the data hash holds. */
    static Job job(String id, String value) {
        String[] parts = value.split(" ", 5);
        if (parts.length != 5) {
            throw new IllegalStateException("job " + id + " has unreadable data in " + RedisKeys.jobsData());
        }
        Instant due = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        return new Job(id, parts[3], due, parts[4]);
    }

    /** Epoch milliseconds rounded up: a due time or lease end is never reached early. */
    static long ceilMillis(Instant t) {
        long millis = t.toEpochMilli();
        return t.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    }

    /** Epoch milliseconds rounded down ({@link Instant#toEpochMilli()} floors). */
    static long floorMillis(Instant t) {
        return t.toEpochMilli();
    }

    private static void checkPayload(Job job) {
        if (job.payload().length() > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("job " + job.id() + " has a payload of " + job.payload().length()
                    + " characters; at most " + MAX_PAYLOAD_LENGTH + " are kept: store ids, not documents");
        }
    }

    private static long number(Object result, String script) {
        if (!(result instanceof Long n)) {
            throw new IllegalStateException("the " + script + " script answered " + result + " instead of a number");
        }
        return n;
    }
}
