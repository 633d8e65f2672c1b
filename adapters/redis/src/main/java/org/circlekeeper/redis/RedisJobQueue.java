package org.circlekeeper.redis;

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

    /*
     * A job's value in the data hash: "<claims> <epochSecond> <nano> <kind> <payload>", single spaces; the kind
     * never holds a space (Job checks it) and the payload is the rest, whatever it holds.
     */

    /**
     * The head of the waiting jobs before a change, KEYS[1]'s lowest score or nil; {@code WAKE} then publishes a new due
     * score on the channel ARGV[1] when it comes before that head (or none was waiting).
     */
    private static final String HEAD = """
            local before = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            local head = before[2] and tonumber(before[2])
            local function wake(score)
              if not head or score < head then
                redis.call('PUBLISH', ARGV[1], string.format('%d', score))
                head = score
              end
            end
            """;

    /**
     * Adds each (id, due score, value) triple from ARGV[2] on whose id is not there yet; returns how many it added and
     * wakes the schedulers once when the earliest of them comes first.
     */
    private static final RedisScript SCHEDULE = new RedisScript(HEAD + """
            local added = 0
            local earliest
            for i = 2, #ARGV, 3 do
              if redis.call('HSETNX', KEYS[2], ARGV[i], ARGV[i + 2]) == 1 then
                redis.call('ZADD', KEYS[1], ARGV[i + 1], ARGV[i])
                added = added + 1
                local score = tonumber(ARGV[i + 1])
                if not earliest or score < earliest then
                  earliest = score
                end
              end
            end
            if earliest then
              wake(earliest)
            end
            return added
            """);

    /**
     * Puts the job ARGV[2] back waiting at the new due score ARGV[3] with its new value ARGV[4], keeping its claim
     * count; wakes the schedulers (ARGV[1]) when it now comes first.
     */
    private static final RedisScript RESCHEDULE = new RedisScript(HEAD + """
            local old = redis.call('HGET', KEYS[3], ARGV[2])
            local claims = old and string.match(old, '^%d+') or '0'
            redis.call('HSET', KEYS[3], ARGV[2], claims .. ARGV[4])
            redis.call('ZREM', KEYS[2], ARGV[2])
            redis.call('HDEL', KEYS[4], ARGV[2])
            redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
            wake(tonumber(ARGV[3]))
            return 1
            """);

    /** Removes the job, waiting or claimed; returns 1 when there was one. */
    private static final RedisScript CANCEL = new RedisScript("""
            local removed = redis.call('HDEL', KEYS[3], ARGV[1])
            redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('HDEL', KEYS[4], ARGV[1])
            return removed
            """);

    /**
     * Takes up to ARGV[2] jobs that are due (due score <= ARGV[1]) or whose lease ended (lease score <= ARGV[1]),
     * earliest due time first (then id), counts one more claim on each, leases them until ARGV[3] under the claim
     * token ARGV[5], and returns
     * id, new value, id, new value, ... The first ARGV[2] due jobs are the earliest by score already; expired
     * leases are ordered by lease end, not due time, so up to ARGV[4] of them are read and sorted with the rest.
     * Data is read 1,000 ids per HMGET: Redis's Lua cannot unpack more than 8,000 values into one call.
     * An id whose data is missing or unreadable (never written by this class) leaves its set and the hash, with
     * a warning in the server log, instead of blocking the queue.
     */
    private static final RedisScript CLAIM = new RedisScript("""
            local max = tonumber(ARGV[2])
            local found = {}
            local seen = {}
            local function gather(key, limit)
              local ids = redis.call('ZRANGEBYSCORE', key, '-inf', ARGV[1], 'LIMIT', 0, limit)
              if #ids == 0 then
                return
              end
              local values = {}
              for from = 1, #ids, 1000 do
                local part = redis.call('HMGET', KEYS[3], unpack(ids, from, math.min(#ids, from + 999)))
                for j = 1, #part do
                  values[from + j - 1] = part[j]
                end
              end
              for i = 1, #ids do
                local id = ids[i]
                if not seen[id] then
                  seen[id] = true
                  local claims, tail, sec, nano
                  if values[i] then
                    claims, tail = string.match(values[i], '^(%d+)( .*)$')
                  end
                  if tail then
                    sec, nano = string.match(tail, '^ (%-?%d+) (%d+) ')
                  end
                  if sec then
                    found[#found + 1] = {id = id, claims = tonumber(claims), sec = tonumber(sec),
                                         nano = tonumber(nano), tail = tail}
                  else
                    redis.call('ZREM', key, id)
                    redis.call('HDEL', KEYS[3], id)
                    redis.call('HDEL', KEYS[4], id)
                    redis.log(redis.LOG_WARNING, 'circlekeeper job queue: dropped job ' .. id .. ' without readable data')
                  end
                end
              end
            end
            gather(KEYS[1], max)
            gather(KEYS[2], tonumber(ARGV[4]))
            if #found == 0 then
              return {}
            end
            table.sort(found, function(a, b)
              if a.sec ~= b.sec then
                return a.sec < b.sec
              end
              if a.nano ~= b.nano then
                return a.nano < b.nano
              end
              return a.id < b.id
            end)
            local claimed, ids, leases, values, tokens = {}, {}, {}, {}, {}
            for i = 1, math.min(max, #found) do
              local job = found[i]
              local value = string.format('%d', job.claims + 1) .. job.tail
              ids[#ids + 1] = job.id
              leases[#leases + 1] = ARGV[3]
              leases[#leases + 1] = job.id
              values[#values + 1] = job.id
              values[#values + 1] = value
              tokens[#tokens + 1] = job.id
              tokens[#tokens + 1] = ARGV[5]
              claimed[#claimed + 1] = job.id
              claimed[#claimed + 1] = value
            end
            redis.call('ZREM', KEYS[1], unpack(ids))
            redis.call('ZADD', KEYS[2], unpack(leases))
            redis.call('HSET', KEYS[3], unpack(values))
            redis.call('HSET', KEYS[4], unpack(tokens))
            return claimed
            """);

    /** The fence of every script below: the job ARGV[1] is claimed (in KEYS[2]) under the token ARGV[2] (in KEYS[4]). */
    private static final String HELD = """
            if not redis.call('ZSCORE', KEYS[2], ARGV[1]) or redis.call('HGET', KEYS[4], ARGV[1]) ~= ARGV[2] then
              return 0
            end
            """;

    /** Removes the job when this claim holds it; returns 1 then, else 0. */
    private static final RedisScript ACK = new RedisScript(HELD + """
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('HDEL', KEYS[3], ARGV[1])
            redis.call('HDEL', KEYS[4], ARGV[1])
            return 1
            """);

    /**
     * ACK for each (id, token) pair in ARGV, each under the fence of its own token (as HELD): removes every job its
     * claim still holds, leaves the rest, and returns how many it removed.
     */
    private static final RedisScript ACK_ALL = new RedisScript("""
            local ids, tokens = {}, {}
            for i = 1, #ARGV, 2 do
              ids[#ids + 1] = ARGV[i]
              tokens[#tokens + 1] = ARGV[i + 1]
            end
            local holders = redis.call('HMGET', KEYS[4], unpack(ids))
            local held = {}
            for i = 1, #ids do
              if holders[i] == tokens[i] and redis.call('ZSCORE', KEYS[2], ids[i]) then
                held[#held + 1] = ids[i]
              end
            end
            if #held > 0 then
              redis.call('ZREM', KEYS[2], unpack(held))
              redis.call('HDEL', KEYS[3], unpack(held))
              redis.call('HDEL', KEYS[4], unpack(held))
            end
            return #held
            """);

    /** The lowest due score (KEYS[1]) and the lowest lease score (KEYS[2]), each false when the set is empty. */
    private static final RedisScript NEXT = new RedisScript("""
            local due = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            local leased = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
            return {due[2] or false, leased[2] or false}
            """);

    /** Moves the lease end to score ARGV[3] when this claim holds the job; returns 1 then, else 0. */
    private static final RedisScript RENEW = new RedisScript(HELD + """
            redis.call('ZADD', KEYS[2], 'XX', ARGV[3], ARGV[1])
            return 1
            """);

    /**
     * Removes the job like ACK when this claim holds it, and puts ARGV[3] at the head of the dead list KEYS[5], which
     * keeps ARGV[4] entries and lives ARGV[5] milliseconds after its newest; returns 1 then, else 0.
     */
    private static final RedisScript BURY = new RedisScript(HELD + """
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('HDEL', KEYS[3], ARGV[1])
            redis.call('HDEL', KEYS[4], ARGV[1])
            redis.call('LPUSH', KEYS[5], ARGV[3])
            redis.call('LTRIM', KEYS[5], 0, tonumber(ARGV[4]) - 1)
            redis.call('PEXPIRE', KEYS[5], ARGV[5])
            return 1
            """);

    /**
     * Puts the job back waiting at due score ARGV[3] with value ARGV[4] when this claim holds it; returns 1 then,
     * else 0. Wakes the schedulers (ARGV[5]) when it now comes first: a job put back by a stopping replica, or
     * retried soon, is taken by another at once.
     */
    private static final RedisScript RETRY = new RedisScript(HELD + """
            local before = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('HDEL', KEYS[4], ARGV[1])
            redis.call('HSET', KEYS[3], ARGV[1], ARGV[4])
            redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
            if not before[2] or tonumber(ARGV[3]) < tonumber(before[2]) then
              redis.call('PUBLISH', ARGV[5], ARGV[3])
            end
            return 1
            """);

    private static final List<String> DUE_AND_DATA = List.of(RedisKeys.jobsDue(), RedisKeys.jobsData());
    /** The key whose hash slot every key of the queue shares ({@code {jobs}}): where each piece of its work runs. */
    private static final String JOBS = RedisKeys.jobsDue();
    private static final List<String> ALL_KEYS = List.of(RedisKeys.jobsDue(), RedisKeys.jobsLeased(),
            RedisKeys.jobsData(), RedisKeys.jobsClaims());
    private static final List<String> WITH_DEAD = List.of(RedisKeys.jobsDue(), RedisKeys.jobsLeased(),
            RedisKeys.jobsData(), RedisKeys.jobsClaims(), RedisKeys.jobsDead());

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
